import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { HealthResponseSchema } from '../../core/api.js';
import type { RouteOptions } from '../route-options.js';

const TAGS = ['system'];

export const healthRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { engine }) => {
  app.get(
    '/healthz',
    {
      config: { permission: 'public' },
      schema: { summary: 'Liveness: the process is up', tags: TAGS, response: { 200: HealthResponseSchema } },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/readyz',
    {
      config: { permission: 'public' },
      schema: {
        summary: 'Readiness: the store is reachable and migrated',
        tags: TAGS,
        response: { 200: HealthResponseSchema, 503: HealthResponseSchema },
      },
    },
    async (_request, reply) => {
      const ready = safeReady(() => engine.store.ready());
      return reply.status(ready ? 200 : 503).send({ status: ready ? 'ok' : 'unavailable' });
    },
  );
};

/** A store that throws while checking is as unready as one that says no. */
function safeReady(check: () => boolean): boolean {
  try {
    return check();
  } catch {
    return false;
  }
}
