import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigSchema } from '../../../src/core/config.js';
import type { Correlation } from '../../../src/core/records.js';
import { boundedTop, firstK } from '../../../src/engage/correlate/bounded-top.js';
import { Correlator } from '../../../src/engage/correlate/correlator.js';
import { GroupingModel } from '../../../src/engage/correlate/grouping-model.js';
import { GroupingRules } from '../../../src/engage/correlate/grouping-rules.js';
import { createRng } from '../../../src/demo/prng.js';
import { closestHops, ServiceIndex } from '../../../src/engage/correlate/service-index.js';
import { serviceNeighbourhood } from '../../../src/engage/correlate/service-neighbourhood.js';
import type { CorrelatedAlert } from '../../../src/engage/correlate/incident-profile.js';
import { AlertStorm, benchGraph } from '../../../bench/alerts/alert-storm.js';
import { variedGraph, variedStorm } from './varied-storm.js';

const DEFAULTS = ConfigSchema.parse({}).correlation;

function correlator(search: 'pruned' | 'exhaustive', model: GroupingModel): Correlator {
  return new Correlator({ windowMs: 120_000, maxDistance: 2, volatileLabels: DEFAULTS.volatileLabels, rules: new GroupingRules([]), model, search });
}

/** Every decision of a correlator over a storm, incident ids numbered in opening order. */
function decisions(search: 'pruned' | 'exhaustive', seed: number, model: () => GroupingModel): Correlation[] {
  const { graph, steps } = variedStorm(seed, 1_500, 10 + seed * 7);
  const c = correlator(search, model());
  const opened: string[] = [];
  const out: Correlation[] = [];
  for (const step of steps) {
    if (step.kind === 'place') {
      const decision = c.place(step.alert, graph, () => `inc_${opened.length + 1}`);
      if (decision.outcome === 'opened') opened.push(decision.incidentId);
      out.push(decision);
    } else if (step.kind === 'touch') c.touch(step.alert);
    else if (opened.length > 0) c.forget(opened[Math.floor(step.pick * opened.length)] as string);
  }
  return out;
}

describe('Correlator candidate search', () => {
  for (const seed of [1, 2, 3, 4, 5, 6]) {
    it(`pruned search decides exactly as scoring every active incident (seed ${seed})`, () => {
      const pruned = decisions('pruned', seed, () => new GroupingModel(0.5));
      const exhaustive = decisions('exhaustive', seed, () => new GroupingModel(0.5));
      assert.equal(pruned.length, exhaustive.length);
      // Same incident, score, reason and the same three best candidates, decision by decision.
      for (const [i, decision] of pruned.entries()) assert.deepEqual(decision, exhaustive[i], `decision ${i}`);
      const outcomes = new Set(pruned.map((d) => `${d.outcome}:${d.candidates.length}`));
      assert.ok(outcomes.size >= 4, `the storm should vary; outcomes seen: ${[...outcomes].join(', ')}`);
    });
  }

  it("decides exactly as scoring every incident on bench:alerts' storm, where every incident fires and is a candidate", () => {
    const graph = benchGraph(2_000);
    const run = (search: 'pruned' | 'exhaustive'): Correlation[] => {
      const storm = new AlertStorm(3);
      const c = correlator(search, new GroupingModel(0.5));
      const opened: string[] = [];
      const placed: CorrelatedAlert[] = [];
      const out: Correlation[] = [];
      let time = 1_000_000;
      for (let batch = 0; batch < 12; batch++, time += 1_000) {
        for (let i = 0; i < 125; i++) {
          const signal = storm.fresh(time);
          const alert: CorrelatedAlert = { id: `alr_${placed.length}`, name: signal.name, source: signal.source, severity: signal.severity, summary: signal.summary, labels: signal.labels, status: 'firing', startsMs: time, lastSeenMs: time, ...(signal.service ? { service: signal.service } : {}) };
          const decision = c.place(alert, graph, () => `inc_${opened.length + 1}`);
          if (decision.outcome === 'opened') opened.push(decision.incidentId);
          placed.push(alert);
          out.push(decision);
        }
        // Repeats move incidents' last activity, which breaks ties in the ranking.
        for (let i = 0; i < placed.length; i += 7) c.touch({ ...(placed[i] as CorrelatedAlert), lastSeenMs: time + 500 });
      }
      return out;
    };
    const pruned = run('pruned');
    const exhaustive = run('exhaustive');
    for (const [i, decision] of pruned.entries()) assert.deepEqual(decision, exhaustive[i], `decision ${i}`);
    const incidents = new Set(pruned.map((d) => d.incidentId)).size;
    assert.ok(incidents >= 5, `the storm should open several incidents; it opened ${incidents}`);
    assert.ok(pruned.filter((d) => d.candidates.length === 3).length > 1_000, 'most alerts should weigh three incidents or more');
  });

  it('holds with learned weights of either sign, including a text weight below zero', () => {
    const learned = () => new GroupingModel(0.4, { weights: { bias: -3, time: 3, topology: 1, labels: -0.5, text: -1.5 }, examples: 12 });
    assert.deepEqual(decisions('pruned', 7, learned), decisions('exhaustive', 7, learned));
  });
});

describe('ServiceIndex', () => {
  it('gives each incident the distance and nearest service a walk of its services gives, ties settled by its order', () => {
    const rng = createRng(13);
    for (let round = 0; round < 40; round++) {
      const graph = variedGraph(rng.fork(`graph ${round}`), 30);
      const index = new ServiceIndex<{ id: number; services: Set<string> }>();
      const incidents = Array.from({ length: 12 }, (_, id) => ({ id, services: new Set<string>() }));
      for (const incident of incidents) {
        for (let n = rng.int(0, 6); n > 0; n--) {
          const service = `svc-${rng.int(0, 29)}`;
          if (!incident.services.has(service)) index.add(service, incident);
          incident.services.add(service);
        }
      }
      const gone = incidents.filter(() => rng.chance(0.2));
      for (const incident of gone) index.remove(incident);
      for (let alert = 0; alert < 10; alert++) {
        const near = serviceNeighbourhood(graph, `svc-${rng.int(0, 29)}`, rng.int(1, 3));
        const reach = index.reach(near);
        for (const incident of incidents) {
          const expected = gone.includes(incident) ? undefined : closestHops(near, incident);
          assert.deepEqual(reach.get(incident), expected, `round ${round}, incident ${incident.id}`);
        }
      }
    }
  });
});

describe('boundedTop', () => {
  it('keeps every member of the true top k, scoring fewer than all when bounds are tight', () => {
    const rng = createRng(11);
    for (let round = 0; round < 200; round++) {
      const items = Array.from({ length: rng.int(0, 60) }, (_, id) => {
        const score = rng.next();
        return { id, score, bound: score + rng.next() * (rng.chance(0.5) ? 0.05 : 0.5) };
      });
      const k = rng.int(1, 4);
      let computed = 0;
      const found = boundedTop(items, k, (item) => {
        computed++;
        return { id: item.id, score: item.score };
      });
      const top = (list: ReadonlyArray<{ id: number; score: number }>) => [...list].sort((a, b) => b.score - a.score).slice(0, k).map((item) => item.id);
      assert.deepEqual(top(found), top(items));
      assert.ok(computed <= items.length);
    }
    const tight = Array.from({ length: 100 }, (_, id) => ({ id, score: id / 100, bound: id / 100 }));
    let computed = 0;
    boundedTop(tight, 3, (item) => {
      computed++;
      return item;
    });
    assert.equal(computed, 3);
  });
});

describe('firstK', () => {
  it('returns the first k of a stable sort, equals in their input order', () => {
    const rng = createRng(12);
    for (let round = 0; round < 300; round++) {
      // Few distinct keys, so ties are common.
      const items = Array.from({ length: rng.int(0, 40) }, (_, id) => ({ id, key: rng.int(0, 5) }));
      const k = rng.int(1, 5);
      const byKey = (a: { key: number }, b: { key: number }) => b.key - a.key;
      assert.deepEqual(firstK(items, k, byKey), [...items].sort(byKey).slice(0, k));
    }
  });
});
