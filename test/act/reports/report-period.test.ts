import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { WEEK_MS, previousPeriod, weekBuckets, within } from '../../../src/act/reports/report-period.js';

describe('report periods', () => {
  it('are half-open, so back-to-back periods never share an instant', () => {
    assert.equal(within(10, { fromMs: 10, toMs: 20 }), true);
    assert.equal(within(20, { fromMs: 10, toMs: 20 }), false);
    assert.deepEqual(previousPeriod({ fromMs: 10, toMs: 20 }), { fromMs: 0, toMs: 10 });
  });

  it('weekBuckets() ends at the period end and covers a long period', () => {
    assert.deepEqual(weekBuckets({ fromMs: 0, toMs: 2 * WEEK_MS }, 1), [
      { fromMs: 0, toMs: WEEK_MS },
      { fromMs: WEEK_MS, toMs: 2 * WEEK_MS },
    ]);
    assert.equal(weekBuckets({ fromMs: 0, toMs: WEEK_MS }, 8).length, 8);
    assert.equal(weekBuckets({ fromMs: 0, toMs: 400 * WEEK_MS }, 8).length, 52);
  });
});
