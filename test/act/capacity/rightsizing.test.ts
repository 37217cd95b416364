import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sizeResource } from '../../../src/act/capacity/rightsizing.js';

/** 1..100 shuffled: p50 = 50, p95 = 95, p99 = 99, max = 100 by nearest rank. */
const ONE_TO_HUNDRED = Array.from({ length: 100 }, (_, i) => ((i * 37) % 100) + 1);

describe('sizeResource()', () => {
  it('recommends p95 × headroom as request and max × headroom as limit, with the savings against the request', () => {
    const sizing = sizeResource(ONE_TO_HUNDRED, { request: 200, limit: 400 }, { headroom: 1.2 });
    assert.ok(sizing);
    assert.deepEqual(sizing.usage, { p50: 50, p95: 95, p99: 99, max: 100, samples: 100 });
    assert.equal(sizing.recommendedRequest, 114);
    assert.equal(sizing.recommendedLimit, 120);
    assert.equal(sizing.savings, 86);
    assert.equal(sizing.savingsShare, 0.43);
    assert.deepEqual(sizing.flags, ['over-provisioned']);
  });

  it('flags an idle instance (p95 under 5 % of its request)', () => {
    const sizing = sizeResource([0.01, 0.02, 0.03], { request: 1, limit: 2 }, { headroom: 1.2 });
    assert.deepEqual(sizing?.flags, ['idle', 'over-provisioned']);
  });

  it('flags an under-provisioned instance and a negative saving (it needs more)', () => {
    const sizing = sizeResource(ONE_TO_HUNDRED, { request: 80, limit: 105 }, { headroom: 1.2 });
    assert.deepEqual(sizing?.flags, ['under-provisioned']);
    assert.ok((sizing?.savings ?? 0) < 0);
  });

  it('sizes without a request or limit and says so; no samples → nothing', () => {
    const sizing = sizeResource([1, 2, 3], {}, { headroom: 1.5 });
    assert.deepEqual(sizing?.flags, ['no-request', 'no-limit']);
    assert.equal(sizing?.savings, 0);
    assert.equal(sizing?.savingsShare, undefined);
    assert.equal(sizeResource([], { request: 1 }, { headroom: 1.2 }), undefined);
  });
});
