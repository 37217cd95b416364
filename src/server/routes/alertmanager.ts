import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AcceptedResponseSchema } from '../../core/api.js';
import { ALERTMANAGER_SOURCE, AlertmanagerWebhookSchema, webhookToSignals } from '../../ingest/alertmanager/index.js';
import { errorResponses } from '../error-responses.js';
import type { RouteOptions } from '../route-options.js';

export const alertmanagerRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { engine, metrics, now }) => {
  app.post(
    '/api/v1/integrations/alertmanager',
    {
      config: { permission: 'ingest', integration: 'alertmanager' },
      schema: {
        summary: 'Prometheus Alertmanager webhook receiver (webhook_config, payload version 4)',
        description:
          'Point an Alertmanager `webhook_configs` entry at this URL. Firing and resolved notifications update one alert per Alertmanager fingerprint.',
        tags: ['integrations'],
        body: AlertmanagerWebhookSchema,
        response: { 200: AcceptedResponseSchema, ...errorResponses(400, 413, 415, 503) },
      },
    },
    async (request) => {
      const signals = webhookToSignals(request.body, { nowMs: now() });
      engine.signals.acceptSignals(signals);
      metrics.signalsAccepted.inc({ source: ALERTMANAGER_SOURCE }, signals.length);
      return { accepted: signals.length };
    },
  );
};
