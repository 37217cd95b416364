import type { FastifyInstance } from 'fastify';

/**
 * JSON is the API's only request body type. Two departures from fastify's defaults:
 * - text/plain is not parsed, so a wrong content type is a clear 415 rather than a confusing
 *   "expected object, received string";
 * - an empty JSON body means "no body" (e.g. POST …/acknowledge from fetch with a JSON header),
 *   instead of an error; the route's schema decides whether a body is required.
 */
export function installJsonBodyParser(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'ignore');
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '') {
      done(null, undefined);
      return;
    }
    parseJson(request, text, done);
  });
}
