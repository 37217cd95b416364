/**
 * The built-in demo, when `opsloop demo` runs it in this process: its ground truth, and the
 * remediation endpoints of its simulated services that runbooks call (docs/runbooks.md "Demo").
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { FaultListResponseSchema, RemediationParamsSchema, RemediationQuerySchema, RemediationResponseSchema } from '../../core/api.js';
import { OpsError } from '../../core/errors.js';
import type { DemoControl } from '../../demo/index.js';
import { UnknownRemediationTarget } from '../../demo/index.js';
import { errorResponses } from '../error-responses.js';
import type { RouteOptions } from '../route-options.js';

export const demoRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { engine }) => {
  const runningDemo = (): DemoControl => {
    const demo = engine.demo();
    if (!demo) throw new OpsError('OPS_ERR_NOT_FOUND', ['A running demo (start opsloop with `opsloop demo`)']);
    return demo;
  };

  app.get(
    '/api/v1/demo/faults',
    {
      config: { permission: 'read' },
      schema: {
        summary: 'Faults the demo injected (ground truth), when `opsloop demo` runs',
        description: 'A fault a remediation ended early has `remediatedAt` and `remediation`; `end` stays when it would have ended by itself.',
        tags: ['demo'],
        response: { 200: FaultListResponseSchema, ...errorResponses(404) },
      },
    },
    async () => ({ faults: runningDemo().faults() }),
  );

  app.post(
    '/api/v1/demo/services/:service/:action',
    {
      config: { permission: 'respond' },
      schema: {
        summary: "Remediate one of the demo shop's services: restart, rollback, scale or clear-cache",
        description:
          'Acts on the simulation from its next step. restart (the whole service, or `?pod=`) ends a crash, a memory leak and a pod network delay, and holds an error burst off for 60 s; rollback (to the previous release, posting a deploy change) ends a bad deploy and wrong responses; scale ends CPU saturation and latency; clear-cache ends an error burst. An action that does not fit the active fault changes nothing about it (`effect: none`).',
        tags: ['demo'],
        params: RemediationParamsSchema,
        querystring: RemediationQuerySchema,
        response: { 200: RemediationResponseSchema, ...errorResponses(400, 404) },
      },
    },
    async (request) => {
      const demo = runningDemo();
      const { service, action } = request.params;
      try {
        return { remediation: demo.remediate({ service, action, ...(request.query.pod === undefined ? {} : { pod: request.query.pod }) }) };
      } catch (error) {
        if (error instanceof UnknownRemediationTarget) throw new OpsError('OPS_ERR_VALIDATION', [error.message]);
        throw error;
      }
    },
  );
};
