import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { LogSearchQuerySchema, LogSearchResponseSchema } from '../../core/api.js';
import { OpsError } from '../../core/errors.js';
import { encodeLogCursor } from '../../core/log-cursor.js';
import { LogQueryError } from '../../store/log-query-error.js';
import { errorResponses } from '../error-responses.js';
import type { RouteOptions } from '../route-options.js';
import { serviceFilter } from '../service-filter.js';

export const logRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { engine }) => {
  app.get(
    '/api/v1/logs',
    {
      config: { permission: 'read' },
      schema: {
        summary: 'Search stored logs, newest first: full text, service, severity, template, trace and time filters',
        tags: ['logs'],
        querystring: LogSearchQuerySchema,
        response: { 200: LogSearchResponseSchema, ...errorResponses(400) },
      },
    },
    async (request) => {
      const { q, service, minSeverity, templateId, traceId, from, to, limit, cursor } = request.query;
      if (from !== undefined && to !== undefined && from > to) {
        throw new OpsError('OPS_ERR_VALIDATION', [`querystring.from (${from}) is after querystring.to (${to})`]);
      }
      try {
        const page = engine.store.logs.search({
          limit,
          ...(q !== undefined ? { text: q } : {}),
          ...serviceFilter(service),
          ...(minSeverity !== undefined ? { minSeverity } : {}),
          ...(templateId !== undefined ? { templateId } : {}),
          ...(traceId !== undefined ? { traceId } : {}),
          ...(from !== undefined ? { fromMs: from } : {}),
          ...(to !== undefined ? { toMs: to } : {}),
          ...(cursor !== undefined ? { after: cursor } : {}),
        });
        return { logs: page.logs, ...(page.next ? { nextCursor: encodeLogCursor(page.next) } : {}) };
      } catch (error) {
        if (error instanceof LogQueryError) throw new OpsError('OPS_ERR_VALIDATION', [`querystring.q: ${error.message}`], { cause: error });
        throw error;
      }
    },
  );
};
