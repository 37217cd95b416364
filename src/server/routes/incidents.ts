/**
 * Reading incidents: the list (by status and by time window, paged), one incident with its
 * alerts, timeline, problem and nearby changes, its alerts alone, and MTTA/MTTR over a window.
 * What people do to incidents is incident-actions.ts.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  IncidentActionResponseSchema,
  IncidentDetailResponseSchema,
  IncidentListResponseSchema,
  IncidentMergeBodySchema,
  IncidentSplitBodySchema,
} from '../../core/api.js';
import { OpsError } from '../../core/errors.js';
import { IncidentAlertsResponseSchema, IncidentStatsQuerySchema, IncidentStatsResponseSchema, IncidentWindowQuerySchema } from '../../core/incident-api.js';
import { IncidentStatusSchema, type Change, type Incident, type IncidentStatus } from '../../core/records.js';
import { ServiceGraph } from '../../core/service-graph.js';
import { CHANGE_WINDOW_MS } from '../../app/apply-rca.js';
import { incidentStats } from '../../engage/incidents/incident-metrics.js';
import type { IncidentCursor, Store } from '../../store/store.js';
import { errorResponses } from '../error-responses.js';
import type { RouteOptions } from '../route-options.js';

export const IncidentIdParamsSchema = z.object({ id: z.string().min(1).describe('Incident id') });
const TAGS = ['incidents'];

export const incidentRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { engine, teams }) => {
  app.get(
    '/api/v1/incidents',
    {
      config: { permission: 'read' },
      schema: {
        summary: 'List incidents, newest first, by status and time window',
        description:
          'With from and/or to: the incidents that overlap the window (started at or before `to`, and still open or resolved at or after `from`). Pages of `limit`; pass nextCursor as cursor for the next page.',
        tags: TAGS,
        querystring: IncidentWindowQuerySchema,
        response: { 200: IncidentListResponseSchema, ...errorResponses(400) },
      },
    },
    async (request) => {
      const { from, to, limit, cursor } = request.query;
      if (from !== undefined && to !== undefined && from > to) {
        throw new OpsError('OPS_ERR_VALIDATION', [`querystring.from (${from}) is after querystring.to (${to})`]);
      }
      const status = parseStatusList(request.query.status);
      const after = cursor === undefined ? undefined : decodeIncidentCursor(cursor);
      const overlapping = from === undefined && to === undefined ? undefined : { fromMs: from ?? Number.MIN_SAFE_INTEGER, toMs: to ?? Number.MAX_SAFE_INTEGER };
      // One more than asked tells whether another page exists. Another team's incidents are
      // skipped, reading on until the page is full or the list ends.
      const incidents: Incident[] = [];
      let next = after;
      for (;;) {
        const batch = engine.store.incidents.list({ limit: limit + 1, ...(status ? { status } : {}), ...(overlapping ? { overlapping } : {}), ...(next ? { after: next } : {}) });
        incidents.push(...batch.filter((incident) => teams.canSeeIncident(request.principal, incident)));
        const last = batch.at(-1);
        if (incidents.length > limit || batch.length <= limit || last === undefined) break;
        next = { startedMs: last.startedMs, id: last.id };
      }
      const page = incidents.slice(0, limit);
      const last = page.at(-1);
      return { incidents: page, ...(incidents.length > limit && last ? { nextCursor: encodeIncidentCursor(last) } : {}) };
    },
  );

  app.get(
    '/api/v1/incidents/stats',
    {
      config: { permission: 'read' },
      schema: {
        summary: 'MTTA and MTTR of the incidents that started in a window',
        description:
          'Count, and mean, median and 90th percentile of time to acknowledge (first acknowledgement − start) and time to resolve (last resolution − start), overall, per service and per severity. Unacknowledged incidents do not count towards MTTA, unresolved ones not towards MTTR.',
        tags: TAGS,
        querystring: IncidentStatsQuerySchema,
        response: { 200: IncidentStatsResponseSchema, ...errorResponses(400) },
      },
    },
    async (request) => {
      const { from, to } = request.query;
      if (from > to) throw new OpsError('OPS_ERR_VALIDATION', [`querystring.from (${from}) is after querystring.to (${to})`]);
      const incidents = engine.store.incidents.list({ overlapping: { fromMs: from, toMs: to } });
      const visible = incidents.filter((incident) => teams.canSeeIncident(request.principal, incident));
      return incidentStats(visible, { fromMs: from, toMs: to });
    },
  );

  app.get(
    '/api/v1/incidents/:id',
    {
      config: { permission: 'read' },
      schema: {
        summary: 'One incident with its alerts, timeline, problem and nearby changes',
        tags: TAGS,
        params: IncidentIdParamsSchema,
        response: { 200: IncidentDetailResponseSchema, ...errorResponses(400, 404) },
      },
    },
    async (request) => {
      const { store } = engine;
      const incident = incidentOr404(store, request.params.id);
      const alerts = incident.alertIds.flatMap((alertId) => store.alerts.get(alertId) ?? []);
      const problem = store.problems.ofIncident(incident.id);
      return {
        incident,
        alerts,
        timeline: store.incidents.timeline(incident.id),
        ...(problem ? { problem } : {}),
        changes: nearbyChanges(store, incident),
      };
    },
  );

  app.get(
    '/api/v1/incidents/:id/alerts',
    {
      config: { permission: 'read' },
      schema: {
        summary: 'The alerts grouped into an incident, with their labels and source',
        tags: TAGS,
        params: IncidentIdParamsSchema,
        response: { 200: IncidentAlertsResponseSchema, ...errorResponses(400, 404) },
      },
    },
    async (request) => {
      const incident = incidentOr404(engine.store, request.params.id);
      const alerts = engine.store.alerts.list({ incidentId: incident.id }).sort((a, b) => a.startsMs - b.startsMs || a.id.localeCompare(b.id));
      return { incidentId: incident.id, alerts };
    },
  );

  app.post(
    '/api/v1/incidents/:id/merge',
    {
      config: { permission: 'respond', audit: { action: 'incident.merge', subjectKind: 'incident', read: (id) => engine.store.incidents.get(id) } },
      schema: {
        summary: 'Merge this incident into another',
        description:
          'Moves every alert of this incident into `into` and closes this one. The decisions that opened it are stored as feedback (they should have joined `into`) and adjust the grouping weights (docs/correlation.md).',
        tags: TAGS,
        params: IncidentIdParamsSchema,
        body: IncidentMergeBodySchema,
        response: { 200: IncidentActionResponseSchema, ...errorResponses(400, 404, 409, 415) },
      },
    },
    async (request) => {
      const into = engine.store.incidents.get(request.body.into);
      if (into !== undefined && !teams.canSeeIncident(request.principal, into)) throw new OpsError('OPS_ERR_NOT_FOUND', [`Incident ${request.body.into}`]);
      return { incident: engine.merge(request.params.id, request.body.into, request.body.by) };
    },
  );

  app.post(
    '/api/v1/incidents/:id/split',
    {
      config: { permission: 'respond', audit: { action: 'incident.split', subjectKind: 'incident', read: (id) => engine.store.incidents.get(id) } },
      schema: {
        summary: 'Split alerts off this incident into a new one',
        description:
          'Moves the given alerts into a new incident, returned. The decisions that joined them are stored as feedback (they should not have joined) and adjust the grouping weights (docs/correlation.md).',
        tags: TAGS,
        params: IncidentIdParamsSchema,
        body: IncidentSplitBodySchema,
        response: { 200: IncidentActionResponseSchema, ...errorResponses(400, 404, 409, 415) },
      },
    },
    async (request) => ({ incident: engine.split(request.params.id, request.body.alertIds, request.body.by) }),
  );
};

export function incidentOr404(store: Store, id: string): Incident {
  const incident = store.incidents.get(id);
  if (!incident) throw new OpsError('OPS_ERR_NOT_FOUND', [`Incident ${id}`]);
  return incident;
}

/** Changes RCA weighs for the incident, on its services or one call away, as the timeline records them (incident-desk onChanges). */
export function nearbyChanges(store: Store, incident: Incident): Change[] {
  const graph = new ServiceGraph(store.topology.edges());
  const endMs = incident.resolvedMs ?? incident.updatedMs;
  return store.changes
    .list({ range: { fromMs: incident.startedMs - CHANGE_WINDOW_MS, toMs: endMs } })
    .filter((change) => incident.services.some((service) => graph.distance(service, change.service, 1) !== undefined))
    .sort((a, b) => a.timeMs - b.timeMs);
}

/** The position of an incident in the newest-first order, as one opaque token. */
function encodeIncidentCursor(incident: Incident): string {
  return Buffer.from(JSON.stringify([incident.startedMs, incident.id])).toString('base64url');
}

function decodeIncidentCursor(cursor: string): IncidentCursor {
  try {
    const [startedMs, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof startedMs === 'number' && typeof id === 'string') return { startedMs, id };
  } catch {
    // Reported below with the same message as a well-formed but wrong token.
  }
  throw new OpsError('OPS_ERR_VALIDATION', ['querystring.cursor is not a cursor returned by this API (pass nextCursor unchanged)']);
}

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
