import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { OpsError } from '../../core/errors.js';
import { encodeLogCursor } from '../../core/log-cursor.js';
import { TraceDetailResponseSchema, TraceIdSchema, TraceSearchQuerySchema, TraceSearchResponseSchema } from '../../core/trace-api.js';
import { selfTimes } from '../../observe/traces/self-time.js';
import { errorResponses } from '../error-responses.js';
import type { RouteOptions } from '../route-options.js';
import { serviceFilter } from '../service-filter.js';

const TAGS = ['traces'];

export const traceRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { engine }) => {
  const { store } = engine;

  app.get(
    '/api/v1/traces',
    {
      config: { permission: 'read' },
      schema: {
        summary: 'Search traces, newest first: those with a span matching every filter (service, operation, status, duration, time)',
        tags: TAGS,
        querystring: TraceSearchQuerySchema,
        response: { 200: TraceSearchResponseSchema, ...errorResponses(400) },
      },
    },
    async (request) => {
      const { service, operation, status, minDuration, maxDuration, from, to, limit, cursor } = request.query;
      if (from !== undefined && to !== undefined && from > to) {
        throw new OpsError('OPS_ERR_VALIDATION', [`querystring.from (${from}) is after querystring.to (${to})`]);
      }
      if (minDuration !== undefined && maxDuration !== undefined && minDuration > maxDuration) {
        throw new OpsError('OPS_ERR_VALIDATION', [`querystring.minDuration (${minDuration}) is above querystring.maxDuration (${maxDuration})`]);
      }
      const page = store.traces.search({
        limit,
        ...serviceFilter(service),
        ...(operation !== undefined ? { operation } : {}),
        ...(status !== undefined ? { status } : {}),
        ...(minDuration !== undefined ? { minDurationMs: minDuration } : {}),
        ...(maxDuration !== undefined ? { maxDurationMs: maxDuration } : {}),
        ...(from !== undefined ? { fromMs: from } : {}),
        ...(to !== undefined ? { toMs: to } : {}),
        ...(cursor !== undefined ? { after: cursor } : {}),
      });
      return { traces: page.traces, ...(page.next ? { nextCursor: encodeLogCursor(page.next) } : {}) };
    },
  );

  app.get(
    '/api/v1/traces/:traceId',
    {
      config: { permission: 'read' },
      schema: {
        summary: 'One trace: its summary and every stored span with parent link, kind, status, attributes and self time',
        tags: TAGS,
        params: z.object({ traceId: TraceIdSchema }),
        response: { 200: TraceDetailResponseSchema, ...errorResponses(400, 404) },
      },
    },
    async (request) => {
      const { traceId } = request.params;
      const [trace] = store.traces.summaries([traceId]);
      const spans = store.telemetry.spansOfTrace(traceId);
      if (!trace || spans.length === 0) throw new OpsError('OPS_ERR_NOT_FOUND', [`trace ${traceId}`]);
      const self = selfTimes(spans);
      return {
        trace,
        // The trace id is the route's; each span carries the rest of its record.
        spans: spans.map(({ traceId: _traceId, ...span }) => ({ ...span, selfTimeMs: self.get(span.spanId) ?? span.durationMs })),
      };
    },
  );
};
