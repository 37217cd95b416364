/**
 * Silences and maintenance windows (docs/alerts.md "Silences"): create, list, preview and
 * expire, each create and expire written to the audit trail (GET /api/v1/audit).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  SilenceExpireQuerySchema,
  SilenceIdParamsSchema,
  SilenceInputSchema,
  SilenceListQuerySchema,
  SilenceListResponseSchema,
  SilencePreviewInputSchema,
  SilencePreviewResponseSchema,
  SilenceResponseSchema,
} from '../../core/silence-api.js';
import { errorResponses } from '../error-responses.js';
import type { RouteOptions } from '../route-options.js';

const TAGS = ['silences'];
/** Silences listed before filtering by state: plenty for any realistic number of them. */
const LIST_SCAN = 5000;

export const silenceRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { engine }) => {
  const silence = (id: string) => engine.store.silences.get(id);
  app.get(
    '/api/v1/silences',
    {
      config: { permission: 'read' },
      schema: {
        summary: 'List silences and maintenance windows, the newest created first',
        tags: TAGS,
        querystring: SilenceListQuerySchema,
        response: { 200: SilenceListResponseSchema, ...errorResponses(400) },
      },
    },
    async (request) => {
      const { state, limit } = request.query;
      const silences = engine.silences.list(state ? LIST_SCAN : limit);
      return { silences: (state ? silences.filter((s) => s.state === state) : silences).slice(0, limit) };
    },
  );

  app.post(
    '/api/v1/silences',
    {
      config: { permission: 'respond', audit: { action: 'silence.create', subjectKind: 'silence', read: silence } },
      schema: {
        summary: 'Create a silence or a maintenance window',
        description:
          'Mutes the alerts its matchers all match while it is active: they are stored (with `silencedBy`) but join no incident and notify nobody; when it ends while they still fire, they join incidents then. Needs a reason and who creates it; audited.',
        tags: TAGS,
        body: SilenceInputSchema,
        response: { 201: SilenceResponseSchema, ...errorResponses(400, 413, 415) },
      },
    },
    async (request, reply) => reply.code(201).send({ silence: engine.silences.create(request.body) }),
  );

  app.post(
    '/api/v1/silences/preview',
    {
      config: { permission: 'read', audit: false },
      schema: {
        summary: 'What a silence would mute: the alerts firing now and which of the latest signals it matches',
        tags: TAGS,
        body: SilencePreviewInputSchema,
        response: { 200: SilencePreviewResponseSchema, ...errorResponses(400, 413, 415) },
      },
    },
    async (request) => engine.silences.preview({ matchers: request.body.matchers, signals: request.body.signals }),
  );

  app.get(
    '/api/v1/silences/:id',
    {
      config: { permission: 'read' },
      schema: {
        summary: 'One silence',
        tags: TAGS,
        params: SilenceIdParamsSchema,
        response: { 200: SilenceResponseSchema, ...errorResponses(400, 404) },
      },
    },
    async (request) => ({ silence: engine.silences.get(request.params.id) }),
  );

  app.delete(
    '/api/v1/silences/:id',
    {
      config: { permission: 'respond', audit: { action: 'silence.expire', subjectKind: 'silence', read: silence } },
      schema: {
        summary: 'Expire a silence now (audited); expiring an expired one changes nothing',
        tags: TAGS,
        params: SilenceIdParamsSchema,
        querystring: SilenceExpireQuerySchema,
        response: { 200: SilenceResponseSchema, ...errorResponses(400, 404) },
      },
    },
    async (request) => ({ silence: engine.silences.expire(request.params.id, request.query.by) }),
  );
};
