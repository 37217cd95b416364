import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fitHoltWinters, holtWintersForecast } from '../../../../src/observe/metrics/forecast/holt-winters.js';
import { rng } from './synthetic.js';

describe('fitHoltWinters()', () => {
  it('learns a pure seasonal pattern and repeats it', () => {
    const pattern = [0, 5, 10, 5, 0, -5, -10, -5];
    const values = Array.from({ length: 80 }, (_, t) => 50 + (pattern[t % 8] as number));
    const model = fitHoltWinters(values, { period: 8 });
    const { mean } = holtWintersForecast(model, 8);
    mean.forEach((v, h) => assert.ok(Math.abs(v - 50 - (pattern[(80 + h) % 8] as number)) < 1e-6, `step ${h + 1}: ${v}`));
  });

  it('follows a linear trend with the trend component', () => {
    const random = rng(5);
    const values = Array.from({ length: 200 }, (_, t) => 10 + 0.5 * t + 0.2 * random.normal());
    const model = fitHoltWinters(values);
    assert.ok(model.params.beta > 0, 'a trend is fitted');
    const { mean } = holtWintersForecast(model, 10);
    assert.ok(Math.abs((mean[9] as number) - (10 + 0.5 * 209)) < 2, `10 steps ahead: ${mean[9]}`);
  });

  it('fits with or without a trend when told to', () => {
    const random = rng(6);
    const values = Array.from({ length: 200 }, (_, t) => 10 + 0.5 * t + 0.2 * random.normal());
    assert.equal(fitHoltWinters(values, { trend: false }).params.beta, 0);
    assert.ok(fitHoltWinters(values, { trend: true }).params.beta > 0);
    const flat = Array.from({ length: 200 }, () => 10 + random.normal());
    assert.ok(fitHoltWinters(flat, { trend: true }).params.beta > 0, 'a trend even where none fits better');
  });

  it('forecast variance grows with the horizon', () => {
    const random = rng(9);
    const values = Array.from({ length: 300 }, () => random.normal());
    const { variance } = holtWintersForecast(fitHoltWinters(values), 20);
    for (let h = 1; h < 20; h++) assert.ok((variance[h] as number) >= (variance[h - 1] as number));
  });

  it('takes a missing value as its own forecast instead of learning from it', () => {
    const values = Array.from({ length: 60 }, (_, t) => (t === 30 ? Number.NaN : 7));
    const { mean, variance } = holtWintersForecast(fitHoltWinters(values), 3);
    assert.deepEqual(mean.map((v) => Math.round(v * 1e9) / 1e9), [7, 7, 7]);
    assert.ok(variance.every((v) => v < 1e-12));
  });

  it('rejects a period without two full cycles', () => {
    assert.throws(() => fitHoltWinters([1, 2, 3, 4, 5], { period: 4 }), /two full cycles/);
  });
});
