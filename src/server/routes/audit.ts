import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AuditListResponseSchema, AuditQuerySchema } from '../../core/silence-api.js';
import { errorResponses } from '../error-responses.js';
import type { RouteOptions } from '../route-options.js';

export const auditRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { engine }) => {
  app.get(
    '/api/v1/audit',
    {
      config: { permission: 'read' },
      schema: {
        summary: 'The audit trail (who did what, when), newest first',
        description: 'Filter by the kind of record (e.g. "silence") and its id.',
        tags: ['audit'],
        querystring: AuditQuerySchema,
        response: { 200: AuditListResponseSchema, ...errorResponses(400) },
      },
    },
    async (request) => {
      const { subjectKind, subjectId, limit } = request.query;
      return { entries: engine.store.audit.list({ limit, ...(subjectKind ? { subjectKind } : {}), ...(subjectId ? { subjectId } : {}) }) };
    },
  );
};
