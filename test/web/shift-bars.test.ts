import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { shiftBars } from '../../web/src/shift-bars.js';

describe('shiftBars()', () => {
  it('places shifts in percent of the window, cut to it, one colour per person', () => {
    const bars = shiftBars(
      [
        { userId: 'ana', startMs: -50, endMs: 25 },
        { userId: 'ben', startMs: 25, endMs: 75 },
        { userId: 'ana', startMs: 75, endMs: 150 },
      ],
      0,
      100,
    );
    assert.deepEqual(bars.map((b) => [b.userId, b.leftPct, b.widthPct]), [['ana', 0, 25], ['ben', 25, 50], ['ana', 75, 25]]);
    assert.equal(bars[0]?.hue, bars[2]?.hue);
    assert.notEqual(bars[0]?.hue, bars[1]?.hue);
    assert.deepEqual(shiftBars([{ userId: 'a', startMs: 0, endMs: 1 }], 5, 5), []);
  });
});
