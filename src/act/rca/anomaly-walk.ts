/**
 * A random walk over the anomaly-weighted service graph: the share of time a walker spends on
 * each service when it starts from anomalous services, keeps moving towards the more anomalous
 * of the services they call, and stays where nothing it calls is worse. Pure.
 *
 * Written from the descriptions of MicroRCA (Wu et al., NOMS 2020: personalised PageRank on an
 * attributed graph, personalisation by anomaly) and MonitorRank / CloudRanger (Kim et al. 2013;
 * Wang et al. 2018: forward steps towards anomalous dependencies, a weak backward step so the
 * walk is not trapped, a self-step when a node is more anomalous than its neighbours). The
 * one-hop "explained by callees" rule of rank-causes.ts looks at a service and its callees; the
 * walk lets evidence flow along whole call paths, which matters when a chain of victims sits
 * between the symptom users see and the origin.
 */
import type { ServiceGraph } from '../../core/service-graph.js';

/** Probability of jumping back to an anomalous service at each step (PageRank's 1 − damping). */
const RESTART = 0.15;
/** Backward steps (to callers) weigh this much of a forward one: enough to leave a dead end. */
const BACKWARD = 0.1;
const ITERATIONS = 30;

/**
 * `strength`: each anomalous service's evidence in [0, 1]. Returns each service's visit share,
 * scaled so the most visited one is 1.
 */
export function anomalyWalk(strength: ReadonlyMap<string, number>, graph: ServiceGraph): Map<string, number> {
  const nodes = [...strength.keys()];
  const index = new Map(nodes.map((node, i) => [node, i]));
  const of = (node: string) => strength.get(node) ?? 0;
  const steps = nodes.map((node) => {
    const forward = graph.callees(node).filter((c) => index.has(c)).map((c) => ({ to: index.get(c) as number, weight: of(c) }));
    const backward = graph.callers(node).filter((c) => index.has(c)).map((c) => ({ to: index.get(c) as number, weight: BACKWARD * of(c) }));
    const worstCallee = Math.max(0, ...forward.map((f) => f.weight));
    const stay = { to: index.get(node) as number, weight: Math.max(0, of(node) - worstCallee) };
    const all = [...forward, ...backward, stay].filter((s) => s.weight > 0);
    const total = all.reduce((sum, s) => sum + s.weight, 0);
    return total > 0 ? all.map((s) => ({ to: s.to, p: s.weight / total })) : [{ to: index.get(node) as number, p: 1 }];
  });
  const totalStrength = nodes.reduce((sum, node) => sum + of(node), 0);
  const restart = nodes.map((node) => (totalStrength > 0 ? of(node) / totalStrength : 1 / nodes.length));
  let visits = [...restart];
  for (let iteration = 0; iteration < ITERATIONS; iteration++) {
    const next = restart.map((r) => RESTART * r);
    visits.forEach((share, from) => {
      for (const step of steps[from] ?? []) next[step.to] = (next[step.to] ?? 0) + (1 - RESTART) * share * step.p;
    });
    visits = next;
  }
  const most = Math.max(...visits, Number.MIN_VALUE);
  return new Map(nodes.map((node, i) => [node, (visits[i] ?? 0) / most]));
}
