import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Delivery } from '../../../src/core/records.js';
import { DEFAULT_FLAP_OPTIONS, evaluateFlap, isDuplicateDelivery, recordDelivery } from '../../../src/engage/alerts/flap-detection.js';

const MIN = 60_000;
/** One delivery a minute with the given states: "F" firing, "R" resolved. */
const history = (states: string, startMs = 0): Delivery[] =>
  [...states].map((c, i) => ({ timeMs: startMs + i * MIN, status: c === 'F' ? 'firing' : 'resolved' }));

describe('evaluateFlap', () => {
  it('starts flapping at fire, resolve, fire, resolve, fire, not before', () => {
    assert.equal(evaluateFlap(history('FRFR'), false, 4 * MIN).flapping, false, 'three changes are below minChanges');
    const state = evaluateFlap(history('FRFRF'), false, 5 * MIN);
    assert.equal(state.flapping, true);
    assert.equal(state.changes, 4);
    assert.equal(Math.round(state.percent), 100);
  });

  it('weights recent changes more than old ones', () => {
    const oldChanges = evaluateFlap(history('FRFRFFFFF'), false, 9 * MIN);
    const recentChanges = evaluateFlap(history('FFFFFRFRF'), false, 9 * MIN);
    assert.equal(oldChanges.changes, recentChanges.changes);
    assert.ok(recentChanges.percent > oldChanges.percent, `${recentChanges.percent} > ${oldChanges.percent}`);
    assert.equal(recentChanges.flapping, true, 'weighted 56% ≥ 50%');
    assert.equal(oldChanges.flapping, false, 'weighted 44% < 50%');
  });

  it('has hysteresis: a flapping alert stays flapping above the stop threshold and settles below it', () => {
    const mixed = history('FRFRFFFFF');
    assert.equal(evaluateFlap(mixed, true, 9 * MIN).flapping, true, '44% is above the 25% stop threshold');
    const steady = history('FRFRFFFFFFFFFFFFFFFFF');
    assert.equal(evaluateFlap(steady, true, 21 * MIN).flapping, false);
  });

  it('ignores deliveries older than the window, so it settles when changes age out', () => {
    const flapping = history('FRFRF');
    assert.equal(evaluateFlap(flapping, true, 5 * MIN).flapping, true);
    const later = 4 * MIN + DEFAULT_FLAP_OPTIONS.windowMs;
    const aged = evaluateFlap(flapping, true, later);
    assert.equal(aged.counted, 0);
    assert.equal(aged.flapping, false);
  });
});

describe('recordDelivery and isDuplicateDelivery', () => {
  it('keeps the newest deliveries in time order, even when they arrive out of order', () => {
    const recorded = recordDelivery(history('FRF'), { timeMs: MIN / 2, status: 'resolved' }, 3);
    assert.deepEqual(recorded.map((d) => d.timeMs), [MIN / 2, MIN, 2 * MIN]);
  });

  it('spots the same delivery again by status and time', () => {
    assert.equal(isDuplicateDelivery(history('FR'), { timeMs: MIN, status: 'resolved' }), true);
    assert.equal(isDuplicateDelivery(history('FR'), { timeMs: MIN, status: 'firing' }), false);
    assert.equal(isDuplicateDelivery(undefined, { timeMs: 0, status: 'firing' }), false);
  });
});
