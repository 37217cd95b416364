/**
 * GET /api/v1/series/scores: one stored series replayed through the live detector, for the
 * metric explorer: every point in the window with its anomaly score, expected value and band,
 * and the anomaly episodes overlapping the window. The route only chooses the history and trims
 * the answer; the scoring is src/observe/metrics/score-series.ts.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { SeriesScoresQuerySchema, SeriesScoresResponseSchema } from '../../core/api.js';
import { OpsError } from '../../core/errors.js';
import { parseSeriesKey } from '../../core/series.js';
import { scoreSeries, type AnomalyEpisode } from '../../observe/metrics/score-series.js';
import { errorResponses } from '../error-responses.js';
import type { RouteOptions } from '../route-options.js';

/**
 * Points of history replayed before `from`, so the window is scored by a detector that has
 * learned the series rather than by one starting cold. A fixed count rather than one derived
 * from the detector's settings, which are not the route's business: enough to outlast the
 * learning phase and fill the baseline with room to spare (each is a hundred points or fewer
 * with the default settings), few enough that replaying on every 2 s poll stays cheap.
 * Learning older than this is not replayed.
 */
export const WARM_UP_POINTS = 500;

/**
 * Step assumed when the window holds fewer than two points to measure it from: the default
 * export interval of the OpenTelemetry SDKs' periodic metric readers.
 */
const FALLBACK_STEP_MS = 60_000;

export const seriesScoreRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { engine, detector }) => {
  app.get(
    '/api/v1/series/scores',
    {
      config: { permission: 'read' },
      schema: {
        summary: 'Anomaly score, expected value, band and anomaly episodes of one series in a time window',
        description:
          'Replays the live detector over the stored points of the series: up to 500 points before `from` to learn from, then every point in [from, to]. An unknown key answers empty `points`, like GET /api/v1/series.',
        tags: ['telemetry'],
        querystring: SeriesScoresQuerySchema,
        response: { 200: SeriesScoresResponseSchema, ...errorResponses(400) },
      },
    },
    async (request) => {
      const { key, from, to } = request.query;
      if (from > to) throw new OpsError('OPS_ERR_VALIDATION', [`querystring.from (${from}) is after querystring.to (${to})`]);
      const name = metricNameOf(key);
      const inWindow = engine.store.telemetry.seriesPoints(key, { fromMs: from, toMs: to });
      // Nothing to draw: no need to read or score any history.
      if (inWindow.length === 0) return { key, name, warmUpPoints: 0, points: [], episodes: [] };

      const stepMs = medianGapMs(inWindow) ?? FALLBACK_STEP_MS;
      const warmUp = engine.store.telemetry
        .seriesPoints(key, { fromMs: from - WARM_UP_POINTS * stepMs, toMs: from })
        .filter((point) => point.timeMs < from)
        .slice(-WARM_UP_POINTS);

      // Scored as the live detector scores it: sensitivity rules may match its service or labels.
      const owner = parseSeriesKey(key);
      const scored = scoreSeries(name, [...warmUp, ...inWindow], detector, owner && { service: owner.service, labels: owner.labels });
      return {
        key,
        name,
        warmUpPoints: warmUp.length,
        points: scored.points.filter((point) => point.timeMs >= from && point.timeMs <= to),
        episodes: scored.episodes.filter((episode) => overlaps(episode, from, to)),
      };
    },
  );
};

/**
 * seriesKey() writes `name{labels}`, and metric names cannot contain `{` (OpenTelemetry's
 * instrument name syntax), so the name is everything before the first one. Parsing the key
 * spares a scan of the series list; an unknown key simply has no points.
 */
function metricNameOf(key: string): string {
  const brace = key.indexOf('{');
  return brace < 0 ? key : key.slice(0, brace);
}

/** The series' usual spacing; the median, so one gap in the data does not stretch it. */
function medianGapMs(points: ReadonlyArray<{ timeMs: number }>): number | undefined {
  const gaps: number[] = [];
  let previousMs: number | undefined;
  for (const { timeMs } of points) {
    if (previousMs !== undefined && timeMs > previousMs) gaps.push(timeMs - previousMs);
    previousMs = timeMs;
  }
  gaps.sort((a, b) => a - b);
  return gaps[Math.floor(gaps.length / 2)];
}

/** An episode without an end is still open at the last point scored, so it reaches `to`. */
function overlaps(episode: AnomalyEpisode, fromMs: number, toMs: number): boolean {
  return episode.startMs <= toMs && (episode.endMs === undefined || episode.endMs >= fromMs);
}
