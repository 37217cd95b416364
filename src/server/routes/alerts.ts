import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AlertListQuerySchema, AlertListResponseSchema } from '../../core/api.js';
import type { Alert } from '../../core/records.js';
import { errorResponses } from '../error-responses.js';
import type { RouteOptions } from '../route-options.js';
import { visiblePage } from '../visible-page.js';

/** How far a list reads past other teams' alerts to fill a page: a bound on one request's cost. */
const MAX_ALERTS_READ = 20_000;

export const alertRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { engine, teams }) => {
  app.get(
    '/api/v1/alerts',
    {
      config: { permission: 'read' },
      schema: {
        summary: 'List alerts (deduplicated signals), newest first',
        description:
          "Filter by status, by whether a silence mutes them and by whether they flap (docs/alerts.md). Alerts of services another team owns are left out (docs/access.md); alerts with no service are everyone's.",
        tags: ['alerts'],
        querystring: AlertListQuerySchema,
        response: { 200: AlertListResponseSchema, ...errorResponses(400) },
      },
    },
    async (request) => {
      const { status, silenced, flapping, limit } = request.query;
      const filter = { ...(status ? { status } : {}), ...(silenced === undefined ? {} : { silenced }), ...(flapping === undefined ? {} : { flapping }) };
      const visible = (alert: Alert) => alert.service === undefined || teams.canSeeService(request.principal, alert.service);
      return { alerts: visiblePage((read) => engine.store.alerts.list({ ...filter, limit: read }), visible, limit, MAX_ALERTS_READ) };
    },
  );
};
