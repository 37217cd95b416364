import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mase, seasonalNaiveScale } from '../../../../src/observe/metrics/forecast/mase.js';
import { normalQuantile } from '../../../../src/observe/metrics/forecast/normal-quantile.js';
import { seasonalNaiveForecast } from '../../../../src/observe/metrics/forecast/seasonal-naive.js';

describe('seasonalNaiveForecast()', () => {
  it('repeats the last period', () => {
    assert.deepEqual(seasonalNaiveForecast([1, 2, 3, 4, 5, 6], 3, 7), [4, 5, 6, 4, 5, 6, 4]);
  });

  it('is the naive forecast with period 1', () => {
    assert.deepEqual(seasonalNaiveForecast([1, 2, 9], 1, 3), [9, 9, 9]);
  });

  it('reaches back a period for a missing value, else uses the last present one', () => {
    assert.deepEqual(seasonalNaiveForecast([1, 2, 3, Number.NaN, 5, 6], 3, 3), [1, 5, 6]);
    assert.deepEqual(seasonalNaiveForecast([Number.NaN, 5], 2, 1), [5]);
  });
});

describe('mase()', () => {
  it('scales by the in-sample seasonal naive error', () => {
    const scale = seasonalNaiveScale([1, 2, 3, 2, 3, 4], 3);
    assert.equal(scale, 1);
    assert.equal(mase([4, 5], [3.5, 5.5], scale), 0.5);
    assert.equal(seasonalNaiveScale([2, 2, 2, 2], 1), undefined, 'a flat series has no scale');
  });
});

describe('normalQuantile()', () => {
  it('matches known quantiles', () => {
    assert.ok(Math.abs(normalQuantile(0.975) - 1.959964) < 1e-6);
    assert.ok(Math.abs(normalQuantile(0.5)) < 1e-12);
    assert.ok(Math.abs(normalQuantile(0.001) + 3.090232) < 1e-6);
    assert.throws(() => normalQuantile(1), RangeError);
  });
});
