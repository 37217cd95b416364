import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { metricSemantics } from '../../../../src/observe/metrics/metric-semantics.js';
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
});
