import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ForecastResponseSchema } from '../../../src/core/api.js';
import { seriesKey } from '../../../src/core/series.js';
import { startHarness, type Harness } from '../harness.js';

const T0 = Date.parse('2024-05-06T00:00:00Z');
const STEP = 15 * 60_000;
const DAY = 86_400_000;
const PER_DAY = DAY / STEP;
const SEASONAL = { name: 'http.server.request_rate', service: 'cart', labels: {} };
const SHORT = { name: 'queue.depth', service: 'orders', labels: {} };

describe('GET /api/v1/series/forecast', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
    // Written to the store directly: the route reads history, the live pipeline is not under test.
    h.store.telemetry.insertMetricPoints([
      ...Array.from({ length: 4 * PER_DAY }, (_, i) => ({
        ...SEASONAL,
        timeMs: T0 + i * STEP,
        value: 50 + 10 * Math.sin((2 * Math.PI * i) / PER_DAY) + ((i * 7919) % 13) / 13,
      })),
      ...[0, 1, 2].map((i) => ({ ...SHORT, timeMs: T0 + i * STEP, value: i })),
    ]);
  });
  after(() => h.close());

  const url = (key: string, query: string): string => `/api/v1/series/forecast?key=${encodeURIComponent(key)}&${query}`;

  it('forecasts the next points with intervals and the detected daily period', async () => {
    const response = await h.app.inject({ url: url(seriesKey(SEASONAL), `from=${T0}&to=${T0 + 4 * DAY}&horizon=8&confidence=0.8`) });
    assert.equal(response.statusCode, 200);
    const body = ForecastResponseSchema.parse(response.json());
    assert.equal(body.key, seriesKey(SEASONAL));
    assert.equal(body.stepMs, STEP);
    assert.equal(body.points.length, 8);
    assert.equal(body.points[0]?.timeMs, T0 + 4 * DAY);
    assert.equal(body.model.kind, 'holt-winters');
    assert.equal(body.model.periodMs, DAY);
    for (const [i, point] of body.points.entries()) {
      const expected = 50 + 10 * Math.sin((2 * Math.PI * (4 * PER_DAY + i)) / PER_DAY) + 0.5;
      assert.ok(Math.abs(point.value - expected) < 1.5, `step ${i + 1}: ${point.value} vs ${expected}`);
      assert.ok(point.lower < point.value && point.value < point.upper);
    }
  });

  it('answers 400 with the point count when the history is too short', async () => {
    const response = await h.app.inject({ url: url(seriesKey(SHORT), `from=${T0}&to=${T0 + DAY}&horizon=3`) });
    assert.equal(response.statusCode, 400);
    const body = response.json<{ code: string; message: string }>();
    assert.equal(body.code, 'OPS_ERR_VALIDATION');
    assert.match(body.message, /queue\.depth\{service="orders"\} from \d+ to \d+: history has 3 usable points; a forecast needs at least 10/);
  });

  it('answers 400 for an unknown series, a bad horizon or a reversed window', async () => {
    const unknown = await h.app.inject({ url: url('nope{service="x"}', `from=${T0}&to=${T0 + DAY}&horizon=3`) });
    assert.equal(unknown.statusCode, 400);
    assert.match(unknown.json<{ message: string }>().message, /history has 0 usable points/);

    const horizon = await h.app.inject({ url: url(seriesKey(SEASONAL), `from=${T0}&to=${T0 + DAY}&horizon=0`) });
    assert.equal(horizon.statusCode, 400);
    assert.match(horizon.json<{ message: string }>().message, /querystring\.horizon/);

    const reversed = await h.app.inject({ url: url(seriesKey(SEASONAL), `from=${T0 + DAY}&to=${T0}&horizon=3`) });
    assert.equal(reversed.statusCode, 400);
    assert.match(reversed.json<{ message: string }>().message, /is after querystring\.to/);
  });

  it('is described in the OpenAPI document under telemetry', async () => {
    const spec = (await h.app.inject({ url: '/api/v1/openapi.json' })).json<{ paths: Record<string, { get?: { tags?: string[] } }> }>();
    assert.deepEqual(spec.paths['/api/v1/series/forecast']?.get?.tags, ['telemetry']);
  });
});
