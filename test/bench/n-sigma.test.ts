import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { maxAbsZ, rankByNSigma } from '../../bench/rca-boutique/n-sigma.js';

const T = Date.parse('2026-03-02T10:00:00Z');
const minutely = (values: number[]) => values.map((value, i) => ({ timeMs: T + i * 60_000, value }));
const FROM = T + 60 * 60_000;
const TO = FROM + 2 * 60_000;
const hour = Array.from({ length: 60 }, (_, i) => (i % 2 === 0 ? 9 : 11));

describe('n-sigma baseline', () => {
  it('measures the window in standard deviations of the hour before it, either direction', () => {
    const sd = Math.sqrt((60 * 1) / 59);
    assert.equal(maxAbsZ(minutely([...hour, 10, 10 + 4 * sd, 10]), FROM, TO).toFixed(6), (4).toFixed(6));
    assert.equal(maxAbsZ(minutely([...hour, 10, 10 - 5 * sd, 10]), FROM, TO).toFixed(6), (5).toFixed(6));
  });

  it('says nothing of a flat or too short history', () => {
    assert.equal(maxAbsZ(minutely([...Array<number>(60).fill(3), 50]), FROM, TO), 0);
    assert.equal(maxAbsZ(minutely([10, 11, 50]).map((p) => ({ ...p, timeMs: p.timeMs + 58 * 60_000 })), FROM, TO), 0);
  });

  it('ranks services by their most deviant series', () => {
    const ranked = rankByNSigma(
      [
        { service: 'cart', points: minutely([...hour, 10, 13, 10]) },
        { service: 'cart', points: minutely([...hour, 10, 10, 10]) },
        { service: 'payment', points: minutely([...hour, 30, 10, 10]) },
        { service: 'email', points: minutely([...hour, 10, 10, 10]) },
      ],
      FROM,
      TO,
    );
    assert.deepEqual(ranked, ['payment', 'cart']);
  });
});
