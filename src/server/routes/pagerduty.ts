/**
 * A PagerDuty Events API v2 receiver, so tools that page through PagerDuty can send to opsloop
 * unchanged: the same body, the same 202 and 400 answers. Served at
 * /api/v1/integrations/pagerduty/v2/enqueue and at PagerDuty's own path, /v2/enqueue, so
 * swapping https://events.pagerduty.com for opsloop's API address is the whole change.
 */
import type { FastifyError } from 'fastify';
import { hasZodFastifySchemaValidationErrors, type FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  PAGERDUTY_SOURCE,
  PagerDutyAcceptedSchema,
  PagerDutyEventSchema,
  PagerDutyInvalidSchema,
  alertFingerprint,
  dedupKeyOf,
  resolveToSignal,
  triggerToSignal,
  v1EventProblem,
  type PagerDutyInvalid,
} from '../../ingest/pagerduty/index.js';
import type { Signal } from '../../core/records.js';
import { errorResponses } from '../error-responses.js';
import type { RouteOptions } from '../route-options.js';
import { validationMessage } from '../validation-message.js';

export const PAGERDUTY_PATHS = ['/api/v1/integrations/pagerduty/v2/enqueue', '/v2/enqueue'] as const;

/** Who acknowledged, on the incident's timeline, when the event does not name its client. */
const DEFAULT_ACTOR = 'PagerDuty Events API';

export const pagerdutyRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { engine, metrics, now, pagerduty }) => {
  const allowedKeys = new Set(pagerduty.routingKeys);
  // This plugin's context only: senders parse PagerDuty's error shape, not opsloop's.
  app.setErrorHandler((error, _request, reply) => {
    const errors = invalidEventErrors(error);
    if (!errors) throw error;
    return reply.code(400).send(invalidEvent(errors));
  });

  // A resolve before its trigger is remembered, and the trigger dropped, by the loop's
  // early-resolve gate, the same for every source (src/app/early-resolve-gate.ts).
  const accept = (signal: Signal): void => {
    engine.signals.acceptSignals([signal]);
    metrics.signalsAccepted.inc({ source: PAGERDUTY_SOURCE }, 1);
  };

  /** Alerts have no acknowledged state; the incident the alert belongs to is what someone owns. */
  const acknowledge = async (fingerprint: string, by: string): Promise<void> => {
    await engine.settle(); // a trigger sent just before must have raised its alert
    const alert = engine.store.alerts.byFingerprint(fingerprint);
    if (alert?.status !== 'firing' || alert.incidentId === undefined) return;
    const incident = engine.store.incidents.get(alert.incidentId);
    if (incident?.status === 'triggered') engine.acknowledge(incident.id, by);
  };

  for (const url of PAGERDUTY_PATHS) {
    app.post(
      url,
      {
        config: { permission: 'ingest', integration: 'pagerduty' },
        schema: {
          summary: 'PagerDuty Events API v2 receiver (trigger, acknowledge, resolve)',
          description:
            'Takes the body of POST https://events.pagerduty.com/v2/enqueue. A trigger raises or repeats the alert of its (routing_key, dedup_key); acknowledge acknowledges the incident that alert belongs to; resolve resolves the alert. Acknowledge and resolve of an unknown dedup_key are accepted; a resolve that arrives before its trigger keeps that trigger from opening an alert.',
          tags: ['integrations'],
          body: PagerDutyEventSchema,
          response: { 202: PagerDutyAcceptedSchema, 400: PagerDutyInvalidSchema, ...errorResponses(413, 415, 503) },
        },
        preValidation: async (request, reply) => {
          const problem = v1EventProblem(request.body);
          if (problem) return reply.code(400).send(invalidEvent([problem]));
        },
        // PagerDuty answers a bad key with 400 too; senders treat it as "do not retry".
        preHandler: async (request, reply) => {
          if (allowedKeys.size > 0 && !allowedKeys.has(request.body.routing_key)) {
            return reply.code(400).send(invalidEvent(['body.routing_key: not an integration key of this opsloop (pagerduty.routingKeys)']));
          }
        },
      },
      async (request, reply) => {
        const event = request.body;
        const dedupKey = dedupKeyOf(event);
        const nowMs = now();
        const fingerprint = alertFingerprint(event.routing_key, dedupKey);
        if (event.event_action === 'trigger') {
          accept(triggerToSignal(event, { nowMs }));
        } else if (event.event_action === 'acknowledge') {
          await acknowledge(fingerprint, DEFAULT_ACTOR);
        } else {
          accept(resolveToSignal(event.routing_key, dedupKey, { nowMs }));
        }
        return reply.code(202).send({ status: 'success', message: 'Event processed', dedup_key: dedupKey });
      },
    );
  }
};

function invalidEvent(errors: string[]): PagerDutyInvalid {
  return { status: 'invalid event', message: `Event object is invalid: ${errors[0] ?? 'unreadable'}`, errors };
}

/** Schema failures and malformed JSON become PagerDuty's 400; anything else goes to opsloop's handler. */
function invalidEventErrors(error: unknown): string[] | undefined {
  if (hasZodFastifySchemaValidationErrors(error)) {
    return error.validation.map((issue) => validationMessage([issue], error.validationContext));
  }
  const fastifyError = error as Partial<FastifyError>;
  if (fastifyError.statusCode === 400 && typeof fastifyError.message === 'string') return [fastifyError.message];
  return undefined;
}
