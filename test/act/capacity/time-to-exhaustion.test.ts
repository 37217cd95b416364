import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { forecastCapacity, type CapacitySeries } from '../../../src/act/capacity/capacity-forecast.js';
import { timeToExhaustion } from '../../../src/act/capacity/time-to-exhaustion.js';
import { createRng } from '../../../src/demo/prng.js';

const HOUR = 3_600_000;
const T0 = Date.UTC(2030, 0, 1);
const STEP = 5 * 60_000;

function series(hours: number, value: (hoursIn: number) => number, noise = 0, seed = 1): Array<{ timeMs: number; value: number }> {
  const rng = createRng(seed);
  const points = [];
  for (let t = 0; t <= hours * HOUR; t += STEP) points.push({ timeMs: T0 + t, value: value(t / HOUR) + noise * rng.normal() });
  return points;
}

function disk(history: CapacitySeries['history']): CapacitySeries {
  return { key: 'system.filesystem.utilization{service="db"}', name: 'system.filesystem.utilization', service: 'db', resource: 'disk', limit: 1, limitFrom: 'ratio', history };
}

describe('timeToExhaustion()', () => {
  const band = (timeMs: number, value: number, half: number) => ({ timeMs, value, lower: value - half, upper: value + half });

  it('interpolates the crossing of the point forecast and of both bands', () => {
    const forecast = [band(10, 50, 10), band(20, 70, 20), band(30, 90, 30), band(40, 110, 40)];
    const result = timeToExhaustion({ timeMs: 0, value: 40 }, forecast, 100);
    assert.equal(result.exhaustedNow, false);
    assert.equal(result.expectedMs, 35);
    assert.ok(Math.abs((result.earliestMs ?? 0) - (20 + 10 / 3)) < 1e-9, 'upper 90 at t=20, 120 at t=30');
    assert.equal(result.latestMs, undefined, 'the lower band (70 at t=40) never reaches the limit');
  });

  it('is exhausted now when the newest value is at the limit', () => {
    assert.deepEqual(timeToExhaustion({ timeMs: 5, value: 1 }, [], 1), { exhaustedNow: true, expectedMs: 5, earliestMs: 5, latestMs: 5 });
  });
});

describe('forecastCapacity()', () => {
  it('finds when a linearly filling disk is full, inside its interval', () => {
    // 40 % → 64 % over two days: 0.5 %/h, so full (100 %) 72 h after the last point.
    const history = series(48, (h) => 0.4 + 0.005 * h, 0.004);
    const result = forecastCapacity(disk(history), { horizonMs: 7 * 24 * HOUR });
    const truth = T0 + 48 * HOUR + 72 * HOUR;
    const expected = result.exhaustion.expectedMs;
    assert.ok(expected !== undefined, 'a crossing within the horizon');
    assert.ok(Math.abs(expected - truth) < 10 * HOUR, `expected ${(expected - truth) / HOUR} h from the truth`);
    assert.ok((result.exhaustion.earliestMs ?? Infinity) <= expected);
    assert.ok(result.exhaustion.latestMs === undefined || result.exhaustion.latestMs >= expected);
    assert.ok(Math.abs(result.utilisation - 0.64) < 0.02);
  });

  it('finds the exhaustion of a growing series with a daily cycle at a daily peak', () => {
    // Daily swing ±10 % on a trend of 0.25 %/h from 50 %: peaks (hour 6 of each day) reach 100 % first.
    const shape = (h: number) => 0.5 + 0.0025 * h + 0.1 * Math.sin((2 * Math.PI * h) / 24);
    const history = series(96, shape, 0.003, 3);
    const result = forecastCapacity(disk(history), { horizonMs: 7 * 24 * HOUR });
    let truth = 96;
    while (shape(truth) < 1) truth += 1 / 12;
    const expected = result.exhaustion.expectedMs;
    assert.ok(expected !== undefined);
    assert.equal(result.model.periodMs, 24 * HOUR, 'the daily season, a whole number of steps');
    assert.ok(Math.abs(expected - (T0 + truth * HOUR)) < 3 * HOUR, `off by ${(expected - T0) / HOUR - truth} h`);
    assert.ok((result.exhaustion.earliestMs ?? Infinity) < expected, 'the upper band reaches the limit at an earlier peak');
  });

  it('does not forecast a flat series to run out', () => {
    const result = forecastCapacity(disk(series(48, () => 0.55, 0.01, 5)), { horizonMs: 7 * 24 * HOUR });
    assert.equal(result.exhaustion.expectedMs, undefined);
    assert.equal(result.exhaustion.exhaustedNow, false);
  });

  it('keeps history and forecast points only when asked, and reaches at most three times the history', () => {
    const history = series(4, () => 0.5);
    const without = forecastCapacity(disk(history), { horizonMs: 100 * HOUR });
    assert.equal(without.history, undefined);
    const withPoints = forecastCapacity(disk(history), { horizonMs: 100 * HOUR, points: true });
    const lastForecast = withPoints.forecast?.at(-1)?.timeMs ?? 0;
    assert.ok(lastForecast <= T0 + 4 * HOUR + 12 * HOUR + 1, `reaches ${(lastForecast - T0) / HOUR} h`);
    assert.ok((withPoints.history?.length ?? 0) > 10);
  });
});
