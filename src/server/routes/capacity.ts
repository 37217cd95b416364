/**
 * GET /api/v1/capacity/forecasts and GET /api/v1/capacity/rightsizing (docs/capacity.md). The
 * routes map query strings to requests; the work is src/app/capacity and src/act/capacity.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CapacityForecastsQuerySchema,
  CapacityForecastsResponseSchema,
  RightsizingQuerySchema,
  RightsizingResponseSchema,
} from '../../core/capacity-api.js';
import { OpsError } from '../../core/errors.js';
import { errorResponses } from '../error-responses.js';
import type { RouteOptions } from '../route-options.js';

const HOUR_MS = 3_600_000;
const DEFAULT_WINDOW_MS = 24 * HOUR_MS;

export const capacityRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { engine }) => {
  app.get(
    '/api/v1/capacity/forecasts',
    {
      config: { permission: 'read' },
      schema: {
        summary: 'Saturation series forecast to their limits, soonest exhaustion first',
        description:
          'Every disk, memory, CPU, connection-pool, queue and quota series with a known limit (a ratio, a percentage, or a limit series of the same instance such as k8s.container.memory.limit) is forecast from its history with the seasonal forecast of GET /api/v1/series/forecast; the time to exhaustion comes with a range from the prediction interval. docs/capacity.md lists the metric names recognised.',
        tags: ['capacity'],
        querystring: CapacityForecastsQuerySchema,
        response: { 200: CapacityForecastsResponseSchema, ...errorResponses(400) },
      },
    },
    async (request) => {
      const { at, historyHours, horizonHours, service, resource, points, limit } = request.query;
      return engine.capacityForecasts({
        ...(at === undefined ? {} : { atMs: at }),
        historyMs: historyHours * HOUR_MS,
        horizonMs: horizonHours * HOUR_MS,
        ...(service === undefined ? {} : { service }),
        ...(resource === undefined ? {} : { resource }),
        points,
        limit,
      });
    },
  );

  app.get(
    '/api/v1/capacity/rightsizing',
    {
      config: { permission: 'read' },
      schema: {
        summary: 'CPU and memory usage against requests and limits per instance, with recommendations and savings',
        description:
          'Usage percentiles (p50/p95/p99/max) over the window of each instance that reports CPU (cores) or memory (bytes) usage, against the Kubernetes requests and limits it reports (k8s.container.cpu.request … as metrics). Recommended request = p95 × headroom, limit = max × headroom; savings against the current request; idle, over- and under-provisioned flags.',
        tags: ['capacity'],
        querystring: RightsizingQuerySchema,
        response: { 200: RightsizingResponseSchema, ...errorResponses(400) },
      },
    },
    async (request) => {
      const { headroom, service } = request.query;
      const toMs = request.query.to ?? newestSeriesPoint(engine.store.telemetry.listSeries(service === undefined ? {} : { service }));
      const fromMs = request.query.from ?? toMs - DEFAULT_WINDOW_MS;
      if (fromMs > toMs) throw new OpsError('OPS_ERR_VALIDATION', [`querystring.from (${fromMs}) is after querystring.to (${toMs})`]);
      return engine.rightsizing({ range: { fromMs, toMs }, headroom, ...(service === undefined ? {} : { service }) });
    },
  );
};

function newestSeriesPoint(series: ReadonlyArray<{ lastMs: number }>): number {
  return series.reduce((newest, info) => Math.max(newest, info.lastMs), 0);
}
