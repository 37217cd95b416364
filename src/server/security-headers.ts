/**
 * Security headers on every response (@fastify/helmet), with a Content Security Policy the
 * built UI runs under: its Vite bundles load from this origin, uPlot sets inline styles, icons
 * may be data: URLs, and the UI talks only to this API. HSTS only on requests that arrived over
 * TLS (directly or, with api.trustProxy, per X-Forwarded-Proto): sent over plain HTTP it would
 * lock browsers out of a server that has no certificate.
 */
import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/** 180 days, the value helmet would use. */
const HSTS = 'max-age=15552000; includeSubDomains';

export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(fastifyHelmet, {
    // Not helmet's defaults: they add upgrade-insecure-requests, which breaks plain-HTTP installs.
    contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
    strictTransportSecurity: false,
  });
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.protocol === 'https') reply.header('strict-transport-security', HSTS);
    return payload;
  });
}
