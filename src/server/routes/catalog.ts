/**
 * The service catalog: every service discovered in telemetry, with what people say about it
 * (owner team, tier, runbooks, repository, description) and its dependencies from the service
 * graph (src/engage/incidents/service-catalog.ts).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { OpsError } from '../../core/errors.js';
import { CatalogListResponseSchema, CatalogPutBodySchema, CatalogServiceResponseSchema } from '../../core/incident-api.js';
import { buildCatalog, catalogService, type CatalogSources } from '../../engage/incidents/service-catalog.js';
import { errorResponses } from '../error-responses.js';
import type { RouteOptions } from '../route-options.js';

const TAGS = ['services'];
const ServiceParamsSchema = z.object({ service: z.string().min(1).max(200).describe('Service name (service.name)') });

export const catalogRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { engine, now, catalog, teams }) => {
  const { store } = engine;
  const sources = (): CatalogSources => ({
    services: store.topology.services(),
    instances: store.topology.instances(),
    edges: store.topology.edges(),
    stored: store.catalog.all(),
    seeded: catalog,
    openIncidents: store.incidents.list({ status: ['triggered', 'acknowledged'] }),
  });

  app.get(
    '/api/v1/catalog',
    {
      config: { permission: 'read' },
      schema: {
        summary: 'The service catalog',
        description: 'Services discovered in telemetry or declared in the catalog, with owner team, tier, runbooks, repository, dependencies and dependents.',
        tags: TAGS,
        response: { 200: CatalogListResponseSchema, ...errorResponses() },
      },
    },
    async (request) => ({ services: buildCatalog(sources()).filter((service) => teams.canSeeService(request.principal, service.service)) }),
  );

  app.get(
    '/api/v1/catalog/:service',
    { config: { permission: 'read' }, schema: { summary: "One service's catalog entry", tags: TAGS, params: ServiceParamsSchema, response: { 200: CatalogServiceResponseSchema, ...errorResponses(400, 404) } } },
    async (request) => {
      const { service } = request.params;
      const all = sources();
      const entry = buildCatalog(all).find((candidate) => candidate.service === service);
      if (!entry) throw new OpsError('OPS_ERR_NOT_FOUND', [`Service ${service}`]);
      return { service: entry };
    },
  );

  app.put(
    '/api/v1/catalog/:service',
    {
      config: {
        permission: 'respond',
        audit: { action: 'catalog.edit', subjectKind: 'service', subjectId: (request) => (request.params as { service: string }).service, read: (service) => engine.store.catalog.get(service)?.entry },
      },
      schema: {
        summary: "Set a service's owner team, tier, runbooks, repository and description",
        description: 'Replaces the whole entry (omitted fields are cleared). A service not yet seen in telemetry may be declared this way.',
        tags: TAGS,
        params: ServiceParamsSchema,
        body: CatalogPutBodySchema,
        response: { 200: CatalogServiceResponseSchema, ...errorResponses(400, 413, 415) },
      },
    },
    async (request) => {
      store.catalog.save(request.params.service, request.body, now());
      return { service: catalogService(request.params.service, sources()) };
    },
  );
};
