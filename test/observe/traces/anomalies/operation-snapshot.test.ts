import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TraceAnomalyDetector } from '../../../../src/observe/traces/anomalies/trace-anomaly-detector.js';
import { MINUTE, T0, run } from './shop-workload.js';

describe('TraceAnomalyDetector snapshot and restore', () => {
  const learned = new TraceAnomalyDetector();
  run((spans) => learned.observe(spans), { fromMs: T0, toMs: T0 + 20 * MINUTE, perSecond: 10 });
  const snapshots = learned.snapshot();

  it('keeps what each operation learned, so a fault right after a restart is found', () => {
    assert.equal(snapshots.length, 3, 'POST /cart and its two calls');
    const restored = new TraceAnomalyDetector();
    assert.deepEqual(restored.restore(JSON.parse(JSON.stringify(snapshots)) as unknown[]), { restored: 3, skipped: 0 });
    const fault = { fromMs: T0 + 30 * MINUTE, toMs: T0 + 33 * MINUTE, queries: 20 };
    const reports = run((spans) => restored.observe(spans), { fromMs: T0 + 30 * MINUTE, toMs: T0 + 33 * MINUTE, perSecond: 10, faults: [fault] });
    assert.ok(reports.some((r) => r.kind === 'fan_out_change' && r.status === 'firing'), JSON.stringify(reports.map((r) => r.summary)));
  });

  it('skips snapshots that do not parse or fit, and those operations relearn quietly', () => {
    const [good] = snapshots;
    const bad = [{ ...good, version: 99 }, { ...good, durations: 'AAAA' }, { ...good, spans: -1 }, 'nonsense', undefined];
    const restored = new TraceAnomalyDetector();
    assert.deepEqual(restored.restore(bad), { restored: 0, skipped: 5 });
    const fault = { fromMs: T0 + 30 * MINUTE, toMs: T0 + 33 * MINUTE, queries: 20 };
    assert.deepEqual(run((spans) => restored.observe(spans), { fromMs: T0 + 30 * MINUTE, toMs: T0 + 33 * MINUTE, perSecond: 10, faults: [fault] }), []);
  });

  it('saves only operations seen since the last save when asked', () => {
    const detector = new TraceAnomalyDetector();
    run((spans) => detector.observe(spans), { fromMs: T0, toMs: T0 + 2 * MINUTE, perSecond: 5 });
    assert.equal(detector.snapshot(true).length, 3);
    assert.equal(detector.snapshot(true).length, 0);
  });
});
