import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  DeliveryListQuerySchema,
  DeliveryListResponseSchema,
  DeliveryResponseSchema,
  EscalationListResponseSchema,
  PreviewRequestSchema,
  PreviewResponseSchema,
} from '../../core/notify-api.js';
import { OpsError } from '../../core/errors.js';
import { messageContext } from '../../engage/notify/message-context.js';
import { sampleIncident } from '../../engage/notify/sample-incident.js';
import { renderMessage, TemplateError } from '../../engage/notify/templates.js';
import { keepSecrets, redactChannel } from '../channel-secrets.js';
import { errorResponses } from '../error-responses.js';
import { checkChannel, checkPolicy, checkRule, templateProblem } from '../notify-config-checks.js';
import type { RouteOptions } from '../route-options.js';
import { registerConfigRoutes } from './notify-config-routes.js';

const TAGS = ['notifications'];

export const notificationRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { engine, now }) => {
  const repo = () => engine.store.notify;
  registerConfigRoutes(app, repo, {
    kind: 'channel',
    path: '/api/v1/notifications/channels',
    noun: 'Channel',
    tag: 'notifications',
    check: checkChannel,
    present: redactChannel,
    merge: keepSecrets,
  });
  registerConfigRoutes(app, repo, { kind: 'rule', path: '/api/v1/notifications/rules', noun: 'Rule', tag: 'notifications', check: checkRule });
  registerConfigRoutes(app, repo, { kind: 'policy', path: '/api/v1/escalation-policies', noun: 'Escalation policy', tag: 'notifications', check: checkPolicy });

  app.post(
    '/api/v1/notifications/channels/:id/test',
    {
      config: { permission: 'admin', audit: { action: 'channel.test', subjectKind: 'channel' } },
      schema: {
        summary: 'Send a sample message over a channel now; the delivery says whether it arrived',
        tags: TAGS,
        params: z.object({ id: z.string().min(1) }),
        response: { 200: DeliveryResponseSchema, ...errorResponses(404) },
      },
    },
    async (request) => {
      const channel = engine.store.notify.get('channel', request.params.id);
      if (!channel) throw new OpsError('OPS_ERR_NOT_FOUND', [`Channel ${request.params.id}`]);
      return { delivery: await engine.notifications.sendTest(channel) };
    },
  );

  app.post(
    '/api/v1/notifications/preview',
    {
      config: { permission: 'read', audit: false },
      schema: {
        summary: 'Render a message template against an incident (or a sample one) without sending it',
        description: 'A template that does not parse or render answers 400 naming the part and the line.',
        tags: TAGS,
        body: PreviewRequestSchema,
        response: { 200: PreviewResponseSchema, ...errorResponses(400, 404, 415) },
      },
    },
    async (request) => {
      const { incidentId, event, channelType, template } = request.body;
      const nowMs = now();
      let subject = sampleIncident(nowMs);
      if (incidentId !== undefined) {
        const incident = engine.store.incidents.get(incidentId);
        if (!incident) throw new OpsError('OPS_ERR_NOT_FOUND', [`Incident ${incidentId}`]);
        subject = { incident, alerts: incident.alertIds.flatMap((id) => engine.store.alerts.get(id) ?? []) };
      }
      const context = messageContext(subject.incident, subject.alerts, { event, nowMs, uiUrl: new URL(request.url, `http://${request.host}`).origin });
      try {
        return await renderMessage(channelType, context, [template]);
      } catch (error) {
        if (error instanceof TemplateError) throw templateProblem('body.template', error);
        throw error;
      }
    },
  );

  app.get(
    '/api/v1/notifications/deliveries',
    {
      config: { permission: 'read' },
      schema: { summary: 'The delivery log, newest first', tags: TAGS, querystring: DeliveryListQuerySchema, response: { 200: DeliveryListResponseSchema, ...errorResponses(400) } },
    },
    async (request) => {
      const { incidentId, limit } = request.query;
      return { deliveries: engine.store.notify.deliveries({ limit, ...(incidentId ? { incidentId } : {}) }) };
    },
  );

  app.get(
    '/api/v1/escalations',
    {
      config: { permission: 'read' },
      schema: {
        summary: 'Escalations, running and past',
        tags: TAGS,
        querystring: z.object({ incidentId: z.string().optional(), status: z.enum(['active', 'stopped', 'exhausted']).optional() }),
        response: { 200: EscalationListResponseSchema, ...errorResponses(400) },
      },
    },
    async (request) => {
      const { incidentId, status } = request.query;
      return { escalations: engine.store.notify.escalations({ ...(incidentId ? { incidentId } : {}), ...(status ? { status } : {}) }) };
    },
  );
};
