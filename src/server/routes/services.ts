import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ServiceListResponseSchema, type ServiceSummary } from '../../core/api.js';
import type { Incident, ServiceEdge } from '../../core/records.js';
import type { ServiceInfo } from '../../store/store.js';
import { errorResponses } from '../error-responses.js';
import type { RouteOptions } from '../route-options.js';

export const serviceRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { engine }) => {
  app.get(
    '/api/v1/services',
    {
      config: { permission: 'read' },
      schema: {
        summary: 'Services with their callers, callees and open incidents',
        tags: ['services'],
        response: { 200: ServiceListResponseSchema, ...errorResponses() },
      },
    },
    async () => {
      const { topology, incidents } = engine.store;
      const open = incidents.list({ status: ['triggered', 'acknowledged'] });
      return { services: summariseServices(topology.services(), topology.edges(), open) };
    },
  );
};

/**
 * Joins the service list with the call graph. Services known only as a call's peer (a
 * database, a queue) or only from an incident are listed too, so the map shows them all.
 */
export function summariseServices(
  services: readonly ServiceInfo[],
  edges: readonly ServiceEdge[],
  openIncidents: readonly Incident[],
): ServiceSummary[] {
  const byName = new Map<string, ServiceSummary>();
  const entry = (name: string, lastSeenMs: number): ServiceSummary => {
    let summary = byName.get(name);
    if (!summary) {
      summary = { name, lastSeenMs, callers: [], callees: [], openIncidents: 0 };
      byName.set(name, summary);
    }
    summary.lastSeenMs = Math.max(summary.lastSeenMs, lastSeenMs);
    return summary;
  };
  for (const service of services) entry(service.name, service.lastSeenMs);
  for (const edge of edges) {
    const caller = entry(edge.caller, edge.lastSeenMs);
    const callee = entry(edge.callee, edge.lastSeenMs);
    if (!caller.callees.includes(edge.callee)) caller.callees.push(edge.callee);
    if (!callee.callers.includes(edge.caller)) callee.callers.push(edge.caller);
  }
  for (const incident of openIncidents) {
    for (const name of new Set(incident.services)) {
      // A service may be known only from an external alert; it still belongs on the map.
      const summary = byName.get(name) ?? entry(name, incident.startedMs);
      summary.openIncidents += 1;
    }
  }
  return [...byName.values()]
    .map((summary) => ({ ...summary, callers: summary.callers.sort(), callees: summary.callees.sort() }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
