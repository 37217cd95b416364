import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TraceAnomalyDetector } from '../../../../src/observe/traces/anomalies/trace-anomaly-detector.js';
import type { TraceAnomaly } from '../../../../src/observe/traces/anomalies/trace-anomaly.js';
import { MINUTE, T0, run, type Fault } from './shop-workload.js';

function reportsWith(faults: Fault[], minutes = 60): TraceAnomaly[] {
  const detector = new TraceAnomalyDetector();
  return run((spans) => detector.observe(spans), { fromMs: T0, toMs: T0 + minutes * MINUTE, perSecond: 20, faults });
}

describe('trace anomalies: changed call patterns', () => {
  it('stays silent on a steady workload', () => {
    assert.deepEqual(reportsWith([]), []);
  });

  it('finds an N+1: one query per request becoming thirty, with the worst trace, until it ends', () => {
    const reports = reportsWith([{ fromMs: T0 + 40 * MINUTE, toMs: T0 + 45 * MINUTE, queries: 30 }]);
    assert.ok(reports.every((r) => r.kind === 'fan_out_change'), JSON.stringify(reports.map((r) => r.summary)));
    const [opened] = reports;
    assert.ok(opened && opened.status === 'firing' && opened.callee === 'postgres SELECT cart');
    assert.ok(opened.startMs >= T0 + 40 * MINUTE && opened.startMs <= T0 + 41 * MINUTE, `onset ${(opened.startMs - T0) / MINUTE} min`);
    assert.equal(opened.usual, 1);
    assert.ok(opened.observed > 10, 'the first window judged is partly before the onset');
    const full = reports[1]!;
    assert.equal(full.observed, 30);
    assert.match(full.summary, /^cart POST \/cart: calls postgres SELECT cart 30 times per request \(usually 1\); up to 30 in trace [0-9a-f]{8}…$/);
    assert.equal(opened.exemplars[0]?.calls, 30);
    assert.ok(opened.strength > 0.9);
    const resolved = reports.filter((r) => r.status === 'resolved');
    assert.equal(resolved.length, 1);
    assert.ok(resolved[0]!.timeMs > T0 + 45 * MINUTE && resolved[0]!.timeMs <= T0 + 47 * MINUTE);
  });

  it('does not take one query more for an N+1', () => {
    assert.deepEqual(reportsWith([{ fromMs: T0 + 40 * MINUTE, toMs: T0 + 45 * MINUTE, queries: 2 }]), []);
  });

  it('finds a call to a service the operation never called, and lets it go once it stops', () => {
    const reports = reportsWith([{ fromMs: T0 + 40 * MINUTE, toMs: T0 + 43 * MINUTE, newCall: { peer: 'pricing', share: 0.2 } }]);
    assert.ok(reports.every((r) => r.kind === 'new_call'), JSON.stringify(reports.map((r) => r.summary)));
    const [opened] = reports;
    assert.ok(opened && opened.status === 'firing' && opened.callee === 'pricing GET /quote');
    assert.equal(opened.severity, 'info');
    assert.ok(opened.startMs >= T0 + 40 * MINUTE && opened.startMs < T0 + 41 * MINUTE);
    assert.match(opened.summary, /^cart POST \/cart: new call to pricing GET \/quote from \d+ requests; trace [0-9a-f]{8}…$/);
    const resolved = reports.filter((r) => r.status === 'resolved');
    assert.equal(resolved.length, 1);
  });

  it('stays silent while it learns, whatever the first minutes call', () => {
    const faults: Fault[] = [
      { fromMs: T0 + 2 * MINUTE, toMs: T0 + 7 * MINUTE, queries: 30 },
      { fromMs: T0 + 3 * MINUTE, toMs: T0 + 6 * MINUTE, newCall: { peer: 'pricing', share: 0.2 } },
    ];
    assert.deepEqual(reportsWith(faults, 30), []);
  });
});
