import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SeriesListResponseSchema, SeriesResponseSchema, ServiceListResponseSchema } from '../../../src/core/api.js';
import { seriesKey } from '../../../src/core/series.js';
import { startHarness, type Harness } from '../harness.js';

const T0 = Date.parse('2024-05-14T09:00:00Z');
const POINT = { name: 'queue.depth', service: 'orders', labels: { queue: 'email' } };

describe('series and service routes', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
    h.engine.telemetry.accept({
      metrics: [0, 1, 2].map((i) => ({ ...POINT, timeMs: T0 + i * 10_000, value: i * 5 })),
    });
    await h.engine.settle();
    h.store.topology.touchServices([
      { name: 'frontend', lastSeenMs: T0 },
      { name: 'orders', lastSeenMs: T0 + 20_000 },
    ]);
    h.store.topology.saveEdges([
      { caller: 'frontend', callee: 'orders', via: 'span', lastSeenMs: T0 },
      { caller: 'orders', callee: 'postgres', via: 'peer', lastSeenMs: T0 + 5_000 },
    ]);
  });
  after(() => h.close());

  it('GET /api/v1/series/list lists series, optionally of one service', async () => {
    const all = SeriesListResponseSchema.parse((await h.app.inject({ url: '/api/v1/series/list' })).json());
    assert.ok(all.series.some((series) => series.key === seriesKey(POINT)));
    const none = SeriesListResponseSchema.parse((await h.app.inject({ url: '/api/v1/series/list?service=nobody' })).json());
    assert.equal(none.series.length, 0);
  });

  it('GET /api/v1/series returns the points of one series in a window', async () => {
    const key = encodeURIComponent(seriesKey(POINT));
    const response = await h.app.inject({ url: `/api/v1/series?key=${key}&from=${T0}&to=${T0 + 10_000}` });
    assert.equal(response.statusCode, 200);
    const body = SeriesResponseSchema.parse(response.json());
    assert.equal(body.key, seriesKey(POINT));
    assert.deepEqual(body.points, [
      { timeMs: T0, value: 0 },
      { timeMs: T0 + 10_000, value: 5 },
    ]);
  });

  it('GET /api/v1/series requires key, from and to', async () => {
    const response = await h.app.inject({ url: `/api/v1/series?from=${T0}&to=${T0}` });
    assert.equal(response.statusCode, 400);
    assert.match(response.json<{ message: string }>().message, /querystring\.key: is required/);
  });

  it('GET /api/v1/services joins services, call edges and open incidents', async () => {
    const { services } = ServiceListResponseSchema.parse((await h.app.inject({ url: '/api/v1/services' })).json());
    const byName = new Map(services.map((service) => [service.name, service]));
    assert.deepEqual(byName.get('orders')?.callers, ['frontend']);
    assert.deepEqual(byName.get('orders')?.callees, ['postgres']);
    // Known only as a peer of a client span, it is still a node of the map.
    assert.deepEqual(byName.get('postgres')?.callers, ['orders']);
    assert.equal(byName.get('frontend')?.openIncidents, 0);
  });
});
