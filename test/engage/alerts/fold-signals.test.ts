import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Signal } from '../../../src/core/records.js';
import { foldSignal } from '../../../src/engage/alerts/fold-signals.js';

const signal = (status: Signal['status'], timeMs: number, score = 8): Signal => ({
  kind: 'anomaly',
  source: 'detector',
  fingerprint: 'fp1',
  name: 'error ratio up',
  status,
  severity: score > 18 ? 'error' : 'warning',
  timeMs,
  summary: `z ${score}`,
  labels: {},
  service: 'cart',
  evidence: { series: 's', metric: 'm', value: 1, expected: 0, score, direction: 'up' },
});

describe('foldSignal', () => {
  let n = 0;
  const id = () => `alr_${++n}`;

  it('opens, updates with the strongest evidence, and resolves one alert per episode', () => {
    const opened = foldSignal(undefined, signal('firing', 1000), id);
    assert.equal(opened?.change, 'opened');
    const updated = foldSignal(opened?.alert, signal('firing', 2000, 30), id);
    assert.equal(updated?.change, 'updated');
    assert.equal(updated?.alert.count, 2);
    assert.equal(updated?.alert.severity, 'error');
    assert.equal(updated?.alert.evidence?.score, 30);
    assert.equal(updated?.alert.id, opened?.alert.id);
    const weaker = foldSignal(updated?.alert, signal('firing', 3000, 9), id);
    assert.equal(weaker?.alert.evidence?.score, 30, 'keeps the peak');
    const resolved = foldSignal(weaker?.alert, signal('resolved', 4000), id);
    assert.equal(resolved?.change, 'resolved');
    assert.equal(resolved?.alert.endsMs, 4000);
    const again = foldSignal(resolved?.alert, signal('firing', 9000), id);
    assert.equal(again?.change, 'opened');
    assert.notEqual(again?.alert.id, opened?.alert.id);
  });

  it('ignores a resolution for an alert that is not firing', () => {
    assert.equal(foldSignal(undefined, signal('resolved', 1000), id), undefined);
  });
});
