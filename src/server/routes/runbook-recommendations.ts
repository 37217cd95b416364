/**
 * Runbooks recommended for an incident (docs/runbooks.md "Learning"): those whose triggers
 * match it, best first by success on similar past incidents, with evidence and whether policy
 * lets each run with no human.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recommendationsFor } from '../../app/runbooks/runbook-recommendations.js';
import { RunbookRecommendationsResponseSchema } from '../../core/runbook-recommendation-api.js';
import { errorResponses } from '../error-responses.js';
import type { RouteOptions } from '../route-options.js';

const ParamsSchema = z.object({ id: z.string().min(1).max(200).describe('An incident id') });

export const runbookRecommendationRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { engine }) => {
  app.get(
    '/api/v1/incidents/:id/runbook-recommendations',
    {
      config: { permission: 'read' },
      schema: {
        summary: 'Runbooks for an incident, ranked by their success on similar past incidents',
        description:
          'Only runbooks whose incident or alert trigger matches the incident. Confidence is the similarity-weighted success rate of past executions under a Beta(1,1) prior (0.5 with no history); `evidence` says it in words; `autoRun` whether policy (autoRun.enabled, minConfidence, approval, kill switch) lets it run with no human.',
        tags: ['runbooks'],
        params: ParamsSchema,
        response: { 200: RunbookRecommendationsResponseSchema, ...errorResponses(404) },
      },
    },
    async (request) => {
      const { catalog, executions } = engine.runbooks;
      const runbooks = catalog.list().filter((entry) => entry.enabled).map((entry) => entry.compiled);
      return { recommendations: recommendationsFor({ store: engine.store, runbooks, killSwitch: executions.killSwitch().engaged }, request.params.id) };
    },
  );
};
