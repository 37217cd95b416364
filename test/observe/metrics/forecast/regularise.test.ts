import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { regularise, typicalStepMs } from '../../../../src/observe/metrics/forecast/regularise.js';

const S = 10_000;

describe('regularise()', () => {
  it('sorts, drops NaN/Infinity and averages points that share a slot', () => {
    const out = regularise([
      { timeMs: 2 * S, value: 4 },
      { timeMs: 0, value: 1 },
      { timeMs: S, value: Number.NaN },
      { timeMs: S, value: 2 },
      { timeMs: S, value: 4 },
      { timeMs: 1.5 * S, value: Infinity },
      { timeMs: Number.NaN, value: 9 },
    ]);
    assert.equal(out.stepMs, S);
    assert.equal(out.startMs, 0);
    assert.deepEqual(out.values, [1, 3, 4]);
  });

  it('uses the median gap, so jitter and one long outage do not change the step', () => {
    const times = [0, 10_100, 19_900, 30_000, 40_050, 100_000, 110_000];
    // Gaps 9 800 … 10 100 and one of 59 950: the median sits among the ordinary ones.
    assert.equal(typicalStepMs(times.map((timeMs) => ({ timeMs, value: 0 }))), 10_075);
  });

  it('interpolates short gaps linearly and marks long ones missing', () => {
    const times = [0, 1, 2, 5, 6, 20, 21];
    const out = regularise(times.map((i) => ({ timeMs: i * S, value: i })), { maxFillSteps: 3 });
    assert.equal(out.values.length, 22);
    assert.deepEqual(out.values.slice(0, 7), [0, 1, 2, 3, 4, 5, 6]);
    assert.ok(out.values.slice(7, 20).every(Number.isNaN), 'a 13-step gap stays missing');
    assert.deepEqual(out.values.slice(20), [20, 21]);
  });

  it('keeps only the newest maxSlots slots after a huge jump in time', () => {
    const points = [{ timeMs: 0, value: 1 }, ...Array.from({ length: 5 }, (_, i) => ({ timeMs: 1e12 + i * S, value: 2 }))];
    const out = regularise(points, { maxSlots: 10 });
    assert.equal(out.values.length, 10);
    assert.equal(out.startMs + 9 * S, 1e12 + 4 * S, 'the grid ends at the newest point');
  });

  it('returns an empty grid for no usable points and one value for one timestamp', () => {
    assert.deepEqual(regularise([{ timeMs: 1, value: Number.NaN }]).values, []);
    assert.deepEqual(regularise([{ timeMs: 5, value: 2 }, { timeMs: 5, value: 4 }]).values, [3]);
  });
});
