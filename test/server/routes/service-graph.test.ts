import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ServiceDetailResponseSchema, ServiceGraphResponseSchema } from '../../../src/core/service-map-api.js';
import { shopTraces } from '../../fixtures/otlp/shop-traces.js';
import { FIXED_NOW, startHarness, type Harness } from '../harness.js';
import { sendSpans } from '../span-ingest.js';

const T0 = FIXED_NOW - 10 * 60_000;
const TRACES = 100;
const WINDOW = `from=${T0}&to=${T0 + TRACES * 1000}`;

describe('GET /api/v1/service-graph and /api/v1/services/{service}', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
    await sendSpans(h, shopTraces({ t0: T0, traces: TRACES, failEvery: 10 }), (service) => ({
      'service.name': service,
      'service.instance.id': `${service}-1`,
      ...(service === 'shipping' ? {} : { 'k8s.node.name': 'node-a', 'host.name': `${service}-1` }),
    }));
    const event = await h.app.inject({
      method: 'POST',
      url: '/api/v1/events',
      payload: { name: 'checkout failing', service: 'checkout', severity: 'critical', summary: 'orders fail' },
    });
    assert.equal(event.statusCode, 202, event.body);
    await h.engine.settle();
  });
  after(() => h.close());

  it('answers services, the database and the queue as nodes of their kind, with instances, health and stats', async () => {
    const response = await h.app.inject({ url: `/api/v1/service-graph?${WINDOW}` });
    assert.equal(response.statusCode, 200, response.body);
    const graph = ServiceGraphResponseSchema.parse(response.json());
    assert.equal(graph.spans, TRACES * 6);
    assert.equal(graph.truncated, false);
    const nodes = Object.fromEntries(graph.nodes.map((node) => [node.name, node]));
    assert.deepEqual(
      graph.nodes.map((node) => [node.name, node.kind, node.system ?? null]),
      [['checkout', 'service', null], ['frontend', 'service', null], ['orders', 'queue', 'kafka'], ['postgres', 'database', 'postgresql'], ['shipping', 'service', null]],
    );
    const checkout = nodes['checkout'];
    assert.equal(checkout?.stats.requests, TRACES);
    assert.equal(checkout?.stats.errorRatio, 0.1);
    assert.deepEqual([checkout?.stats.p50Ms, checkout?.stats.p95Ms, checkout?.stats.p99Ms], [69, 114, 118]);
    assert.ok(Math.abs((checkout?.stats.ratePerSec ?? 0) - TRACES / TRACES) < 1e-9, 'one request per second of the window');
    assert.deepEqual(checkout?.instances.map((instance) => instance.name), ['checkout-1']);
    assert.equal(checkout?.health.state, 'failing');
    assert.match(checkout?.health.reasons.join(' ') ?? '', /critical alert: orders fail/);
    assert.equal(nodes['frontend']?.health.state, 'ok');
  });

  it('holds the entity graph: instances with the host (k8s.node.name before host.name) they run on', async () => {
    const graph = ServiceGraphResponseSchema.parse((await h.app.inject({ url: `/api/v1/service-graph?${WINDOW}` })).json());
    assert.deepEqual(graph.nodes.find((node) => node.name === 'checkout')?.instances.map((i) => [i.name, i.host]), [['checkout-1', 'node-a']]);
    assert.deepEqual(graph.nodes.find((node) => node.name === 'shipping')?.instances.map((i) => [i.name, i.host]), [['shipping-1', undefined]]);
    assert.deepEqual(graph.hosts, [
      { name: 'node-a', instances: [{ service: 'checkout', instance: 'checkout-1' }, { service: 'frontend', instance: 'frontend-1' }] },
    ]);
  });

  it('answers request and messaging edges, the caller\'s view first', async () => {
    const graph = ServiceGraphResponseSchema.parse((await h.app.inject({ url: `/api/v1/service-graph?${WINDOW}` })).json());
    assert.deepEqual(
      graph.edges.map((edge) => `${edge.caller}→${edge.callee} ${edge.kind} by ${edge.observedBy} ×${edge.stats.requests}`),
      [
        'checkout→orders messaging by caller ×100',
        'checkout→postgres request by caller ×100',
        'frontend→checkout request by caller ×100',
        'orders→shipping messaging by callee ×100',
      ],
    );
    const call = graph.edges.find((edge) => edge.caller === 'frontend');
    assert.equal(call?.stats.errorRatio, 0.1);
  });

  it('drills into a service: operations, callers, callees, firing alerts and open incidents', async () => {
    const response = await h.app.inject({ url: `/api/v1/services/checkout?${WINDOW}` });
    assert.equal(response.statusCode, 200, response.body);
    const detail = ServiceDetailResponseSchema.parse(response.json());
    assert.deepEqual(detail.operations.map((op) => [op.name, op.kind, op.stats.requests]), [['POST /api/checkout', 'server', TRACES]]);
    assert.deepEqual(detail.callers.map((n) => [n.name, n.kind]), [['frontend', 'service']]);
    assert.deepEqual(detail.callees.map((n) => [n.name, n.kind]), [['orders', 'queue'], ['postgres', 'database']]);
    assert.deepEqual(detail.alerts.map((alert) => alert.summary), ['orders fail']);
    assert.equal(detail.incidents.length, 1);
    assert.equal(detail.node.instances[0]?.stats.requests, TRACES);
  });

  it('drills into an uninstrumented database by the calls made to it', async () => {
    const detail = ServiceDetailResponseSchema.parse((await h.app.inject({ url: `/api/v1/services/postgres?${WINDOW}` })).json());
    assert.equal(detail.node.kind, 'database');
    assert.equal(detail.node.stats.requests, TRACES);
    assert.deepEqual(detail.operations, []);
    assert.deepEqual(detail.callers.map((n) => n.name), ['checkout']);
  });

  it('answers an empty map for a window without spans, and the last 15 minutes by default', async () => {
    const empty = ServiceGraphResponseSchema.parse((await h.app.inject({ url: `/api/v1/service-graph?from=0&to=1000` })).json());
    assert.deepEqual([empty.nodes, empty.edges, empty.spans], [[], [], 0]);
    const recent = ServiceGraphResponseSchema.parse((await h.app.inject({ url: '/api/v1/service-graph' })).json());
    assert.deepEqual([recent.from, recent.to], [FIXED_NOW - 15 * 60_000, FIXED_NOW]);
    assert.equal(recent.nodes.length, 5);
  });

  it('answers 400 for a reversed or malformed window and 404 for a service the window does not know', async () => {
    const reversed = await h.app.inject({ url: '/api/v1/service-graph?from=2000&to=1000' });
    assert.equal(reversed.statusCode, 400);
    assert.equal(reversed.json<{ code: string }>().code, 'OPS_ERR_VALIDATION');
    assert.match(reversed.json<{ message: string }>().message, /from \(2000\) is after querystring\.to \(1000\)/);
    const malformed = await h.app.inject({ url: '/api/v1/service-graph?from=yesterday' });
    assert.equal(malformed.statusCode, 400);
    assert.match(malformed.json<{ message: string }>().message, /from/);
    const unknown = await h.app.inject({ url: `/api/v1/services/nope?${WINDOW}` });
    assert.equal(unknown.statusCode, 404);
    assert.match(unknown.json<{ message: string }>().message, /service "nope"/);
  });
});
