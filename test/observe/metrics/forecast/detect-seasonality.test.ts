import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectSeasonality } from '../../../../src/observe/metrics/forecast/detect-seasonality.js';
import { regularise } from '../../../../src/observe/metrics/forecast/regularise.js';
import { DAY, MINUTE, T0, daily, rng, series } from './synthetic.js';

const STEP = 5 * MINUTE;
const PER_DAY = DAY / STEP;

function near(actual: number, expected: number, share: number): boolean {
  return Math.abs(actual - expected) <= share * expected;
}

describe('detectSeasonality()', () => {
  it('finds a daily period in a noisy sinusoid within 2 %', () => {
    const found = detectSeasonality(regularise(series({ count: 7 * PER_DAY, stepMs: STEP, noise: 5, value: daily })));
    assert.ok(found.length >= 1);
    const [top] = found;
    assert.ok(top && near(top.periodMs, DAY, 0.02), `period ${top?.periodMs}`);
    assert.ok(Math.abs(top.periodPoints - PER_DAY) <= 1, `period points ${top.periodPoints}`);
    assert.ok(top.strength > 0.8 && top.strength <= 1);
  });

  it('finds the period under a trend, with irregular sampling and an outage', () => {
    const random = rng(7);
    const points = series({ count: 10 * PER_DAY, stepMs: STEP, noise: 3, value: (t, i) => daily(t) + 0.05 * i })
      .map((p) => ({ ...p, timeMs: p.timeMs + Math.round((random.uniform() - 0.5) * 60_000) }))
      .filter((p, i) => random.uniform() > 0.1 && (i < 3 * PER_DAY || i > 3 * PER_DAY + 40));
    const [top] = detectSeasonality(regularise(points));
    assert.ok(top && near(top.periodMs, DAY, 0.02), `period ${top?.periodMs}`);
  });

  it('finds a weekly period on top of a daily one', () => {
    const weekday = (t: number): number => (Math.floor((t - T0) / DAY) % 7 >= 5 ? -40 : 0);
    const found = detectSeasonality(
      regularise(series({ count: 21 * PER_DAY, stepMs: STEP, noise: 3, value: (t) => daily(t) + weekday(t) })),
    );
    const periods = found.map((s) => Math.round(s.periodMs / DAY));
    assert.ok(periods.includes(7), `periods ${periods}`);
    assert.ok(periods.includes(1), `periods ${periods}`);
    assert.equal(periods[0], 7, 'the weekly period is the strongest');
  });

  it('finds nothing with fewer than two full cycles', () => {
    assert.deepEqual(detectSeasonality(regularise(series({ count: Math.floor(1.8 * PER_DAY), stepMs: STEP, noise: 1, value: daily }))), []);
  });

  it('finds nothing in white noise, a random walk, a line or a flat series', () => {
    const random = rng(3);
    let walk = 0;
    const cases = {
      noise: series({ count: 3000, stepMs: STEP, noise: 1, value: () => 0 }),
      walk: series({ count: 3000, stepMs: STEP, value: () => (walk += random.normal()) }),
      line: series({ count: 3000, stepMs: STEP, value: (_, i) => 3 * i }),
      flat: series({ count: 3000, stepMs: STEP, value: () => 42 }),
    };
    for (const [name, points] of Object.entries(cases)) {
      assert.deepEqual(detectSeasonality(regularise(points)), [], name);
    }
  });
});
