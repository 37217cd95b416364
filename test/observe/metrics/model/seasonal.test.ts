import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { metricSemantics } from '../../../../src/observe/metrics/metric-semantics.js';
import { HOUR_MS, SeasonalProfile, carryDeviation, seasonOf } from '../../../../src/observe/metrics/model/seasonal-profile.js';
import { SeriesModel } from '../../../../src/observe/metrics/model/series-model.js';
import { SeriesDetector } from '../../../../src/observe/metrics/series-detector.js';

const STEP = 5 * 60_000;
const DAY = 288;
const START = Date.UTC(2026, 0, 5); // a Monday, 00:00 UTC

/** Deterministic noise in [-1, 1]. */
function noise(i: number): number {
  return Math.sin(i * 12.9898) * 0.5 + Math.sin(i * 78.233) * 0.5;
}

/** Busy by day, quiet by night: 100 ± 60 over 24 h, plus noise. */
function daily(i: number): number {
  return 100 + 60 * Math.sin((2 * Math.PI * i) / DAY) + 3 * noise(i);
}

describe('SeriesModel seasonality', () => {
  it('finds a daily season and expects the night dip instead of flagging it', () => {
    const model = new SeriesModel({ learnPoints: 100 }, 0);
    let expectedErrorLate = 0;
    let count = 0;
    for (let i = 0; i < 10 * DAY; i++) {
      const reading = model.observe(START + i * STEP, daily(i));
      if (reading && i >= 8 * DAY) {
        expectedErrorLate += Math.abs(reading.expected - daily(i));
        count += 1;
      }
    }
    assert.equal(model.parts.seasonal.period, 24, 'daily season detected');
    assert.ok(expectedErrorLate / count < 15, `expected values follow the cycle (mean error ${(expectedErrorLate / count).toFixed(1)})`);
    assert.match(model.describePhase(START + 14 * 3_600_000) ?? '', /^14:00 UTC$/);
  });

  it('finds no season in noise', () => {
    const model = new SeriesModel({ learnPoints: 100 }, 0);
    for (let i = 0; i < 6 * DAY; i++) model.observe(START + i * STEP, 100 + 3 * noise(i));
    assert.equal(model.parts.seasonal.period, 0);
  });

  it('raises no alarm on a clean seasonal series, and catches a daytime outage in it', () => {
    const detector = new SeriesDetector({ learnPoints: 100, threshold: 0.5, firingPoints: 1, resolvePoints: 3 }, metricSemantics('x'));
    const opened: number[] = [];
    for (let i = 0; i < 12 * DAY; i++) {
      const outage = i >= 10 * DAY + 60 && i < 10 * DAY + 80;
      const event = detector.observe(START + i * STEP, outage ? 5 : daily(i));
      if (event?.type === 'opened' && i >= 3 * DAY) opened.push(i);
    }
    assert.equal(opened.filter((i) => i < 10 * DAY).length, 0, `no alarm on the clean days: ${opened.join(',')}`);
    assert.ok(opened.some((i) => i >= 10 * DAY + 60 && i <= 10 * DAY + 63), `outage caught within 3 points: ${opened.join(',')}`);
  });

  it('learns how far each phase strays, and judges a dip at an hour that never varies by it', () => {
    // Mornings (06:00–10:00) are regular, ±2; the rest of the day strays ±40. One scale for the
    // whole day is set by the loose hours, and a morning 30 below its usual level is within it.
    const regular = (i: number): boolean => {
      const hour = Math.floor((i % DAY) / 12);
      return hour >= 6 && hour < 10;
    };
    const value = (i: number): number => daily(i) + (regular(i) ? 2 : 40) * noise(i);
    const holiday = (i: number): boolean => i >= 15 * DAY + 7 * 12 && i < 15 * DAY + 9 * 12;
    const model = new SeriesModel({ learnPoints: 100 }, 0);
    let holidayZ = 0;
    let holidayZOfDay = 0;
    for (let i = 0; i < 16 * DAY; i++) {
      const v = holiday(i) ? value(i) - 30 : value(i);
      const dayScale = model.parts.level?.scale ?? 0;
      const reading = model.observe(START + i * STEP, v);
      if (reading && holiday(i)) {
        holidayZ = Math.min(holidayZ, reading.z);
        holidayZOfDay = Math.min(holidayZOfDay, (v - reading.expected) / dayScale);
      }
    }
    const seasonal = model.parts.seasonal;
    const scale = model.parts.level?.scale ?? 0;
    const morning = seasonal.phaseScale(START + 6 * 3_600_000, scale);
    const night = seasonal.phaseScale(START + 22 * 3_600_000, scale);
    assert.ok(seasonal.period > 0, 'season found');
    assert.ok(morning < night / 3, `morning scale ${morning.toFixed(1)}, night ${night.toFixed(1)}`);
    assert.ok(holidayZOfDay > -3, `against the day's one scale the holiday is ordinary (z ${holidayZOfDay.toFixed(1)})`);
    assert.ok(holidayZ < -5, `against its phase's scale it is not (z ${holidayZ.toFixed(1)})`);
  });

  /** Four weeks of hourly means: a daily wave, weekends busier by `weekend` times the wave, `noisy` noise. */
  const weeks = (weekend: number, noisy: number): number[] =>
    Array.from({ length: 672 }, (_, h) => {
      const wave = Math.sin((2 * Math.PI * h) / 24);
      const isWeekend = Math.floor(h / 24) % 7 >= 5;
      return 10 * wave + (isWeekend ? 10 * weekend * (wave + 1) : 0) + 5 * noisy * noise(h);
    });

  it('keeps the season it uses while daily and weekly correlate about alike, and switches when one clearly wins', () => {
    const borderline = weeks(0, 1);
    assert.equal(seasonOf(borderline, 0), 24, 'found afresh: daily');
    assert.equal(seasonOf(borderline, 24), 24, 'daily stays daily');
    assert.equal(seasonOf(borderline, 168), 168, 'weekly stays weekly instead of flipping');
    assert.equal(seasonOf(weeks(0, 0), 168), 24, 'a pure daily wave takes a weekly season back to daily');
    assert.equal(seasonOf(weeks(1, 0), 24), 168, 'busy weekends take a daily season to weekly');
  });

  it('carries each phase scale over when the season switches from daily to weekly', () => {
    const ring = Float32Array.from(weeks(1, 0));
    const deviation = Float32Array.from({ length: 24 }, (_, h) => 1 + h);
    const firstHour = Math.floor(START / HOUR_MS);
    const profile = new SeasonalProfile({
      ring,
      head: 0,
      filled: ring.length,
      hour: firstHour + ring.length - 1,
      sum: 0,
      count: 0,
      sinceCheck: 23,
      period: 24,
      profile: new Float32Array(24),
      deviation,
    });
    // The next hour closes the 24th since the last check: the season is checked again.
    profile.observe((firstHour + ring.length) * HOUR_MS, 0, 0, 1);
    assert.equal(profile.period, 168);
    for (const hourOfWeek of [3, 27, 150]) {
      const at = START + hourOfWeek * HOUR_MS;
      assert.ok(Math.abs(profile.phaseScale(at, 0) - 1.2533 * (1 + (hourOfWeek % 24))) < 1e-4, `hour ${hourOfWeek} of the week keeps its hour's scale`);
    }
  });

  it('carries phase scales back from weekly to daily as the mean of each hour over the week, and starts a new season afresh', () => {
    const weekly = Float32Array.from({ length: 168 }, (_, h) => (h % 24) + Math.floor(h / 24));
    const daily = carryDeviation(weekly, 168, 24, 99);
    assert.equal(daily.length, 24);
    // Hour h: the mean of h + day over days 0..6 is h + 3.
    for (const hour of [0, 5, 23]) assert.ok(Math.abs((daily[hour] as number) - (hour + 3)) < 1e-5);
    assert.deepEqual([...carryDeviation(new Float32Array(0), 0, 24, 7)], new Array(24).fill(7));
    assert.equal(carryDeviation(weekly, 168, 0, 7).length, 0);
  });
});
