import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AcceptedResponseSchema } from '../../core/api.js';
import { GRAFANA_SOURCE, GrafanaWebhookSchema, grafanaWebhookToSignals } from '../../ingest/grafana/index.js';
import { errorResponses } from '../error-responses.js';
import type { RouteOptions } from '../route-options.js';

export const grafanaRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { engine, metrics, now }) => {
  app.post(
    '/api/v1/integrations/grafana',
    {
      config: { permission: 'ingest', integration: 'grafana' },
      schema: {
        summary: 'Grafana alerting webhook contact point (unified alerting, payload version "1")',
        description:
          'Point a Grafana webhook contact point at this URL. Firing and resolved notifications update one alert per Grafana fingerprint; ' +
          'repeated deliveries refresh it, and a resolve for an alert that is not firing is accepted and changes nothing. ' +
          'Legacy (pre-8) dashboard alert notifications are rejected with 400.',
        tags: ['integrations'],
        body: GrafanaWebhookSchema,
        response: { 202: AcceptedResponseSchema, ...errorResponses(400, 413, 415, 503) },
      },
    },
    async (request, reply) => {
      const signals = grafanaWebhookToSignals(request.body, { nowMs: now() });
      engine.signals.acceptSignals(signals);
      metrics.signalsAccepted.inc({ source: GRAFANA_SOURCE }, signals.length);
      return reply.status(202).send({ accepted: signals.length });
    },
  );
};
