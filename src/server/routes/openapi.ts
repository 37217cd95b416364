import type { FastifyPluginAsync } from 'fastify';

/** Serves the document @fastify/swagger builds from every route's zod schemas. */
export const openapiRoutes: FastifyPluginAsync = async (app) => {
  app.get('/api/v1/openapi.json', { config: { permission: 'public' }, schema: { hide: true } }, async () => app.swagger());
};
