import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TraceAnomalyDetector } from '../../../../src/observe/traces/anomalies/trace-anomaly-detector.js';
import type { TraceAnomaly } from '../../../../src/observe/traces/anomalies/trace-anomaly.js';
import { MINUTE, T0, run, type Fault } from './shop-workload.js';

function reportsWith(faults: Fault[], minutes = 60): TraceAnomaly[] {
  const detector = new TraceAnomalyDetector();
  return run((spans) => detector.observe(spans), { fromMs: T0, toMs: T0 + minutes * MINUTE, perSecond: 20, faults });
}

describe('trace anomalies: latency outliers per operation', () => {
  it('stays silent on a steady workload, whatever its own spread', () => {
    assert.deepEqual(reportsWith([]), []);
  });

  it('finds 14% of spans past the usual p99 within a minute, names the slowest traces, and resolves when it ends', () => {
    const reports = reportsWith([{ fromMs: T0 + 40 * MINUTE, toMs: T0 + 45 * MINUTE, slowShare: 0.14 }]);
    assert.ok(reports.every((r) => r.kind === 'latency_outliers' && r.operation.name === 'POST /cart'), JSON.stringify(reports.map((r) => r.summary)));
    const [opened] = reports;
    assert.ok(opened && opened.status === 'firing');
    assert.ok(opened.startMs >= T0 + 40 * MINUTE && opened.startMs <= T0 + 41 * MINUTE, `onset ${(opened.startMs - T0) / MINUTE} min`);
    assert.equal(opened.timeMs, opened.startMs, 'the opening report is back-dated to the onset');
    assert.match(opened.summary, /^cart POST \/cart: \d+% of spans slower than its usual p99 of \d+ ms \(usually \d\.\d%\); slowest \d+ ms, trace [0-9a-f]{8}…$/);
    assert.ok(opened.observed > 0.05 && opened.usual < 0.02, `${opened.observed} vs ${opened.usual}`);
    assert.ok(opened.threshold !== undefined && opened.threshold > 60 && opened.threshold < 150, `p99 ${opened.threshold}`);
    assert.equal(opened.exemplars.length, 3);
    const durations = opened.exemplars.map((e) => e.durationMs ?? 0);
    assert.deepEqual(durations, [...durations].sort((a, b) => b - a), 'slowest first');
    assert.ok(durations.every((d) => d > 250), `exemplars are the slow spans: ${durations.join(', ')}`);
    assert.equal(opened.instance, undefined, 'both pods are slow: none dominates');
    const resolved = reports.filter((r) => r.status === 'resolved');
    assert.equal(resolved.length, 1);
    assert.ok(resolved[0]!.timeMs > T0 + 45 * MINUTE && resolved[0]!.timeMs <= T0 + 47 * MINUTE);
  });

  it('names the pod when one sends most of the slow spans', () => {
    const reports = reportsWith([{ fromMs: T0 + 40 * MINUTE, toMs: T0 + 45 * MINUTE, slowShare: 0.3, instance: 'cart-1' }], 50);
    assert.equal(reports[0]?.instance, 'cart-1');
    assert.match(reports[0]!.summary, /\(mostly on cart-1\)/);
  });

  it('does not alarm on a slow span now and then, at the rate of the usual tail', () => {
    assert.deepEqual(reportsWith([{ fromMs: T0 + 20 * MINUTE, toMs: T0 + 60 * MINUTE, slowShare: 0.004 }]), []);
  });

  it('stays silent while it learns, even when the first minutes are slow', () => {
    assert.deepEqual(reportsWith([{ fromMs: T0 + 2 * MINUTE, toMs: T0 + 7 * MINUTE, slowShare: 0.14 }], 30), []);
  });
});
