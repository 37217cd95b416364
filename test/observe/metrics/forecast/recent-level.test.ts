import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { recentLevelForecast } from '../../../../src/observe/metrics/forecast/recent-level.js';

describe('recentLevelForecast()', () => {
  it('forecasts the mean or the median of the last `window` present values, flat', () => {
    const values = [100, 100, 1, 2, Number.NaN, 3, 10];
    const mean = recentLevelForecast(values, 4, 'mean', 3);
    assert.deepEqual(mean?.mean, [4, 4, 4]);
    const median = recentLevelForecast(values, 4, 'median', 2);
    assert.deepEqual(median?.mean, [2.5, 2.5]);
  });

  it('has the variance of a new value around an estimated mean, σ²(1 + 1/w)', () => {
    const result = recentLevelForecast([1, 3, 1, 3], 4, 'mean', 2);
    // Sample variance of 1,3,1,3 is 4/3.
    assert.ok(Math.abs((result?.variance[0] as number) - (4 / 3) * (1 + 1 / 4)) < 1e-12);
  });

  it('needs two values', () => {
    assert.equal(recentLevelForecast([Number.NaN, 5], 10, 'mean', 1), undefined);
  });
});
