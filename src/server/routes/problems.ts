/**
 * Problems: recurring incidents linked into one record with its known error (the diagnosed
 * root cause) and workaround. Linking goes through the engine so it lands on the incident's
 * timeline.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { OpsError } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import {
  ProblemCreateBodySchema,
  ProblemLinkBodySchema,
  ProblemListResponseSchema,
  ProblemResponseSchema,
  ProblemStatusSchema,
  ProblemUpdateBodySchema,
  type Problem,
} from '../../core/incident-api.js';
import type { Store } from '../../store/store.js';
import { errorResponses } from '../error-responses.js';
import type { RouteOptions } from '../route-options.js';

const TAGS = ['problems'];
const ProblemParamsSchema = z.object({ id: z.string().min(1).describe('Problem id') });
const LinkParamsSchema = ProblemParamsSchema.extend({ incidentId: z.string().min(1) });
const ListQuerySchema = z.object({
  status: ProblemStatusSchema.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});
const ByQuerySchema = z.object({ by: z.string().trim().min(1).max(200).default('api') });

export const problemRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { engine, now }) => {
  const { store } = engine;
  const audited = (action: string) => ({ action: `problem.${action}`, subjectKind: 'problem', read: (id: string) => store.problems.get(id) });

  app.post(
    '/api/v1/problems',
    {
      config: { permission: 'respond', audit: audited('create') },
      schema: {
        summary: 'Create a problem, optionally linking incidents at once',
        tags: TAGS,
        body: ProblemCreateBodySchema,
        response: { 201: ProblemResponseSchema, ...errorResponses(400, 404, 415) },
      },
    },
    async (request, reply) => {
      const { incidentIds, by, ...fields } = request.body;
      const atMs = now();
      const id = store.transaction(() => {
        const missing = incidentIds.find((incidentId) => !store.incidents.get(incidentId));
        if (missing) throw new OpsError('OPS_ERR_NOT_FOUND', [`Incident ${missing}`]);
        const problem: Problem = { id: newId('prb'), ...fields, createdMs: atMs, updatedMs: atMs, incidentIds: [] };
        store.problems.save(problem);
        for (const incidentId of incidentIds) engine.linkProblem(problem.id, incidentId, by);
        return problem.id;
      });
      return reply.status(201).send({ problem: problemOr404(store, id) });
    },
  );

  app.get(
    '/api/v1/problems',
    {
      config: { permission: 'read' },
      schema: { summary: 'Problems, newest first', tags: TAGS, querystring: ListQuerySchema, response: { 200: ProblemListResponseSchema, ...errorResponses(400) } },
    },
    async (request) => {
      const { status, limit } = request.query;
      return { problems: store.problems.list({ limit, ...(status ? { status: [status] } : {}) }) };
    },
  );

  app.get(
    '/api/v1/problems/:id',
    { config: { permission: 'read' }, schema: { summary: 'One problem with its linked incidents', tags: TAGS, params: ProblemParamsSchema, response: { 200: ProblemResponseSchema, ...errorResponses(400, 404) } } },
    async (request) => ({ problem: problemOr404(store, request.params.id) }),
  );

  app.patch(
    '/api/v1/problems/:id',
    {
      config: { permission: 'respond', audit: audited('edit') },
      schema: {
        summary: "Change a problem's title, status, description, known error or workaround",
        tags: TAGS,
        params: ProblemParamsSchema,
        body: ProblemUpdateBodySchema,
        response: { 200: ProblemResponseSchema, ...errorResponses(400, 404, 415) },
      },
    },
    async (request) => {
      const atMs = now();
      const problem = store.transaction(() => {
        const existing = problemOr404(store, request.params.id);
        const updated: Problem = { ...existing, ...request.body, updatedMs: Math.max(existing.updatedMs, atMs) };
        store.problems.save(updated);
        return updated;
      });
      return { problem };
    },
  );

  app.post(
    '/api/v1/problems/:id/incidents',
    {
      config: { permission: 'respond', audit: audited('link') },
      schema: {
        summary: 'Link an incident to the problem (moving it from any other problem)',
        tags: TAGS,
        params: ProblemParamsSchema,
        body: ProblemLinkBodySchema,
        response: { 200: ProblemResponseSchema, ...errorResponses(400, 404, 415) },
      },
    },
    async (request) => {
      engine.linkProblem(request.params.id, request.body.incidentId, request.body.by);
      return { problem: problemOr404(store, request.params.id) };
    },
  );

  app.delete(
    '/api/v1/problems/:id/incidents/:incidentId',
    {
      config: { permission: 'respond', audit: audited('unlink') },
      schema: {
        summary: 'Unlink an incident from the problem',
        tags: TAGS,
        params: LinkParamsSchema,
        querystring: ByQuerySchema,
        response: { 200: ProblemResponseSchema, ...errorResponses(400, 404) },
      },
    },
    async (request) => {
      engine.unlinkProblem(request.params.id, request.params.incidentId, request.query.by);
      return { problem: problemOr404(store, request.params.id) };
    },
  );
};

function problemOr404(store: Store, id: string): Problem {
  const problem = store.problems.get(id);
  if (!problem) throw new OpsError('OPS_ERR_NOT_FOUND', [`Problem ${id}`]);
  return problem;
}
