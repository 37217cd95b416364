import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildServiceMap, type MapSpan } from '../../../src/observe/traces/service-map.js';

const MINUTE = 60_000;

function server(service: string, extra: Partial<MapSpan> = {}): MapSpan {
  return { service, name: 'GET /', kind: 'server', durationMs: 10, error: false, ...extra };
}
function client(service: string, peer: string, extra: Partial<MapSpan> = {}): MapSpan {
  return { service, name: 'GET', kind: 'client', durationMs: 12, error: false, peer, ...extra };
}

describe('buildServiceMap()', () => {
  it('draws caller → callee from client spans and takes edge stats from the caller', () => {
    const spans = [
      server('frontend', { instance: 'frontend-1' }),
      client('frontend', 'cart', { durationMs: 30, error: true }),
      client('frontend', 'cart', { durationMs: 20 }),
      server('cart', { parent: { service: 'frontend', kind: 'client', peer: 'cart' } }),
      server('cart', { parent: { service: 'frontend', kind: 'client', peer: 'cart' } }),
    ];
    const map = buildServiceMap(spans, MINUTE);
    assert.deepEqual(map.nodes.map((n) => [n.name, n.kind]), [['cart', 'service'], ['frontend', 'service']]);
    assert.equal(map.edges.length, 1);
    const [edge] = map.edges;
    assert.equal(edge?.caller, 'frontend');
    assert.equal(edge?.callee, 'cart');
    assert.equal(edge?.kind, 'request');
    assert.equal(edge?.observedBy, 'caller');
    assert.deepEqual(edge?.stats, { requests: 2, ratePerSec: 2 / 60, errorRatio: 0.5, p50Ms: 20, p95Ms: 30, p99Ms: 30 });
  });

  it('finds the edge from a parent in another service when the client span named no peer', () => {
    const map = buildServiceMap([server('frontend'), server('cart', { parent: { service: 'frontend', kind: 'client' } })], MINUTE);
    assert.deepEqual(map.edges.map((e) => [e.caller, e.callee, e.observedBy]), [['frontend', 'cart', 'callee']]);
  });

  it('folds a peer address into the service whose server spans answered it', () => {
    const spans = [
      server('frontend'),
      client('frontend', 'cart.shop.svc'),
      server('cart', { parent: { service: 'frontend', kind: 'client', peer: 'cart.shop.svc' } }),
    ];
    const map = buildServiceMap(spans, MINUTE);
    assert.deepEqual(map.nodes.map((n) => n.name), ['cart', 'frontend']);
    assert.deepEqual(map.edges.map((e) => [e.caller, e.callee, e.observedBy]), [['frontend', 'cart', 'caller']]);
  });

  it('makes uninstrumented peers databases, queues or external systems by their semantic conventions', () => {
    const spans = [
      server('checkout'),
      client('checkout', 'postgres', { dbSystem: 'postgresql' }),
      { ...client('checkout', 'orders', { messagingSystem: 'kafka' }), kind: 'producer' as const },
      client('checkout', 'api.stripe.com'),
      server('shipping', { kind: 'consumer', name: 'process orders', parent: { service: 'checkout', kind: 'producer', peer: 'orders' } }),
    ];
    const map = buildServiceMap(spans, MINUTE);
    const kinds = Object.fromEntries(map.nodes.map((n) => [n.name, [n.kind, n.system]]));
    assert.deepEqual(kinds, {
      'api.stripe.com': ['external', undefined],
      checkout: ['service', undefined],
      orders: ['queue', 'kafka'],
      postgres: ['database', 'postgresql'],
      shipping: ['service', undefined],
    });
    const edges = map.edges.map((e) => `${e.caller}→${e.callee}:${e.kind}`);
    assert.deepEqual(edges, ['checkout→api.stripe.com:request', 'checkout→orders:messaging', 'checkout→postgres:request', 'orders→shipping:messaging']);
    assert.equal(map.nodes.find((n) => n.name === 'postgres')?.stats.requests, 1, 'a database counts the calls made to it');
  });

  it('keeps instances and operations per service with their own percentiles, busiest first', () => {
    const spans: MapSpan[] = [];
    for (let i = 1; i <= 100; i++) spans.push(server('cart', { instance: 'cart-a', name: 'GET /cart', durationMs: i }));
    spans.push(server('cart', { instance: 'cart-b', name: 'POST /cart', durationMs: 500, error: true }));
    const [cart] = buildServiceMap(spans, MINUTE).nodes;
    assert.deepEqual(cart?.instances.map((i) => [i.name, i.stats.requests]), [['cart-a', 100], ['cart-b', 1]]);
    assert.deepEqual(cart?.operations.map((o) => [o.name, o.kind, o.stats.p50Ms, o.stats.p95Ms, o.stats.p99Ms, o.stats.errorRatio]), [
      ['GET /cart', 'server', 50, 95, 99, 0],
      ['POST /cart', 'server', 500, 500, 500, 1],
    ]);
    assert.equal(cart?.stats.requests, 101);
    assert.equal(cart?.stats.p99Ms, 100);
  });

  it('lists a service that only sends internal spans, with no requests', () => {
    const map = buildServiceMap([{ service: 'cron', name: 'tick', kind: 'internal', durationMs: 1, error: false }], MINUTE);
    assert.deepEqual(map.nodes.map((n) => [n.name, n.stats.requests]), [['cron', 0]]);
    assert.deepEqual(map.edges, []);
  });

  it('answers an empty map for no spans', () => {
    assert.deepEqual(buildServiceMap([], MINUTE), { nodes: [], edges: [] });
  });
});
