import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { log10BinomialTail, logFactorial } from '../../../../src/observe/traces/anomalies/binomial-tail.js';
import { DurationHistogram, bucketUpperMs, durationBucket } from '../../../../src/observe/traces/anomalies/duration-histogram.js';

describe('log10BinomialTail', () => {
  it('matches exact tails', () => {
    // P(X >= 1 | 10, 0.5) = 1 - 2^-10; P(X >= 10 | 10, 0.5) = 2^-10.
    assert.ok(Math.abs(log10BinomialTail(10, 1, 0.5) - Math.log10(1 - 2 ** -10)) < 1e-12);
    assert.ok(Math.abs(log10BinomialTail(10, 10, 0.5) - Math.log10(2 ** -10)) < 1e-12);
    // P(X >= 2 | 100, 0.01) = 1 - 0.99^100 - 100 * 0.01 * 0.99^99.
    const exact = 1 - 0.99 ** 100 - 100 * 0.01 * 0.99 ** 99;
    assert.ok(Math.abs(log10BinomialTail(100, 2, 0.01) - Math.log10(exact)) < 1e-9);
  });

  it('stays finite far in the tail, where the probability underflows a double', () => {
    const tail = log10BinomialTail(100_000, 50_000, 0.01);
    assert.ok(Number.isFinite(tail) && tail < -10_000, String(tail));
  });

  it('uses Stirling above its table without a seam', () => {
    assert.ok(Math.abs(logFactorial(256) - (logFactorial(255) + Math.log(256))) < 1e-9);
  });
});

describe('DurationHistogram', () => {
  it('finds a quantile within one 15% bucket and decays its mass', () => {
    const histogram = new DurationHistogram();
    for (let i = 1; i <= 1000; i++) histogram.add(durationBucket(i));
    const p99 = bucketUpperMs(histogram.quantileBucket(0.99));
    assert.ok(p99 >= 990 && p99 <= 990 * 1.15, String(p99));
    assert.ok(histogram.shareAbove(histogram.quantileBucket(0.99)) <= 0.01, 'at most 1% lies past the p99 bucket');
    assert.ok(Math.abs(histogram.shareAbove(durationBucket(500)) - 0.5) < 0.07);
    histogram.decay(0.5);
    assert.ok(Math.abs(histogram.total - 500) < 1e-3);
    assert.equal(bucketUpperMs(histogram.quantileBucket(0.99)), p99, 'decay keeps the shape');
  });
});
