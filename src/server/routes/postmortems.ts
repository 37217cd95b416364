/**
 * Postmortems: POST creates the draft from the template (src/engage/incidents/postmortem-template.ts)
 * filled from the incident, its timeline and its ranked causes; GET reads it; PUT saves edits.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { OpsError } from '../../core/errors.js';
import {
  PostmortemCreateBodySchema,
  PostmortemResponseSchema,
  PostmortemUpdateBodySchema,
  type Postmortem,
} from '../../core/incident-api.js';
import { renderPostmortem } from '../../engage/incidents/postmortem-template.js';
import { errorResponses } from '../error-responses.js';
import { emptyBodyAsObject } from '../optional-body.js';
import type { RouteOptions } from '../route-options.js';
import { IncidentIdParamsSchema, incidentOr404, nearbyChanges } from './incidents.js';

const TAGS = ['incidents'];

export const postmortemRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { engine, now }) => {
  const { store } = engine;
  const audited = (action: string) => ({ action: `postmortem.${action}`, subjectKind: 'postmortem', read: (incidentId: string) => store.postmortems.get(incidentId) });

  app.post(
    '/api/v1/incidents/:id/postmortem',
    {
      config: { permission: 'respond', audit: audited('create') },
      schema: {
        summary: "Create an incident's postmortem draft from the template",
        description: 'Summary, impact (with the status updates), the timeline, the root cause from the ranked causes, and action items, as markdown. 409 when one exists: edit it with PUT.',
        tags: TAGS,
        params: IncidentIdParamsSchema,
        body: PostmortemCreateBodySchema,
        response: { 201: PostmortemResponseSchema, ...errorResponses(400, 404, 409, 415) },
      },
      preValidation: emptyBodyAsObject,
    },
    async (request, reply) => {
      const atMs = now();
      const postmortem = store.transaction(() => {
        const incident = incidentOr404(store, request.params.id);
        if (store.postmortems.get(incident.id)) {
          throw new OpsError('OPS_ERR_CONFLICT', [`Incident ${incident.id} has a postmortem already; edit it with PUT`]);
        }
        const markdown = renderPostmortem({ incident, timeline: store.incidents.timeline(incident.id), changes: nearbyChanges(store, incident) });
        const created: Postmortem = { incidentId: incident.id, status: 'draft', markdown, createdMs: atMs, updatedMs: atMs, updatedBy: request.body.by };
        store.postmortems.save(created);
        store.incidents.appendTimeline({ incidentId: incident.id, timeMs: atMs, kind: 'postmortem', message: 'postmortem draft created', by: request.body.by });
        return created;
      });
      return reply.status(201).send({ postmortem });
    },
  );

  app.get(
    '/api/v1/incidents/:id/postmortem',
    {
      config: { permission: 'read' },
      schema: { summary: "An incident's postmortem", tags: TAGS, params: IncidentIdParamsSchema, response: { 200: PostmortemResponseSchema, ...errorResponses(400, 404) } },
    },
    async (request) => {
      incidentOr404(store, request.params.id);
      const postmortem = store.postmortems.get(request.params.id);
      if (!postmortem) throw new OpsError('OPS_ERR_NOT_FOUND', [`Postmortem of incident ${request.params.id}`]);
      return { postmortem };
    },
  );

  app.put(
    '/api/v1/incidents/:id/postmortem',
    {
      config: { permission: 'respond', audit: audited('edit') },
      schema: {
        summary: "Save an incident's postmortem (markdown, and draft or published)",
        tags: TAGS,
        params: IncidentIdParamsSchema,
        body: PostmortemUpdateBodySchema,
        response: { 200: PostmortemResponseSchema, ...errorResponses(400, 404, 413, 415) },
      },
    },
    async (request) => {
      const atMs = now();
      const postmortem = store.transaction(() => {
        const incident = incidentOr404(store, request.params.id);
        const existing = store.postmortems.get(incident.id);
        if (!existing) throw new OpsError('OPS_ERR_NOT_FOUND', [`Postmortem of incident ${incident.id} (create it with POST first)`]);
        const { markdown, status, by } = request.body;
        const saved: Postmortem = { ...existing, markdown, status: status ?? existing.status, updatedMs: Math.max(atMs, existing.updatedMs), updatedBy: by };
        store.postmortems.save(saved);
        if (saved.status !== existing.status) {
          store.incidents.appendTimeline({ incidentId: incident.id, timeMs: atMs, kind: 'postmortem', message: `postmortem ${saved.status}`, by });
        }
        return saved;
      });
      return { postmortem };
    },
  );
};
