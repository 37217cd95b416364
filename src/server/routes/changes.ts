import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ChangeCreatedResponseSchema,
  ChangeInputSchema,
  ChangeListQuerySchema,
  ChangeListResponseSchema,
  type ChangeInput,
} from '../../core/api.js';
import { OpsError } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import type { Change } from '../../core/records.js';
import { errorResponses } from '../error-responses.js';
import type { RouteOptions } from '../route-options.js';

const TAGS = ['changes'];
const DAY_MS = 24 * 60 * 60 * 1000;

export const changeRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { engine, metrics, now }) => {
  app.get(
    '/api/v1/changes',
    {
      config: { permission: 'read' },
      schema: {
        summary: 'Changes (deploys, config changes, flags) in a time window',
        tags: TAGS,
        querystring: ChangeListQuerySchema,
        response: { 200: ChangeListResponseSchema, ...errorResponses(400) },
      },
    },
    async (request) => {
      const toMs = request.query.to ?? now();
      const fromMs = request.query.from ?? toMs - DAY_MS;
      if (fromMs > toMs) throw new OpsError('OPS_ERR_VALIDATION', [`querystring.from (${fromMs}) is after querystring.to (${toMs})`]);
      const { service } = request.query;
      return { changes: engine.store.changes.list({ range: { fromMs, toMs }, ...(service ? { service } : {}) }) };
    },
  );

  app.post(
    '/api/v1/changes',
    {
      config: { permission: 'ingest', integration: 'changes' },
      schema: {
        summary: 'Record a change, e.g. from a CI/CD pipeline',
        tags: TAGS,
        body: ChangeInputSchema,
        response: { 201: ChangeCreatedResponseSchema, ...errorResponses(400, 413, 415, 503) },
      },
    },
    async (request, reply) => {
      const change = toChange(request.body, now());
      engine.signals.acceptChanges([change]);
      metrics.changesAccepted.inc({ source: change.source });
      return reply.status(201).send({ change });
    },
  );
};

export function toChange(input: ChangeInput, nowMs: number): Change {
  const change: Change = {
    id: newId('chg'),
    service: input.service,
    kind: input.kind,
    timeMs: input.time === undefined ? nowMs : typeof input.time === 'number' ? input.time : Date.parse(input.time),
    description: input.description,
    source: input.source,
  };
  if (input.version !== undefined) change.version = input.version;
  return change;
}
