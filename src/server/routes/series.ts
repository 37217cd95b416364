import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { SeriesListQuerySchema, SeriesListResponseSchema, SeriesQuerySchema, SeriesResponseSchema } from '../../core/api.js';
import { OpsError } from '../../core/errors.js';
import { errorResponses } from '../error-responses.js';
import type { RouteOptions } from '../route-options.js';

const TAGS = ['telemetry'];

export const seriesRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { engine }) => {
  app.get(
    '/api/v1/series',
    {
      config: { permission: 'read' },
      schema: {
        summary: 'Points of one series in a time window, oldest first',
        tags: TAGS,
        querystring: SeriesQuerySchema,
        response: { 200: SeriesResponseSchema, ...errorResponses(400) },
      },
    },
    async (request) => {
      const { key, from, to } = request.query;
      if (from > to) throw new OpsError('OPS_ERR_VALIDATION', [`querystring.from (${from}) is after querystring.to (${to})`]);
      return { key, points: engine.store.telemetry.seriesPoints(key, { fromMs: from, toMs: to }) };
    },
  );

  app.get(
    '/api/v1/series/list',
    {
      config: { permission: 'read' },
      schema: {
        summary: 'Known series, optionally of one service',
        tags: TAGS,
        querystring: SeriesListQuerySchema,
        response: { 200: SeriesListResponseSchema, ...errorResponses(400) },
      },
    },
    async (request) => {
      const { service } = request.query;
      return { series: engine.store.telemetry.listSeries(service ? { service } : undefined) };
    },
  );
};
