/**
 * POST /api/v1/rca: likely root causes of any time window, from what is stored (historical
 * data included). The route checks the window; the engine (src/app/window-rca.ts) gathers the
 * evidence and ranks it with the incidents' ranker.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { OpsError } from '../../core/errors.js';
import { MAX_RCA_WINDOW_MS, RcaRequestSchema, RcaResponseSchema, windowTimeMs } from '../../core/rca-api.js';
import { errorResponses } from '../error-responses.js';
import type { RouteOptions } from '../route-options.js';

export const rcaRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { engine }) => {
  app.post(
    '/api/v1/rca',
    {
      config: { permission: 'read', audit: false },
      schema: {
        summary: 'Likely root causes of a time window',
        description:
          'Ranks services (and instances) by how likely they caused what went wrong in [from, to]: metric series replayed through the detector, alerts active in the window, spans (errors and time arising in a service itself) and error logs against the stretch before it, and recent deploys, over the service graph. Works on any stored window, with or without an incident.',
        tags: ['incidents'],
        body: RcaRequestSchema,
        response: { 200: RcaResponseSchema, ...errorResponses(400, 413, 415) },
      },
    },
    async (request) => {
      const fromMs = windowTimeMs(request.body.from);
      const toMs = windowTimeMs(request.body.to);
      if (fromMs >= toMs) throw new OpsError('OPS_ERR_VALIDATION', [`body.from (${request.body.from}) must be before body.to (${request.body.to})`]);
      if (toMs - fromMs > MAX_RCA_WINDOW_MS) {
        throw new OpsError('OPS_ERR_VALIDATION', [`the window from body.from to body.to is ${hours(toMs - fromMs)} long; at most 24 h`]);
      }
      const started = performance.now();
      const { causes, symptoms } = engine.rankWindow({ fromMs, toMs });
      return { causes, fromMs, toMs, symptoms, tookMs: Math.round(performance.now() - started) };
    },
  );
};

function hours(ms: number): string {
  return `${(ms / 3_600_000).toFixed(1)} h`;
}
