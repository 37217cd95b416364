import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AcceptedResponseSchema, EventBatchInputSchema } from '../../core/api.js';
import { eventsToSignals, EVENTS_SOURCE } from '../../ingest/events/index.js';
import { errorResponses } from '../error-responses.js';
import type { RouteOptions } from '../route-options.js';

export const eventRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { engine, metrics, now }) => {
  app.post(
    '/api/v1/events',
    {
      config: { permission: 'ingest', integration: 'events' },
      schema: {
        summary: 'Send one event or an array of events that raise or clear alerts',
        tags: ['integrations'],
        body: EventBatchInputSchema,
        response: { 202: AcceptedResponseSchema, ...errorResponses(400, 413, 415, 503) },
      },
    },
    async (request, reply) => {
      const events = Array.isArray(request.body) ? request.body : [request.body];
      const signals = eventsToSignals(events, { nowMs: now() });
      engine.signals.acceptSignals(signals);
      metrics.signalsAccepted.inc({ source: EVENTS_SOURCE }, signals.length);
      return reply.status(202).send({ accepted: signals.length });
    },
  );
};
