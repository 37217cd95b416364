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

  it('is idempotent for a duplicate delivery: same status, same time changes nothing', () => {
    const opened = foldSignal(undefined, signal('firing', 1000), id);
    assert.equal(foldSignal(opened?.alert, signal('firing', 1000), id), undefined);
    const repeat = foldSignal(opened?.alert, signal('firing', 2000), id);
    assert.equal(repeat?.alert.count, 2);
    const resolved = foldSignal(repeat?.alert, signal('resolved', 3000), id);
    assert.equal(foldSignal(resolved?.alert, signal('firing', 2000), id), undefined, 'a late redelivery does not reopen it');
  });

  it('keeps a flapping fingerprint one alert, held firing, until it settles', () => {
    let alert = foldSignal(undefined, signal('firing', 0), id)?.alert;
    alert = foldSignal(alert, signal('resolved', 60_000), id)?.alert;
    const second = foldSignal(alert, signal('firing', 120_000), id);
    assert.equal(second?.change, 'opened', 'two episodes are not yet flapping');
    alert = foldSignal(second?.alert, signal('resolved', 180_000), id)?.alert;
    const flapping = foldSignal(alert, signal('firing', 240_000), id);
    assert.equal(flapping?.change, 'updated');
    assert.equal(flapping?.alert.id, second?.alert.id, 'the same alert fires again, no new episode');
    assert.equal(flapping?.alert.flapping, true);
    assert.match(flapping?.alert.flapReason ?? '', /state changed 4 times in its last 5 deliveries/);
    const heldFiring = foldSignal(flapping?.alert, signal('resolved', 300_000), id);
    assert.equal(heldFiring?.change, 'updated', 'no resolve while it flaps');
    assert.equal(heldFiring?.alert.status, 'firing');

    const settled = foldSignal(heldFiring?.alert, { ...signal('firing', 300_000 + 3_600_000), reevaluation: 'flapping re-checked' }, id);
    assert.equal(settled?.change, 'resolved', 'once its changes age out it takes its latest state');
    assert.equal(settled?.alert.endsMs, 300_000);
    assert.equal(settled?.alert.flapping, undefined);
    assert.match(settled?.alert.resolution ?? '', /flapping settled/);
  });

  it('holds a silenced new alert out of incidents and admits it when no silence mutes it any more', () => {
    let muting = ['sil_1'];
    const options = { silencedBy: () => muting };
    const held = foldSignal(undefined, signal('firing', 1000), id, options);
    assert.equal(held?.change, 'held');
    assert.deepEqual(held?.alert.silencedBy, ['sil_1']);
    assert.equal(foldSignal(held?.alert, signal('firing', 2000), id, options)?.change, 'updated', 'still silenced');
    muting = [];
    const admitted = foldSignal(held?.alert, { ...signal('firing', 5000), reevaluation: 'silences changed' }, id, options);
    assert.equal(admitted?.change, 'opened');
    assert.equal(admitted?.alert.silencedBy, undefined);
    assert.equal(admitted?.alert.count, 1, 'a re-evaluation is not a delivery');
  });

  it('resolves on an auto-resolve re-evaluation with its reason, at the time it gives', () => {
    const opened = foldSignal(undefined, signal('firing', 1000), id);
    const resolved = foldSignal(opened?.alert, { ...signal('resolved', 1_801_000), reevaluation: 'auto-resolved: no signal' }, id);
    assert.equal(resolved?.change, 'resolved');
    assert.equal(resolved?.alert.endsMs, 1_801_000);
    assert.equal(resolved?.alert.resolution, 'auto-resolved: no signal');
    assert.equal(foldSignal(undefined, { ...signal('resolved', 1), reevaluation: 'x' }, id), undefined);
  });
});
