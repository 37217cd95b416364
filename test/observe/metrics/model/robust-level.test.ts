import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RobustLevel } from '../../../../src/observe/metrics/model/robust-level.js';

/** Deterministic noise in [-1, 1]. */
const noise = (i: number): number => Math.sin(i * 12.9898) * 2 - Math.sin(i * 78.233);

describe('RobustLevel', () => {
  it('learns a scale for a series that is mostly one value, from its bursts', () => {
    // A disk that writes in bursts: the median and MAD of its learning points are 0.
    const level = RobustLevel.fromLearning(new Array<number>(100).fill(0), 0.02, 3, 0);
    const zOfBurst: number[] = [];
    for (let i = 1; i <= 2000; i++) {
      const burst = i % 50 === 0;
      if (burst) zOfBurst.push((1e6 - level.location) / level.scale);
      level.update(burst ? 1e6 : 0);
    }
    assert.ok(level.scale > 1e3, `scale ${level.scale}`);
    // Its first burst is news; once bursts are its habit they are tens of scales off, not 10^12.
    assert.ok((zOfBurst[0] as number) > 1e9);
    assert.ok((zOfBurst.at(-1) as number) < 100, `z of the last burst ${zOfBurst.at(-1)}`);
  });

  it('is moved little and briefly by one wild value', () => {
    const level = RobustLevel.fromLearning(Array.from({ length: 100 }, (_, i) => 50 + noise(i)), 0.02, 3, 0);
    for (let i = 100; i < 600; i++) level.update(50 + noise(i));
    const before = level.scale;
    level.update(1e300);
    assert.ok(level.scale < 2 * before, `scale ${before} → ${level.scale}`);
    assert.ok(Math.abs(level.location - 50) < 0.5, `location ${level.location}`);
    assert.ok(Number.isFinite(level.state.meanDeviation));
    for (let i = 600; i < 1100; i++) level.update(50 + noise(i));
    assert.ok(level.scale < 1.2 * before, `back to ${level.scale} from ${before}`);
  });

  it('starts its scale from the noise, not from a trend inside the learning points', () => {
    // A transfer winding down: 100 points falling from 1,000 to 10, with noise of about ±1.
    const values = Array.from({ length: 100 }, (_, i) => 1000 - 10 * i + noise(i));
    const level = RobustLevel.fromLearning(values, 0.02, 3, 0);
    // Around their median the points spread by a MAD of ~250 (a scale of ~370); from one point
    // to the next they move by the slope and the noise, ~10.
    assert.ok(level.scale < 15, `scale ${level.scale}`);
    assert.ok(level.state.meanDeviation <= level.scale, `mean deviation ${level.state.meanDeviation}`);
    // Without a trend the two estimates agree, and the start is the MAD's as before.
    const flat = RobustLevel.fromLearning(Array.from({ length: 100 }, (_, i) => 50 + noise(i)), 0.02, 3, 0);
    assert.ok(flat.scale > 0.5 && flat.scale < 3, `scale ${flat.scale}`);
  });
});
