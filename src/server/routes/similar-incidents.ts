/**
 * GET /api/v1/incidents/{id}/similar: past incidents ranked by BM25 against this one
 * (src/engage/incidents/similar-incidents.ts), with how each was resolved.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { SimilarIncidentsQuerySchema, SimilarIncidentsResponseSchema, type SimilarIncident } from '../../core/incident-api.js';
import type { Incident } from '../../core/records.js';
import { rankSimilar, type IncidentDocument } from '../../engage/incidents/similar-incidents.js';
import type { Store } from '../../store/store.js';
import { errorResponses } from '../error-responses.js';
import type { RouteOptions } from '../route-options.js';
import { IncidentIdParamsSchema, incidentOr404 } from './incidents.js';

/** The most recent incidents searched: enough history for recurrences, a bounded cost per request. */
const CORPUS_SIZE = 2_000;

export const similarIncidentRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { engine }) => {
  app.get(
    '/api/v1/incidents/:id/similar',
    {
      config: { permission: 'read' },
      schema: {
        summary: 'Similar past incidents and how they were resolved',
        description: `Okapi BM25 over titles, alert names and summaries, log templates, services and labels of the ${CORPUS_SIZE} most recent incidents; each with its status, resolution note, problem and whether it has a postmortem.`,
        tags: ['incidents'],
        params: IncidentIdParamsSchema,
        querystring: SimilarIncidentsQuerySchema,
        response: { 200: SimilarIncidentsResponseSchema, ...errorResponses(400, 404) },
      },
    },
    async (request) => {
      const { store } = engine;
      const incident = incidentOr404(store, request.params.id);
      const corpus = store.incidents.list({ limit: CORPUS_SIZE }).map((past) => documentOf(store, past));
      const hits = rankSimilar(documentOf(store, incident), corpus, request.query.limit);
      const byId = new Map(corpus.map((document) => [document.incident.id, document.incident]));
      const withPostmortem = store.postmortems.existing(hits.map((hit) => hit.id));
      const similar = hits.map((hit): SimilarIncident => {
        const past = byId.get(hit.id) as Incident;
        const problem = store.problems.ofIncident(past.id);
        return {
          incident: {
            id: past.id,
            title: past.title,
            status: past.status,
            severity: past.severity,
            services: past.services,
            startedMs: past.startedMs,
            ...(past.resolvedMs === undefined ? {} : { resolvedMs: past.resolvedMs }),
            ...(past.resolution === undefined ? {} : { resolution: past.resolution }),
          },
          score: hit.score,
          terms: hit.terms.slice(0, 5).map((t) => t.term),
          postmortem: withPostmortem.has(past.id),
          ...(problem ? { problemId: problem.id } : {}),
        };
      });
      return { similar };
    },
  );
};

function documentOf(store: Store, incident: Incident): IncidentDocument {
  return { incident, alerts: store.alerts.list({ incidentId: incident.id }) };
}
