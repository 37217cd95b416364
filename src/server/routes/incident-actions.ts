/**
 * What people do to incidents: the lifecycle steps (acknowledge, resolve, close), field edits,
 * notes and status updates. Each goes through the engine, which checks it against the lifecycle
 * rules (src/engage/incidents/lifecycle.ts): an illegal step is a 409 saying why.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IncidentActionResponseSchema } from '../../core/api.js';
import {
  IncidentActionBodySchema,
  IncidentEditBodySchema,
  IncidentResolveBodySchema,
  TimelineEntryResponseSchema,
  TimelineTextBodySchema,
} from '../../core/incident-api.js';
import { errorResponses } from '../error-responses.js';
import { emptyBodyAsObject } from '../optional-body.js';
import type { RouteOptions } from '../route-options.js';
import { IncidentIdParamsSchema } from './incidents.js';

const TAGS = ['incidents'];
const ACTION_ERRORS = errorResponses(400, 404, 409, 415);

export const incidentActionRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { engine }) => {
  const audited = (action: string) => ({ action: `incident.${action}`, subjectKind: 'incident', read: (id: string) => engine.store.incidents.get(id) });
  const simple = {
    acknowledge: { summary: 'Acknowledge a triggered incident', act: engine.acknowledge.bind(engine) },
    close: { summary: 'Close a resolved incident (final: it never reopens)', act: engine.closeIncident.bind(engine) },
  } as const;
  for (const [action, { summary, act }] of Object.entries(simple)) {
    app.post(
      `/api/v1/incidents/:id/${action}`,
      {
        config: { permission: 'respond', audit: audited(action) },
        schema: { summary, tags: TAGS, params: IncidentIdParamsSchema, body: IncidentActionBodySchema, response: { 200: IncidentActionResponseSchema, ...ACTION_ERRORS } },
        preValidation: emptyBodyAsObject,
      },
      async (request) => ({ incident: act(request.params.id, request.body.by) }),
    );
  }

  app.post(
    '/api/v1/incidents/:id/resolve',
    {
      config: { permission: 'respond', audit: audited('resolve') },
      schema: {
        summary: 'Resolve an incident, optionally saying how',
        tags: TAGS,
        params: IncidentIdParamsSchema,
        body: IncidentResolveBodySchema,
        response: { 200: IncidentActionResponseSchema, ...ACTION_ERRORS },
      },
      preValidation: emptyBodyAsObject,
    },
    async (request) => ({ incident: engine.resolve(request.params.id, request.body.by, request.body.resolution) }),
  );

  app.patch(
    '/api/v1/incidents/:id',
    {
      config: { permission: 'respond', audit: audited('edit') },
      schema: {
        summary: 'Set severity, priority, assignee, team or title',
        description: 'Each changed field is written on the timeline. null clears assignee or team. A closed incident is read-only (409).',
        tags: TAGS,
        params: IncidentIdParamsSchema,
        body: IncidentEditBodySchema,
        response: { 200: IncidentActionResponseSchema, ...ACTION_ERRORS },
      },
    },
    async (request) => {
      const { by, ...edit } = request.body;
      return { incident: engine.editIncident(request.params.id, edit, by) };
    },
  );

  const writings = {
    notes: { kind: 'note', summary: 'Add a note for responders to the timeline' },
    'status-updates': { kind: 'status_update', summary: 'Post a status update (the public-facing text) to the timeline' },
  } as const;
  for (const [path, { kind, summary }] of Object.entries(writings)) {
    app.post(
      `/api/v1/incidents/:id/${path}`,
      {
        // The timeline entry is the whole change: the request body is the "after".
        config: { permission: 'respond', audit: { action: `incident.${kind}`, subjectKind: 'incident' } },
        schema: { summary, tags: TAGS, params: IncidentIdParamsSchema, body: TimelineTextBodySchema, response: { 201: TimelineEntryResponseSchema, ...ACTION_ERRORS } },
      },
      async (request, reply) => reply.status(201).send({ entry: engine.writeOnTimeline(request.params.id, kind, request.body.text, request.body.by) }),
    );
  }
};
