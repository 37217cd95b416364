import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AlertListQuerySchema, AlertListResponseSchema } from '../../core/api.js';
import { errorResponses } from '../error-responses.js';
import type { RouteOptions } from '../route-options.js';

export const alertRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { engine }) => {
  app.get(
    '/api/v1/alerts',
    {
      config: { permission: 'read' },
      schema: {
        summary: 'List alerts (deduplicated signals), newest first',
        description: 'Filter by status, by whether a silence mutes them and by whether they flap (docs/alerts.md).',
        tags: ['alerts'],
        querystring: AlertListQuerySchema,
        response: { 200: AlertListResponseSchema, ...errorResponses(400) },
      },
    },
    async (request) => {
      const { status, silenced, flapping, limit } = request.query;
      return {
        alerts: engine.store.alerts.list({
          limit,
          ...(status ? { status } : {}),
          ...(silenced === undefined ? {} : { silenced }),
          ...(flapping === undefined ? {} : { flapping }),
        }),
      };
    },
  );
};
