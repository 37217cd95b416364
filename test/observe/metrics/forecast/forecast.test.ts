import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { forecastSeries } from '../../../../src/observe/metrics/forecast/forecast.js';
import { InsufficientHistoryError } from '../../../../src/observe/metrics/forecast/forecast-errors.js';
import { mase, seasonalNaiveScale } from '../../../../src/observe/metrics/forecast/mase.js';
import { regularise } from '../../../../src/observe/metrics/forecast/regularise.js';
import { seasonalNaiveForecast } from '../../../../src/observe/metrics/forecast/seasonal-naive.js';
import { DAY, MINUTE, T0, daily, rng, series } from './synthetic.js';

const STEP = 5 * MINUTE;
const PER_DAY = DAY / STEP;

describe('forecastSeries()', () => {
  it('beats the seasonal naive forecast on a held-out day of a seasonal series (MASE < 1)', () => {
    const all = series({ count: 8 * PER_DAY, stepMs: STEP, noise: 2, seed: 11, value: daily });
    const history = all.slice(0, 7 * PER_DAY);
    const actual = all.slice(7 * PER_DAY).map((p) => p.value);
    const result = forecastSeries(history, { horizon: PER_DAY });
    assert.equal(result.model.kind, 'holt-winters');
    assert.equal(result.model.period, PER_DAY);
    assert.equal(result.points[0]?.timeMs, T0 + 7 * DAY);

    const values = regularise(history).values;
    const scale = seasonalNaiveScale(values, PER_DAY);
    const model = mase(actual, result.points.map((p) => p.value), scale) ?? Infinity;
    const naive = mase(actual, seasonalNaiveForecast(values, PER_DAY, PER_DAY), scale) ?? 0;
    assert.ok(model < 1, `MASE ${model}`);
    assert.ok(model < naive, `MASE ${model} vs seasonal naive ${naive}`);
    assert.ok((result.accuracy.insampleMase ?? Infinity) < 1);
  });

  it('prediction intervals cover about their nominal share of held-out points', () => {
    let inside = 0;
    let total = 0;
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const all = series({ count: 5 * PER_DAY, stepMs: STEP, noise: 4, seed, value: daily });
      const result = forecastSeries(all.slice(0, 4 * PER_DAY), { horizon: 96, confidence: 0.9 });
      result.points.forEach((p, i) => {
        const y = all[4 * PER_DAY + i]?.value ?? Number.NaN;
        total++;
        if (y >= p.lower && y <= p.upper) inside++;
      });
    }
    const share = inside / total;
    assert.ok(share > 0.82 && share < 0.97, `coverage ${share} for nominal 0.9`);
  });

  it('intervals widen with the horizon when the level wanders (random walk)', () => {
    const random = rng(2);
    let level = 10;
    const points = series({ count: 500, stepMs: STEP, value: () => (level += random.normal()) });
    const result = forecastSeries(points, { horizon: 30 });
    const width = (i: number): number => (result.points[i]?.upper ?? 0) - (result.points[i]?.lower ?? 0);
    assert.ok(width(29) > 2 * width(0), `${result.model.method}: width ${width(0)} → ${width(29)}`);
  });

  /** Share of held-out values inside the 90 % intervals, over several seeds of one kind of series. */
  function coverage(make: (seed: number) => number[], historyPoints: number, horizon: number): { share: number; methods: Set<string> } {
    let inside = 0;
    let total = 0;
    const methods = new Set<string>();
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const values = make(seed);
      const history = values.slice(0, historyPoints).map((value, i) => ({ timeMs: T0 + i * STEP, value }));
      const result = forecastSeries(history, { horizon, confidence: 0.9 });
      methods.add(result.model.method);
      result.points.forEach((p, i) => {
        const y = values[historyPoints + i] as number;
        total++;
        if (y >= p.lower && y <= p.upper) inside++;
      });
    }
    return { share: inside / total, methods };
  }

  it('prediction intervals stay calibrated whichever model is chosen: white noise, random walk, trend, intermittent', () => {
    const cases: Record<string, (seed: number) => number[]> = {
      'white noise': (seed) => {
        const random = rng(seed);
        return Array.from({ length: 460 }, () => 50 + 4 * random.normal());
      },
      'random walk': (seed) => {
        const random = rng(seed);
        let level = 100;
        return Array.from({ length: 460 }, () => (level += random.normal()));
      },
      'trend with noise': (seed) => {
        const random = rng(seed);
        return Array.from({ length: 460 }, (_, t) => 20 + 0.2 * t + 2 * random.normal());
      },
      intermittent: (seed) => {
        const random = rng(seed);
        return Array.from({ length: 460 }, () => (random.uniform() < 0.15 ? 10 + 3 * random.normal() : 0));
      },
    };
    for (const [kind, make] of Object.entries(cases)) {
      const { share, methods } = coverage(make, 400, 60);
      // The intermittent band is [0, upper]: the zeros are always inside, so it errs on the wide side.
      const high = kind === 'intermittent' ? 1 : 0.97;
      assert.ok(share >= 0.82 && share <= high, `${kind} (${[...methods].join(', ')}): coverage ${share.toFixed(3)} for nominal 0.9`);
    }
  });

  it('extends a trend when there is no season', () => {
    const result = forecastSeries(series({ count: 400, stepMs: STEP, noise: 0.5, seed: 4, value: (_, i) => 20 + 0.3 * i }), { horizon: 12 });
    assert.equal(result.model.kind, 'holt');
    assert.equal(result.model.period, undefined);
    const last = result.points[11];
    assert.ok(last && Math.abs(last.value - (20 + 0.3 * 411)) < 2, `12 steps ahead: ${last?.value}`);
    assert.ok(last.lower < 20 + 0.3 * 411 && last.upper > 20 + 0.3 * 411);
  });

  it('forecasts a flat series as flat with a zero-width band', () => {
    const result = forecastSeries(series({ count: 100, stepMs: STEP, value: () => 3 }), { horizon: 5 });
    assert.equal(result.model.kind, 'ses');
    for (const p of result.points) {
      assert.ok(Math.abs(p.value - 3) < 1e-9);
      assert.ok(p.upper - p.lower < 1e-6);
    }
    assert.equal(result.accuracy.insampleMase, undefined, 'MASE has no scale on a flat series');
  });

  it('refuses a history that is too short, saying how short', () => {
    const points = series({ count: 4, stepMs: STEP, value: () => 1 });
    assert.throws(
      () => forecastSeries(points, { horizon: 5 }),
      (error: unknown) => error instanceof InsufficientHistoryError && error.usablePoints === 4 && error.requiredPoints === 10,
    );
    assert.throws(() => forecastSeries([], { horizon: 5 }), InsufficientHistoryError);
  });

  it('copes with irregular sampling, gaps and bad values', () => {
    const random = rng(21);
    const points = series({ count: 6 * PER_DAY, stepMs: STEP, noise: 2, seed: 8, value: daily })
      .map((p) => ({ ...p, timeMs: p.timeMs + Math.round((random.uniform() - 0.5) * 40_000) }))
      .filter((_, i) => i % 97 !== 0 && (i < 2 * PER_DAY || i > 2 * PER_DAY + 60))
      .concat([{ timeMs: T0 + 1, value: Number.NaN }, { timeMs: T0 + 2, value: Infinity }])
      .reverse();
    const result = forecastSeries(points, { horizon: PER_DAY });
    // The median of jittered gaps is the step to within jitter/√n.
    assert.ok(Math.abs(result.stepMs - STEP) < 0.01 * STEP, `step ${result.stepMs}`);
    assert.ok(Math.abs((result.model.periodMs ?? 0) - DAY) <= 0.02 * DAY, `period ${result.model.periodMs}`);
    const errors = result.points.map((p) => Math.abs(p.value - daily(p.timeMs)));
    assert.ok(errors.reduce((a, b) => a + b, 0) / errors.length < 4, 'mean error near the noise level');
    assert.ok(result.points.every((p) => Number.isFinite(p.value) && p.lower <= p.value && p.value <= p.upper));
  });

  it('coarsens the step so a long history stays within maxPoints', () => {
    const result = forecastSeries(series({ count: 3000, stepMs: STEP, noise: 1, value: () => 5 }), { horizon: 2, maxPoints: 1000 });
    assert.equal(result.stepMs, 3 * STEP);
  });

  it('validates its options', () => {
    const points = series({ count: 50, stepMs: STEP, value: () => 1 });
    assert.throws(() => forecastSeries(points, { horizon: 0 }), /horizon must be an integer ≥ 1, got 0/);
    assert.throws(() => forecastSeries(points, { horizon: 1, confidence: 1.5 }), /confidence must be in \(0, 1\), got 1.5/);
  });
});
