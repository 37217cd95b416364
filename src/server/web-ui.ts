import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/**
 * Serves the built UI at / when its directory exists. The UI routes with the URL hash, so
 * static files plus an index.html fallback (in the not-found handler) are all it needs.
 * Returns whether the UI is served.
 */
export async function registerWebUi(app: FastifyInstance, webRoot: string | undefined): Promise<boolean> {
  if (webRoot === undefined) return false;
  const root = resolve(webRoot);
  if (!existsSync(root) || !statSync(root).isDirectory()) return false;
  await app.register(async (ui) => {
    // The UI's files are public: they hold no data, and the login page is one of them.
    ui.addHook('onRoute', (route) => {
      route.config = { ...route.config, permission: 'public' };
    });
    await ui.register(fastifyStatic, { root, prefix: '/', wildcard: true });
  });
  return true;
}
