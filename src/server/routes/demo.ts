import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { FaultListResponseSchema } from '../../core/api.js';
import { OpsError } from '../../core/errors.js';
import { errorResponses } from '../error-responses.js';
import type { RouteOptions } from '../route-options.js';

export const demoRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { engine }) => {
  app.get(
    '/api/v1/demo/faults',
    {
      config: { permission: 'read' },
      schema: {
        summary: 'Faults the demo injected (ground truth), when `opsloop demo` runs',
        tags: ['demo'],
        response: { 200: FaultListResponseSchema, ...errorResponses(404) },
      },
    },
    async () => {
      const faults = engine.demoFaults();
      if (!faults) throw new OpsError('OPS_ERR_NOT_FOUND', ['A running demo (start opsloop with `opsloop demo`)']);
      return { faults };
    },
  );
};
