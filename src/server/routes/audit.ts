import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AuditListResponseSchema, AuditQuerySchema } from '../../core/silence-api.js';
import { errorResponses } from '../error-responses.js';
import type { RouteOptions } from '../route-options.js';

/** Read-only on purpose: the trail has no route that changes or removes an entry. */
export const auditRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { engine }) => {
  app.get(
    '/api/v1/audit',
    {
      config: { permission: 'read' },
      schema: {
        summary: 'The audit trail (who did what, when, from where, before and after), newest first',
        description: 'Filter by actor, action (or its dotted prefix), time range and the record (kind and id); page with `cursor` = the previous page\'s `nextCursor`.',
        tags: ['audit'],
        querystring: AuditQuerySchema,
        response: { 200: AuditListResponseSchema, ...errorResponses(400) },
      },
    },
    async (request) => {
      const { subjectKind, subjectId, actor, action, from, to, cursor, limit } = request.query;
      const entries = engine.store.audit.list({
        limit,
        ...(subjectKind ? { subjectKind } : {}),
        ...(subjectId ? { subjectId } : {}),
        ...(actor ? { actor } : {}),
        ...(action ? { action } : {}),
        ...(from === undefined ? {} : { fromMs: from }),
        ...(to === undefined ? {} : { toMs: to }),
        ...(cursor === undefined ? {} : { beforeId: cursor }),
      });
      const last = entries.at(-1);
      return { entries, ...(entries.length === limit && last ? { nextCursor: last.id } : {}) };
    },
  );
};
