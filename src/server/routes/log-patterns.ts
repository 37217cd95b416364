import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  LogPatternDetailQuerySchema,
  LogPatternDetailResponseSchema,
  LogPatternsQuerySchema,
  LogPatternsResponseSchema,
} from '../../core/api.js';
import { OpsError } from '../../core/errors.js';
import { parameterValues } from '../../observe/log-patterns/parameter-values.js';
import { errorResponses } from '../error-responses.js';
import { patternView, patternWindow } from '../log-pattern-view.js';
import type { RouteOptions } from '../route-options.js';

const TAGS = ['logs'];
/** Newest lines of a template its parameter values are read from: enough to see the spread, cheap to match. */
const PARAMETER_LINES = 200;
const VALUES_PER_PARAMETER = 10;

export const logPatternRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { engine, now }) => {
  const { store } = engine;

  app.get(
    '/api/v1/log-patterns',
    {
      config: { permission: 'read' },
      schema: {
        summary: 'Log templates per service, most frequent first, with a count series and sample lines',
        tags: TAGS,
        querystring: LogPatternsQuerySchema,
        response: { 200: LogPatternsResponseSchema, ...errorResponses(400) },
      },
    },
    async (request) => {
      const { service, minSeverity, limit, samples } = request.query;
      const window = patternWindow(request.query, now());
      const rows = store.logs.templates({
        limit,
        ...(service !== undefined ? { service } : {}),
        ...(minSeverity !== undefined ? { minSeverity } : {}),
      });
      return {
        from: window.from,
        to: window.to,
        bucketMs: window.bucketMs,
        patterns: rows.map((row) => patternView(store, row, window, samples)),
        ingest: engine.logStats(),
      };
    },
  );

  app.get(
    '/api/v1/log-patterns/:templateId',
    {
      config: { permission: 'read' },
      schema: {
        summary: 'One log template: count series, sample lines, parameter values and change history',
        tags: TAGS,
        params: z.object({ templateId: z.string().min(1).max(64) }),
        querystring: LogPatternDetailQuerySchema,
        response: { 200: LogPatternDetailResponseSchema, ...errorResponses(400, 404, 409) },
      },
    },
    async (request) => {
      const { templateId } = request.params;
      const { service, samples } = request.query;
      const window = patternWindow(request.query, now());
      // Ids are unique per service; two services rarely share one, but then the client must choose.
      const rows = store.logs.templates({ templateId, limit: 10, ...(service !== undefined ? { service } : {}) });
      const row = rows[0];
      if (!row) throw new OpsError('OPS_ERR_NOT_FOUND', [`Log template ${templateId}${service !== undefined ? ` of service ${service}` : ''}`]);
      if (rows.length > 1) {
        const services = rows.map((r) => r.service).join(', ');
        throw new OpsError('OPS_ERR_CONFLICT', [`Log template ${templateId} exists in services ${services}; pass ?service= to choose one`]);
      }
      const lines = store.logs.search({ service: row.service, templateId, limit: PARAMETER_LINES }).logs.map((log) => log.body);
      const { parameters, matched } = parameterValues(row.template, lines, { maxValues: VALUES_PER_PARAMETER });
      return {
        from: window.from,
        to: window.to,
        bucketMs: window.bucketMs,
        pattern: patternView(store, row, window, samples),
        parameters,
        linesExamined: matched,
        changes: row.changes,
      };
    },
  );
};
