import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bucketQuantile } from '../../../src/ingest/otlp/bucket-quantile.js';

describe('bucketQuantile()', () => {
  const bounds = [1, 2, 4];

  it('interpolates linearly inside the bucket holding the rank', () => {
    // 10 observations: 0 in (-inf,1], 10 in (1,2]
    assert.equal(bucketQuantile(0.5, bounds, [0, 10, 0, 0]), 1.5);
    assert.equal(bucketQuantile(0.9, bounds, [0, 10, 0, 0]), 1.9);
    // 4 in (0,1], 4 in (2,4]
    assert.equal(bucketQuantile(0.75, bounds, [4, 0, 4, 0]), 3);
  });

  it('closes the first bucket at 0 for positive bounds and the last at the highest bound', () => {
    assert.equal(bucketQuantile(0.5, bounds, [2, 0, 0, 0]), 0.5);
    assert.equal(bucketQuantile(0.99, bounds, [0, 0, 0, 5]), 4);
  });

  it('uses min and max to close open buckets and tighten inner ones', () => {
    assert.equal(bucketQuantile(0.5, bounds, [0, 0, 0, 2], { max: 10 }), 7);
    assert.equal(bucketQuantile(0.5, bounds, [2, 0, 0, 0], { min: 0.5 }), 0.75);
    assert.equal(bucketQuantile(1, bounds, [0, 4, 0, 0], { max: 1.5 }), 1.5);
  });

  it('returns undefined for empty or mismatched buckets', () => {
    assert.equal(bucketQuantile(0.5, bounds, [0, 0, 0, 0]), undefined);
    assert.equal(bucketQuantile(0.5, bounds, [1, 1]), undefined);
  });

  it('handles a histogram with no bounds from min/max alone', () => {
    assert.equal(bucketQuantile(0.5, [], [4], { min: 2, max: 6 }), 4);
  });
});
