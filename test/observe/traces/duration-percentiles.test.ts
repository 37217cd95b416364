import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { durationPercentiles, quantile } from '../../../src/observe/traces/duration-percentiles.js';

describe('durationPercentiles()', () => {
  it('gives nearest-rank p50, p95 and p99 of 1..100 ms', () => {
    const durations = Array.from({ length: 100 }, (_, i) => 100 - i);
    assert.deepEqual(durationPercentiles(durations), { p50: 50, p95: 95, p99: 99 });
  });

  it('reports a value that occurred, not an interpolation', () => {
    assert.deepEqual(durationPercentiles([1, 1000]), { p50: 1, p95: 1000, p99: 1000 });
  });

  it('keeps one slow call out of p50 and p95 of 100 but not out of p99 of 50', () => {
    const fast = Array.from({ length: 99 }, () => 10);
    assert.deepEqual(durationPercentiles([...fast, 5000]), { p50: 10, p95: 10, p99: 10 });
    assert.equal(durationPercentiles([...fast.slice(0, 49), 5000]).p99, 5000);
  });

  it('answers 0 for no durations and leaves its input unsorted', () => {
    assert.deepEqual(durationPercentiles([]), { p50: 0, p95: 0, p99: 0 });
    const input = [3, 1, 2];
    durationPercentiles(input);
    assert.deepEqual(input, [3, 1, 2]);
  });

  it('sorts fractional milliseconds numerically, not as text', () => {
    assert.equal(quantile([10.5, 9.25, 100, 2], 0.5), 9.25);
  });
});
