import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { averageDemandInterval, intermittentForecast, isIntermittent } from '../../../../src/observe/metrics/forecast/intermittent.js';
import { rng } from './synthetic.js';

/** A burst of `size` every `every` steps, zero between. */
function bursts(count: number, every: number, size: number): number[] {
  return Array.from({ length: count }, (_, t) => (t % every === every - 1 ? size : 0));
}

describe('intermittent series', () => {
  it('classifies by the average interval between non-zero values (cut-off 1.32)', () => {
    assert.equal(averageDemandInterval(bursts(100, 4, 7)), 4);
    assert.ok(isIntermittent(bursts(100, 4, 7)));
    assert.ok(!isIntermittent(Array.from({ length: 100 }, (_, t) => 1 + (t % 3))));
    assert.ok(!isIntermittent([0, 1, 1, 1, Number.NaN, 1]), 'missing values are not zeros');
    assert.ok(isIntermittent([0, 0, 0, 0]));
  });

  it('Croston-SBA forecasts the demand rate size/interval, debiased by (1 − α/2)', () => {
    const result = intermittentForecast(bursts(400, 5, 10), 'sba', 3);
    assert.ok(result);
    // Rate 10/5 = 2; SBA's factor is between 1 − 0.3/2 and 1 − 0.05/2.
    for (const v of result.mean) assert.ok(v >= 2 * 0.85 - 1e-9 && v <= 2 * 0.975 + 1e-9, `rate ${v}`);
    assert.equal(result.mean.length, 3);
  });

  it('TSB forecasts probability × size, and decays once the bursts stop', () => {
    const active = intermittentForecast(bursts(400, 4, 8), 'tsb', 1);
    assert.ok(active && Math.abs((active.mean[0] as number) - 2) < 0.3, `rate ${active?.mean[0]}`);
    const stopped = intermittentForecast([...bursts(400, 4, 8), ...new Array<number>(60).fill(0)], 'tsb', 1);
    assert.ok(stopped && (stopped.mean[0] as number) < 0.5 * (active.mean[0] as number), `after 60 zeros: ${stopped?.mean[0]}`);
    const sba = intermittentForecast([...bursts(400, 4, 8), ...new Array<number>(60).fill(0)], 'sba', 1);
    assert.ok(sba && (sba.mean[0] as number) > 1.5, 'Croston does not see the silence until the next demand');
  });

  it('needs two demands, and gives a variance that grows with the horizon', () => {
    assert.equal(intermittentForecast([0, 0, 5, 0, 0], 'sba', 2), undefined);
    assert.equal(intermittentForecast([0, 0, 0], 'tsb', 2), undefined);
    const random = rng(3);
    const values = Array.from({ length: 300 }, () => (random.uniform() < 0.2 ? 5 + random.normal() : 0));
    const result = intermittentForecast(values, 'tsb', 10);
    assert.ok(result);
    for (let h = 1; h < 10; h++) assert.ok((result.variance[h] as number) >= (result.variance[h - 1] as number));
    assert.ok((result.variance[0] as number) > 0);
  });
});
