import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  IncidentActionBodySchema,
  IncidentActionResponseSchema,
  IncidentDetailResponseSchema,
  IncidentListQuerySchema,
  IncidentListResponseSchema,
  IncidentMergeBodySchema,
  IncidentSplitBodySchema,
} from '../../core/api.js';
import { OpsError } from '../../core/errors.js';
import { IncidentStatusSchema, type IncidentStatus } from '../../core/records.js';
import { errorResponses } from '../error-responses.js';
import type { RouteOptions } from '../route-options.js';

const IdParamsSchema = z.object({ id: z.string().min(1).describe('Incident id') });
const TAGS = ['incidents'];

export const incidentRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { engine }) => {
  app.get(
    '/api/v1/incidents',
    {
      schema: {
        summary: 'List incidents, newest first',
        tags: TAGS,
        querystring: IncidentListQuerySchema,
        response: { 200: IncidentListResponseSchema, ...errorResponses(400) },
      },
    },
    async (request) => {
      const status = parseStatusList(request.query.status);
      return { incidents: engine.store.incidents.list({ limit: request.query.limit, ...(status ? { status } : {}) }) };
    },
  );

  app.get(
    '/api/v1/incidents/:id',
    {
      schema: {
        summary: 'One incident with its alerts and timeline',
        tags: TAGS,
        params: IdParamsSchema,
        response: { 200: IncidentDetailResponseSchema, ...errorResponses(400, 404) },
      },
    },
    async (request) => {
      const incident = engine.store.incidents.get(request.params.id);
      if (!incident) throw new OpsError('OPS_ERR_NOT_FOUND', [`Incident ${request.params.id}`]);
      const alerts = incident.alertIds.flatMap((alertId) => engine.store.alerts.get(alertId) ?? []);
      return { incident, alerts, timeline: engine.store.incidents.timeline(incident.id) };
    },
  );

  const actions = {
    acknowledge: { summary: 'Acknowledge an incident', act: engine.acknowledge.bind(engine) },
    resolve: { summary: 'Resolve an incident', act: engine.resolve.bind(engine) },
  } as const;
  for (const [action, { summary, act }] of Object.entries(actions)) {
    app.post(
      `/api/v1/incidents/:id/${action}`,
      {
        schema: {
          summary,
          tags: TAGS,
          params: IdParamsSchema,
          body: IncidentActionBodySchema,
          response: { 200: IncidentActionResponseSchema, ...errorResponses(400, 404, 409, 415) },
        },
        // A button in the UI or a bare `curl -X POST` sends no body; that means "by: api".
        preValidation: async (request) => {
          // Before validation the body is still raw JSON, not the schema's output type.
          const raw: { body: unknown } = request;
          raw.body ??= {};
        },
      },
      async (request) => ({ incident: act(request.params.id, request.body.by) }),
    );
  }

  app.post(
    '/api/v1/incidents/:id/merge',
    {
      schema: {
        summary: 'Merge this incident into another',
        description:
          'Moves every alert of this incident into `into` and closes this one. The decisions that opened it are stored as feedback (they should have joined `into`) and adjust the grouping weights (docs/correlation.md).',
        tags: TAGS,
        params: IdParamsSchema,
        body: IncidentMergeBodySchema,
        response: { 200: IncidentActionResponseSchema, ...errorResponses(400, 404, 409, 415) },
      },
    },
    async (request) => ({ incident: engine.merge(request.params.id, request.body.into, request.body.by) }),
  );

  app.post(
    '/api/v1/incidents/:id/split',
    {
      schema: {
        summary: 'Split alerts off this incident into a new one',
        description:
          'Moves the given alerts into a new incident, returned. The decisions that joined them are stored as feedback (they should not have joined) and adjust the grouping weights (docs/correlation.md).',
        tags: TAGS,
        params: IdParamsSchema,
        body: IncidentSplitBodySchema,
        response: { 200: IncidentActionResponseSchema, ...errorResponses(400, 404, 409, 415) },
      },
    },
    async (request) => ({ incident: engine.split(request.params.id, request.body.alertIds, request.body.by) }),
  );
};

/** `triggered,acknowledged` -> statuses; an unknown one is a 400 naming it. */
function parseStatusList(raw: string | undefined): IncidentStatus[] | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  return raw.split(',').map((part) => {
    const parsed = IncidentStatusSchema.safeParse(part.trim());
    if (!parsed.success) {
      throw new OpsError('OPS_ERR_VALIDATION', [
        `querystring.status: unknown status "${part.trim()}"; expected one of ${IncidentStatusSchema.options.join(', ')}`,
      ]);
    }
    return parsed.data;
  });
}
