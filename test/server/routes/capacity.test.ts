import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CapacityForecastsResponseSchema, RightsizingResponseSchema } from '../../../src/core/capacity-api.js';
import type { MetricPoint } from '../../../src/core/records.js';
import { startHarness, type Harness } from '../harness.js';

const T0 = Date.parse('2030-01-01T00:00:00Z');
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const MIB = 2 ** 20;

function at(name: string, service: string, instance: string, timeMs: number, value: number): MetricPoint {
  return { name, service, instance, labels: {}, timeMs, value };
}

describe('GET /api/v1/capacity/*', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
    // Written to the store directly: the routes read history; the live loop is tested in test/app.
    const points: MetricPoint[] = [];
    for (let m = 0; m <= 6 * 60; m += 5) {
      const t = T0 + m * MINUTE;
      // cart leaks 0.5 MiB a minute towards its 512 MiB limit; search's disk is flat at 40 %.
      points.push(at('process.memory.usage', 'cart', 'cart-1', t, (300 + 0.5 * m) * MIB));
      points.push(at('k8s.container.memory.limit', 'cart', 'cart-1', t, 512 * MIB));
      points.push(at('k8s.container.memory.request', 'cart', 'cart-1', t, 1024 * MIB));
      points.push(at('container.cpu.usage', 'cart', 'cart-1', t, 0.1 + (m % 3) * 0.01));
      points.push(at('k8s.container.cpu.request', 'cart', 'cart-1', t, 1));
      points.push(at('k8s.container.cpu.limit', 'cart', 'cart-1', t, 2));
      points.push(at('system.filesystem.utilization', 'search', 'search-0', t, 0.4 + ((m * 7) % 5) / 1000));
      points.push(at('queue.depth', 'orders', 'orders-0', t, m));
    }
    h.store.telemetry.insertMetricPoints(points);
  });
  after(() => h.close());

  it('lists saturation series soonest exhaustion first, with the limit and where it came from', async () => {
    const response = await h.app.inject({ url: '/api/v1/capacity/forecasts' });
    assert.equal(response.statusCode, 200);
    const body = CapacityForecastsResponseSchema.parse(response.json());
    assert.equal(body.atMs, T0 + 6 * HOUR);
    // Neither disk (40 %) nor CPU (6 % of its 2-core limit) runs out: the fuller comes first.
    assert.deepEqual(body.forecasts.map((f) => [f.service, f.resource]), [['cart', 'memory'], ['search', 'disk'], ['cart', 'cpu']]);
    const [cart, search] = body.forecasts;
    assert.equal(cart?.limit, 512 * MIB);
    assert.match(cart?.limitFrom ?? '', /^k8s\.container\.memory\.limit\{service="cart",instance="cart-1"\}$/);
    // 480 MiB at 6 h, +30 MiB/h: 512 MiB about an hour later.
    const expected = cart?.exhaustion.expectedMs ?? 0;
    assert.ok(Math.abs(expected - (T0 + 7 * HOUR + 4 * MINUTE)) < 20 * MINUTE, `expected at +${(expected - T0) / HOUR} h`);
    assert.equal(search?.exhaustion.expectedMs, undefined);
    assert.equal(cart?.history, undefined, 'no points unless asked');
    assert.deepEqual(body.skipped, [{ key: 'queue.depth{service="orders",instance="orders-0"}', reason: 'no limit known (no limit series reported for this instance)' }]);
  });

  it('filters by resource and returns chart points on request', async () => {
    const response = await h.app.inject({ url: `/api/v1/capacity/forecasts?resource=disk&points=true&at=${new Date(T0 + 5 * HOUR).toISOString()}&horizonHours=2` });
    const body = CapacityForecastsResponseSchema.parse(response.json());
    assert.equal(body.atMs, T0 + 5 * HOUR);
    assert.equal(body.forecasts.length, 1);
    const [disk] = body.forecasts;
    assert.equal(disk?.history?.at(-1)?.timeMs, T0 + 5 * HOUR, 'history stops at `at`');
    assert.ok((disk?.forecast?.length ?? 0) > 0);
    assert.ok((disk?.forecast?.at(-1)?.timeMs ?? Infinity) <= T0 + 7 * HOUR + 30 * MINUTE);
  });

  it('right-sizes instances against their requests and limits', async () => {
    const response = await h.app.inject({ url: '/api/v1/capacity/rightsizing?headroom=1.5' });
    assert.equal(response.statusCode, 200);
    const body = RightsizingResponseSchema.parse(response.json());
    assert.equal(body.toMs, T0 + 6 * HOUR);
    assert.equal(body.fromMs, T0 - 18 * HOUR);
    assert.equal(body.rows.length, 1);
    const [cart] = body.rows;
    assert.ok(Math.abs((cart?.cpu?.usage.p95 ?? 0) - 0.12) < 1e-9);
    assert.ok(Math.abs((cart?.cpu?.recommendedRequest ?? 0) - 0.18) < 1e-9);
    assert.ok(Math.abs(body.totals.cpuSavingsCores - 0.82) < 1e-9);
    assert.deepEqual(cart?.cpu?.flags, ['over-provisioned']);
    assert.equal(cart?.memory?.request, 1024 * MIB);
    assert.ok(cart?.memory?.flags.includes('under-provisioned'), 'max 480 MiB ≥ 90 % of the 512 MiB limit');
  });

  it('answers 400 naming the bad query parameter', async () => {
    for (const [query, field] of [
      ['resource=gpu', 'resource'],
      ['at=yesterday', 'at'],
      ['historyHours=0', 'historyHours'],
      ['points=yes', 'points'],
    ] as const) {
      const response = await h.app.inject({ url: `/api/v1/capacity/forecasts?${query}` });
      assert.equal(response.statusCode, 400, query);
      assert.match(response.body, new RegExp(field), query);
    }
    const headroom = await h.app.inject({ url: '/api/v1/capacity/rightsizing?headroom=0.5' });
    assert.equal(headroom.statusCode, 400);
    assert.match(headroom.body, /headroom/);
    const reversed = await h.app.inject({ url: `/api/v1/capacity/rightsizing?from=${T0}&to=${T0 - 1}` });
    assert.equal(reversed.statusCode, 400);
    assert.match(reversed.body, /after querystring\.to/);
  });
});
