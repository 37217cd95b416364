import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SeriesScoresResponseSchema, type SeriesScoresResponse } from '../../../src/core/api.js';
import type { MetricPoint } from '../../../src/core/records.js';
import { seriesKey } from '../../../src/core/series.js';
import { WARM_UP_POINTS } from '../../../src/server/routes/series-scores.js';
import { startHarness, type Harness } from '../harness.js';

const T0 = Date.parse('2024-05-14T09:00:00Z');
const STEP = 10_000;
/** 180 normal points around 100, 20 points shifted to 200, 40 normal points again. */
const SHIFT_START = 180;
const SHIFT_END = 200;
const LENGTH = 240;
const QUEUE = { name: 'queue.depth', service: 'orders', labels: { queue: 'email' } };
/** Latency only alarms upwards, so the same shape downwards must stay quiet. */
const LATENCY = { name: 'http.server.duration.p95', service: 'orders', labels: {} };
const DEPTH_DROP = { name: 'queue.depth', service: 'billing', labels: {} };

const at = (index: number): number => T0 + index * STEP;
/** Small deterministic wiggle, so the baseline has a real spread. */
const noise = (index: number): number => ((index * 7919) % 5) - 2;

describe('GET /api/v1/series/scores', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
    // Written to the store directly: the route replays stored history, the live loop is not under test.
    const shifted = (series: Pick<MetricPoint, 'name' | 'service' | 'labels'>, level: number): MetricPoint[] =>
      Array.from({ length: LENGTH }, (_, i) => ({
        ...series,
        timeMs: at(i),
        value: (i >= SHIFT_START && i < SHIFT_END ? level : 100) + noise(i),
      }));
    h.store.telemetry.insertMetricPoints([...shifted(QUEUE, 200), ...shifted(LATENCY, 20), ...shifted(DEPTH_DROP, 20)]);
  });
  after(() => h.close());

  const get = async (key: string, fromMs: number, toMs: number): Promise<SeriesScoresResponse> => {
    const response = await h.app.inject({ url: `/api/v1/series/scores?key=${encodeURIComponent(key)}&from=${fromMs}&to=${toMs}` });
    assert.equal(response.statusCode, 200, response.body);
    return SeriesScoresResponseSchema.parse(response.json());
  };

  it('scores every point of the window against a model learned from the history before it', async () => {
    const body = await get(seriesKey(QUEUE), at(150), at(LENGTH - 1));
    assert.equal(body.key, seriesKey(QUEUE));
    assert.equal(body.name, 'queue.depth');
    // All 150 earlier points were replayed first (fewer than WARM_UP_POINTS exist).
    assert.ok(WARM_UP_POINTS >= 150);
    assert.equal(body.warmUpPoints, 150);
    assert.equal(body.points.length, LENGTH - 150);
    assert.equal(body.points[0]?.timeMs, at(150));

    const normalScores: number[] = [];
    for (const point of body.points) {
      const index = (point.timeMs - T0) / STEP;
      const { score, expected, lower, upper } = point;
      assert.ok(score !== undefined && expected !== undefined && lower !== undefined && upper !== undefined, `point ${index} is scored`);
      assert.ok(score >= 0 && score <= 1, `score ${score} of point ${index} is in [0,1]`);
      assert.ok(lower <= expected && expected <= upper, `band [${lower}, ${upper}] holds expected ${expected} at point ${index}`);
      if (index < SHIFT_START) {
        // Before the shift: the value is what was expected.
        assert.ok(!point.anomalous && point.value >= lower && point.value <= upper, `normal point ${index} is normal (score ${score})`);
        assert.ok(Math.abs(expected - 100) <= 5, `expected ${expected} at point ${index}`);
        normalScores.push(score);
      }
    }
    // The first shifted point is far above the band and scores above every normal point.
    const onset = body.points.find((point) => point.timeMs === at(SHIFT_START));
    assert.ok(onset?.anomalous && onset.upper !== undefined && onset.value > onset.upper, `onset ${JSON.stringify(onset)}`);
    assert.ok((onset.score ?? 0) > Math.max(...normalScores));

    assert.equal(body.episodes.length, 1);
    const [episode] = body.episodes;
    assert.equal(episode?.startMs, at(SHIFT_START));
    assert.equal(episode?.direction, 'up');
    // It closes once the level is back, a few points after the shift ends.
    assert.ok(episode?.endMs !== undefined && episode.endMs >= at(SHIFT_END) && episode.endMs <= at(SHIFT_END + 10), `episode end ${episode?.endMs}`);
    assert.ok((episode?.peakScore ?? 0) >= (onset.score ?? 1));
    // Its wording is the detector's; it names the metric, the peak value and what was usual.
    assert.match(episode?.summary ?? '', /^queue\.depth \d+.*\busual\b/);
  });

  it('leaves points unscored while the model is still learning at the start of a series', async () => {
    const body = await get(seriesKey(QUEUE), at(0), at(SHIFT_START - 1));
    assert.equal(body.warmUpPoints, 0);
    assert.equal(body.points.length, SHIFT_START);
    // The first points are learned from quietly: no score, expected value or band in the JSON.
    const learning = body.points.findIndex((point) => point.score !== undefined);
    assert.ok(learning > 0, 'the first point has no score');
    assert.ok(body.points.slice(0, learning).every((point) => point.expected === undefined && point.lower === undefined && !point.anomalous));
    assert.ok(body.points.slice(learning).every((point) => point.score !== undefined && point.lower !== undefined && point.upper !== undefined));
    assert.deepEqual(body.episodes, []);
  });

  it('returns only the episodes overlapping the window, open ones without an end', async () => {
    const during = await get(seriesKey(QUEUE), at(185), at(190));
    assert.equal(during.points.length, 6);
    assert.equal(during.episodes.length, 1);
    assert.equal(during.episodes[0]?.startMs, at(SHIFT_START));
    assert.equal(during.episodes[0]?.endMs, undefined, 'still open at the last point of the window');

    const tail = await get(seriesKey(QUEUE), at(SHIFT_END + 1), at(LENGTH - 1));
    assert.equal(tail.episodes.length, 1, 'the episode closes inside this window');

    const afterwards = await get(seriesKey(QUEUE), at(SHIFT_END + 11), at(LENGTH - 1));
    assert.deepEqual(afterwards.episodes, []);
    const before = await get(seriesKey(QUEUE), at(100), at(SHIFT_START - 1));
    assert.deepEqual(before.episodes, []);
  });

  it('judges directions by the metric name in the key', async () => {
    const latency = await get(seriesKey(LATENCY), at(150), at(LENGTH - 1));
    assert.equal(latency.name, 'http.server.duration.p95');
    assert.deepEqual(latency.episodes, [], 'a latency drop is good news');
    assert.ok(latency.points.every((point) => !point.anomalous));

    const depth = await get(seriesKey(DEPTH_DROP), at(150), at(LENGTH - 1));
    assert.deepEqual(
      depth.episodes.map((episode) => episode.direction),
      ['down'],
    );
  });

  it('applies sensitivity rules that match the series by service and labels, as the live detector does', async () => {
    const quiet = await startHarness({
      config: { detector: { rules: [{ metric: 'queue.*', service: 'orders', labels: { queue: 'email' }, sensitivity: 'off' }] } },
    });
    try {
      quiet.store.telemetry.insertMetricPoints(
        Array.from({ length: LENGTH }, (_, i) => ({ ...QUEUE, timeMs: at(i), value: (i >= SHIFT_START && i < SHIFT_END ? 200 : 100) + noise(i) })),
      );
      const response = await quiet.app.inject({ url: `/api/v1/series/scores?key=${encodeURIComponent(seriesKey(QUEUE))}&from=${at(150)}&to=${at(LENGTH - 1)}` });
      const body = SeriesScoresResponseSchema.parse(response.json());
      assert.deepEqual(body.episodes, [], 'the rule for orders/email turns alarms off');
      assert.ok(body.points.every((point) => !point.anomalous));
      assert.ok(body.points.some((point) => (point.score ?? 0) > 0.5), 'still scored and charted');
    } finally {
      await quiet.close();
    }
  });

  it('answers empty points for an unknown series, like GET /api/v1/series', async () => {
    const body = await get('nope{service="x"}', at(0), at(LENGTH));
    assert.deepEqual(body, { key: 'nope{service="x"}', name: 'nope', warmUpPoints: 0, points: [], episodes: [] });
  });

  it('answers 400 for a reversed window or a missing parameter', async () => {
    const key = encodeURIComponent(seriesKey(QUEUE));
    const reversed = await h.app.inject({ url: `/api/v1/series/scores?key=${key}&from=${at(10)}&to=${at(0)}` });
    assert.equal(reversed.statusCode, 400);
    const body = reversed.json<{ code: string; message: string }>();
    assert.equal(body.code, 'OPS_ERR_VALIDATION');
    assert.match(body.message, /querystring\.from \(\d+\) is after querystring\.to \(\d+\)/);

    const missingKey = await h.app.inject({ url: `/api/v1/series/scores?from=${at(0)}&to=${at(10)}` });
    assert.equal(missingKey.statusCode, 400);
    assert.match(missingKey.json<{ message: string }>().message, /querystring\.key: is required/);

    const badFrom = await h.app.inject({ url: `/api/v1/series/scores?key=${key}&from=yesterday&to=${at(10)}` });
    assert.equal(badFrom.statusCode, 400);
    assert.match(badFrom.json<{ message: string }>().message, /querystring\.from/);
  });

  it('is described in the OpenAPI document under telemetry', async () => {
    const spec = (await h.app.inject({ url: '/api/v1/openapi.json' })).json<{ paths: Record<string, { get?: { tags?: string[] } }> }>();
    assert.deepEqual(spec.paths['/api/v1/series/scores']?.get?.tags, ['telemetry']);
  });
});
