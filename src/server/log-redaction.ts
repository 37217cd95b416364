/**
 * What the server's logger never writes (pino `redact` paths): credentials in request headers
 * and in the bodies or objects that a route or plugin might log. Values become "[Redacted]".
 */
export const LOG_REDACT_PATHS: string[] = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'req.headers["x-opsloop-signature"]',
  'req.query.token',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  'body.password',
  'body.currentPassword',
  'body.setupToken',
  'body.secret',
  'password',
  'secret',
  'token',
  '*.password',
  '*.currentPassword',
  '*.secret',
  '*.token',
  '*.setupToken',
  '*.csrfToken',
];
