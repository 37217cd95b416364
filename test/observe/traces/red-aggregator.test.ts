import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SpanRecord } from '../../../src/core/records.js';
import { quantile } from '../../../src/observe/traces/duration-percentiles.js';
import { RedAggregator } from '../../../src/observe/traces/red-aggregator.js';

const T0 = 1_700_000_000_000;
let seq = 0;
function span(service: string, kind: SpanRecord['kind'], startMs: number, extra: Partial<SpanRecord> = {}): SpanRecord {
  seq += 1;
  return {
    traceId: 't'.padEnd(32, '0'),
    spanId: String(seq).padStart(16, '0'),
    name: 'op',
    service,
    kind,
    startMs,
    durationMs: 10,
    status: 'unset',
    attributes: {},
    ...extra,
  };
}

describe('RedAggregator', () => {
  it('closes a bucket once the watermark passes it by one bucket, with rate, error ratio and p50/p95/p99', () => {
    const red = new RedAggregator(10_000);
    const spans = [
      span('cart', 'server', T0 + 1000, { durationMs: 20 }),
      span('cart', 'server', T0 + 2000, { durationMs: 40, status: 'error' }),
    ];
    assert.deepEqual(red.add(spans), []);
    assert.deepEqual(red.add([span('cart', 'server', T0 + 15_000)]), [], 'next bucket open, lateness not yet passed');
    const points = red.add([span('cart', 'server', T0 + 20_000)]);
    const byName = Object.fromEntries(points.map((p) => [p.name, p]));
    assert.equal(byName['opsloop.service.request_rate']?.value, 0.2);
    assert.equal(byName['opsloop.service.error_ratio']?.value, 0.5);
    assert.equal(byName['opsloop.service.latency_p50']?.value, 20);
    assert.equal(byName['opsloop.service.latency_p95']?.value, 40);
    assert.equal(byName['opsloop.service.latency_p99']?.value, 40);
    assert.equal(byName['opsloop.service.request_rate']?.timeMs, T0 + 10_000);
  });

  it('reports edges from client spans and keeps the silence of a callee that stopped answering', () => {
    const red = new RedAggregator(10_000);
    red.add([span('payment', 'server', T0), span('checkout', 'client', T0, { peerService: 'payment' })]);
    // payment crashed: only checkout's failing client spans arrive from now on.
    const points = [];
    for (let t = 10_000; t <= 60_000; t += 10_000) {
      points.push(...red.add([span('checkout', 'client', T0 + t, { peerService: 'payment', status: 'error' })]));
    }
    const paymentRates = points.filter((p) => p.service === 'payment' && p.name === 'opsloop.service.request_rate');
    assert.ok(paymentRates.length >= 3);
    assert.ok(paymentRates.slice(1).every((p) => p.value === 0));
    const edgeErrors = points.filter((p) => p.name === 'opsloop.edge.error_ratio');
    assert.equal(edgeErrors.at(-1)?.labels['peer'], 'payment');
    assert.equal(edgeErrors.at(-1)?.service, 'checkout');
    assert.equal(edgeErrors.at(-1)?.value, 1);
  });

  it('counts spans older than a closed bucket as late', () => {
    const red = new RedAggregator(10_000);
    red.add([span('a', 'server', T0), span('a', 'server', T0 + 30_000)]);
    red.add([span('a', 'server', T0 + 500)]);
    assert.equal(red.late, 1);
  });
});

describe('quantile', () => {
  it('uses the nearest rank', () => {
    assert.equal(quantile([5, 1, 3, 2, 4], 0.95), 5);
    assert.equal(quantile([5, 1, 3, 2, 4], 0.5), 3);
    assert.equal(quantile([], 0.5), 0);
  });
});
