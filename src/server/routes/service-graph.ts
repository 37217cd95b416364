/**
 * GET /api/v1/service-graph: the service map of a window (nodes with health and stats, edges
 * with stats). GET /api/v1/services/{service}: one node's drill-down — operations, instances,
 * callers and callees, firing alerts and open incidents.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { OpsError } from '../../core/errors.js';
import {
  ServiceDetailResponseSchema,
  ServiceGraphQuerySchema,
  ServiceGraphResponseSchema,
  ServiceParamsSchema,
  type Neighbour,
} from '../../core/service-map-api.js';
import { errorResponses } from '../error-responses.js';
import type { RouteOptions } from '../route-options.js';
import { mapWindow, readMapView } from '../service-map-view.js';

export const serviceGraphRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { engine, now }) => {
  app.get(
    '/api/v1/service-graph',
    {
      config: { permission: 'read' },
      schema: {
        summary: 'The service map of a window: services, databases, queues and their instances, with health and stats, and call edges with stats',
        description: 'Built from the spans with start time in [from, to] (default: the 15 minutes up to now). Rates are per second of the window; durations in ms.',
        tags: ['services'],
        querystring: ServiceGraphQuerySchema,
        response: { 200: ServiceGraphResponseSchema, ...errorResponses(400) },
      },
    },
    async (request) => {
      const { from, to, spans, truncated, nodes, edges, hosts } = readMapView(engine.store, mapWindow(request.query, now()));
      return { from, to, spans, truncated, nodes, edges, hosts };
    },
  );

  app.get(
    '/api/v1/services/:service',
    {
      config: { permission: 'read' },
      schema: {
        summary: 'One service, database or queue of the map: stats, operations, instances, callers, callees, firing alerts, open incidents',
        tags: ['services'],
        params: ServiceParamsSchema,
        querystring: ServiceGraphQuerySchema,
        response: { 200: ServiceDetailResponseSchema, ...errorResponses(400, 404) },
      },
    },
    async (request) => {
      const { service } = request.params;
      const view = readMapView(engine.store, mapWindow(request.query, now()));
      const node = view.nodes.find((candidate) => candidate.name === service);
      if (!node) {
        throw new OpsError('OPS_ERR_NOT_FOUND', [`service "${service}" (no spans of it or calls to it between ${view.from} and ${view.to})`]);
      }
      const kindOf = (name: string) => view.nodes.find((candidate) => candidate.name === name)?.kind ?? 'external';
      const callers: Neighbour[] = view.edges.filter((edge) => edge.callee === service).map((edge) => ({ name: edge.caller, kind: kindOf(edge.caller), edge }));
      const callees: Neighbour[] = view.edges.filter((edge) => edge.caller === service).map((edge) => ({ name: edge.callee, kind: kindOf(edge.callee), edge }));
      return {
        from: view.from,
        to: view.to,
        truncated: view.truncated,
        node,
        operations: view.operations.get(service) ?? [],
        callers,
        callees,
        alerts: view.firing.filter((alert) => alert.service === service),
        incidents: view.open
          .filter((incident) => incident.services.includes(service))
          .map(({ id, title, status }) => ({ id, title, status })),
      };
    },
  );
};
