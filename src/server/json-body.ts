import type { FastifyInstance } from 'fastify';

declare module 'fastify' {
  interface FastifyRequest {
    /** The JSON body as received, for signature checks over the exact bytes (webhook-signature.ts). */
    rawBody: string | undefined;
  }
}

/**
 * JSON is the API's only request body type. Departures from fastify's defaults:
 * - text/plain is not parsed, so a wrong content type is a clear 415 rather than a confusing
 *   "expected object, received string";
 * - an empty JSON body means "no body" (e.g. POST …/acknowledge from fetch with a JSON header),
 *   instead of an error; the route's schema decides whether a body is required;
 * - a malformed body is a 400 that does not quote it: V8's JSON.parse message echoes part of
 *   the text, which may be a password or a token.
 */
export function installJsonBodyParser(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'ignore');
  app.decorateRequest('rawBody', undefined);
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    request.rawBody = text;
    if (text.trim() === '') {
      done(null, undefined);
      return;
    }
    parseJson(request, text, (error, parsed) => {
      if (error) done(unquotedJsonError(), undefined);
      else done(null, parsed);
    });
  });
}

/** Shaped like fastify's own 400 (statusCode, code), so every error handler treats it the same way. */
function unquotedJsonError(): Error & { statusCode: number; code: string } {
  return Object.assign(new Error('the body is not valid JSON'), { statusCode: 400, code: 'FST_ERR_CTP_INVALID_JSON_BODY' });
}
