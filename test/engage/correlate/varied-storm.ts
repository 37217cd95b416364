/**
 * A seeded, deliberately varied alert stream for checking that the correlator's candidate
 * search decides exactly as scoring every active incident would: faults spreading over a
 * random service graph (same service, neighbours, two hops, beyond), background alerts,
 * alerts without a service, shared and differing labels (volatile pods among them), words in
 * and out of common, gaps shorter and longer than the window, resolves that make incidents
 * quiet, and incidents closed by hand. Time only moves forward, as at the live desk.
 */
import { ServiceGraph } from '../../../src/core/service-graph.js';
import type { CorrelatedAlert } from '../../../src/engage/correlate/incident-profile.js';
import { createRng, type Rng } from '../../../src/demo/prng.js';

export type StormStep =
  | { kind: 'place'; alert: CorrelatedAlert }
  | { kind: 'touch'; alert: CorrelatedAlert }
  /** Close one of the incidents opened so far: the one at this fraction of their list. */
  | { kind: 'forget'; pick: number };

const NAMES = ['error ratio up', 'p95 latency up', 'p99 latency up', 'request rate down', 'CPU saturation', 'memory leak suspected', 'disk almost full', 'OOM killed', 'connection pool exhausted', '5xx burst'];
const WORDS = ['postgres', 'redis', 'kafka', 'checkout', 'timeout', 'refused', 'usual', 'deadline', 'replica', 'lag', 'queue', 'gc'];

export function variedGraph(rng: Rng, services: number): ServiceGraph {
  const edges: Array<{ caller: string; callee: string }> = [];
  // A random tree keeps everything reachable from somewhere; extra edges make shortcuts and cycles.
  for (let i = 1; i < services; i++) edges.push({ caller: `svc-${rng.int(0, i - 1)}`, callee: `svc-${i}` });
  for (let i = 0; i < services / 3; i++) edges.push({ caller: `svc-${rng.int(0, services - 1)}`, callee: `svc-${rng.int(0, services - 1)}` });
  return new ServiceGraph(edges);
}

export function variedStorm(seed: number, steps: number, services = 40): { graph: ServiceGraph; steps: StormStep[] } {
  const rng = createRng(seed);
  const graph = variedGraph(rng.fork('graph'), services);
  const out: StormStep[] = [];
  const firing: CorrelatedAlert[] = [];
  let time = 1_000_000;
  let ids = 0;
  let fault = { service: 'svc-0', name: 0, cluster: 'eu', team: 'a' };
  while (out.length < steps) {
    // Mostly seconds apart, sometimes past the 120 s window, sometimes all at once.
    time += rng.chance(0.05) ? rng.int(100_000, 400_000) : rng.chance(0.3) ? 0 : rng.int(500, 20_000);
    if (rng.chance(0.1)) fault = { service: `svc-${rng.int(0, services - 1)}`, name: rng.int(0, NAMES.length - 1), cluster: rng.pick(['eu', 'us', 'ap']), team: rng.pick(['a', 'b', 'c']) };
    const roll = rng.next();
    if (roll < 0.15 && firing.length > 0) {
      const index = rng.int(0, firing.length - 1);
      const alert = firing[index] as CorrelatedAlert;
      firing.splice(index, 1);
      out.push({ kind: 'touch', alert: { ...alert, status: 'resolved', lastSeenMs: time, endsMs: time } });
      continue;
    }
    if (roll < 0.17) {
      out.push({ kind: 'forget', pick: rng.next() });
      continue;
    }
    const background = rng.chance(0.25);
    const service = background ? (rng.chance(0.2) ? undefined : `svc-${rng.int(0, services - 1)}`) : nearby(rng, graph, fault.service);
    const name = background ? rng.pick(NAMES) : (NAMES[(fault.name + (rng.chance(0.3) ? 1 : 0)) % NAMES.length] as string);
    const labels: Record<string, string> = { pod: `pod-${rng.hex(3)}` };
    if (rng.chance(0.7)) labels.cluster = background ? rng.pick(['eu', 'us', 'ap']) : fault.cluster;
    if (rng.chance(0.5)) labels.team = background ? rng.pick(['a', 'b', 'c']) : fault.team;
    if (rng.chance(0.3)) labels.severity_class = rng.pick(['page', 'ticket']);
    const alert: CorrelatedAlert = {
      id: `alr_${++ids}`,
      name,
      source: rng.pick(['detector', 'alertmanager']),
      severity: rng.pick(['warning', 'error', 'critical']),
      summary: `${name}: ${rng.int(2, 900)} ms ${rng.pick(WORDS)} ${rng.pick(WORDS)}, ${rng.int(2, 80)}x its usual`,
      ...(service ? { service } : {}),
      labels,
      status: 'firing',
      startsMs: time,
      lastSeenMs: time,
    };
    firing.push(alert);
    out.push({ kind: 'place', alert });
  }
  return { graph, steps: out };
}

/** The fault's service, a neighbour, or a neighbour's neighbour. */
function nearby(rng: Rng, graph: ServiceGraph, service: string): string {
  let at = service;
  for (let hops = rng.int(0, 3); hops > 0; hops--) {
    const next = [...graph.callees(at), ...graph.callers(at)];
    if (next.length === 0) break;
    at = rng.pick(next);
  }
  return at;
}
