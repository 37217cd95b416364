/**
 * Enforces docs/access.md on every route: each route declares `config.permission`, and a
 * route without one stops the server from starting (`verifyDeclarations`). Each request is
 * resolved to a Principal (Bearer token, ingest URL token, or session cookie with its CSRF
 * token on changes) before its body is even parsed, and refused with 401 or 403 otherwise.
 */
import type {} from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions as FastifyRouteOptions } from 'fastify';
import { allows, ANONYMOUS_PRINCIPAL, OPEN_PRINCIPAL, type Permission, type Principal } from '../../core/access.js';
import { CSRF_HEADER, SESSION_COOKIE } from '../../core/access-api.js';
import { OpsError } from '../../core/errors.js';
import { ErrorResponseSchema } from '../../core/api.js';
import type { Authenticator } from './authenticator.js';
import { sameSecret } from './secrets.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** What a caller needs for this route (docs/access.md); every route must declare it. */
    permission?: Permission;
  }
  interface FastifyRequest {
    /** Who is calling; set for every route before its handler runs. */
    principal: Principal;
  }
}

/** OpenAPI security requirement: a Bearer token or the session cookie. */
export const SECURITY_SCHEMES = {
  bearerAuth: { type: 'http', scheme: 'bearer', description: 'An API token (docs/access.md#tokens)' },
  sessionCookie: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: 'The UI session; changes also need the X-CSRF-Token header' },
} as const;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

interface DeclaredRoute {
  method: string;
  url: string;
  options: FastifyRouteOptions;
}

export interface AccessControl {
  /** Every route registered, with its options as finally registered. */
  readonly routes: readonly DeclaredRoute[];
  /** Throws naming every route that declares no permission. */
  verifyDeclarations(): void;
}

export function installAccessControl(app: FastifyInstance, authenticator: Authenticator): AccessControl {
  const routes: DeclaredRoute[] = [];
  // fastify refuses objects as decorator defaults (they would be shared); the hook sets it.
  app.decorateRequest('principal', null as unknown as Principal);

  app.addHook('onRoute', (options) => {
    const methods = Array.isArray(options.method) ? options.method : [options.method];
    for (const method of methods) routes.push({ method, url: options.url, options });
    describeInOpenApi(options);
  });

  app.addHook('onRequest', async (request, reply) => {
    const permission = request.routeOptions.config.permission;
    // No route matched: the not-found handler answers, and it reveals nothing.
    if (permission === undefined) return;
    request.principal = authorizeRequest(request, reply, permission, authenticator);
  });

  return {
    routes,
    verifyDeclarations() {
      const undeclared = routes.filter((route) => route.options.config?.permission === undefined);
      if (undeclared.length > 0) {
        const names = undeclared.map((route) => `${route.method} ${route.url}`).join(', ');
        throw new Error(`routes without a declared permission (config.permission, docs/access.md): ${names}`);
      }
    },
  };
}

/**
 * The principal a request acts as, or a 401/403 that says what is missing. Also used by the
 * OTLP receiver, which is a server of its own.
 */
export function authorizeRequest(request: FastifyRequest, reply: FastifyReply, permission: Permission, authenticator: Authenticator): Principal {
  if (!authenticator.enabled) return OPEN_PRINCIPAL;
  const principal = resolvePrincipal(request, permission, authenticator);
  if (principal === undefined) {
    if (permission === 'public') return ANONYMOUS_PRINCIPAL;
    reply.header('www-authenticate', 'Bearer realm="opsloop"');
    throw new OpsError('OPS_ERR_UNAUTHENTICATED', [
      permission === 'ingest'
        ? 'send an ingest token as "Authorization: Bearer <token>" or ?token=<token> (docs/access.md)'
        : 'send "Authorization: Bearer <token>" or sign in (docs/access.md)',
    ]);
  }
  if (!allows(principal, permission)) {
    // Known but not allowed: the audit trail records who was refused.
    request.principal = principal;
    throw new OpsError('OPS_ERR_FORBIDDEN', [`this needs the "${permission}" permission, which ${principal.actor} does not have`]);
  }
  return principal;
}

function resolvePrincipal(request: FastifyRequest, permission: Permission, authenticator: Authenticator): Principal | undefined {
  const authorization = request.headers.authorization;
  if (authorization !== undefined) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (match?.[1] === undefined) throw new OpsError('OPS_ERR_UNAUTHENTICATED', ['the Authorization header must be "Bearer <token>"']);
    return authenticator.fromToken(match[1], 'bearer');
  }
  // Senders that cannot set headers put an ingest token in the URL; only ingest routes read it,
  // so a leaked URL never gives more than ingest.
  const urlToken = permission === 'ingest' ? tokenParameter(request.query) : undefined;
  if (urlToken !== undefined) return authenticator.fromToken(urlToken, 'url-token');
  // The OTLP receiver parses no cookies: senders there use tokens.
  const cookies = request.cookies as FastifyRequest['cookies'] | undefined;
  const cookie = cookies?.[SESSION_COOKIE];
  if (cookie === undefined || cookie === '') return undefined;
  const { principal, session } = authenticator.fromSession(cookie);
  if (!SAFE_METHODS.has(request.method)) {
    const sent = request.headers[CSRF_HEADER];
    if (typeof sent !== 'string' || !sameSecret(sent, session.csrfToken)) {
      throw new OpsError('OPS_ERR_FORBIDDEN', [`a change made with the session cookie needs the ${CSRF_HEADER} header from GET /api/v1/auth/session`]);
    }
  }
  return principal;
}

function tokenParameter(query: unknown): string | undefined {
  if (typeof query !== 'object' || query === null || !('token' in query)) return undefined;
  const token = (query as { token: unknown }).token;
  return typeof token === 'string' && token !== '' ? token : undefined;
}

/** The permission in the route's OpenAPI description, its security requirement and its 401/403 replies. */
function describeInOpenApi(options: FastifyRouteOptions): void {
  const permission = options.config?.permission;
  const schema = options.schema as { hide?: boolean; description?: string; security?: unknown; response?: Record<string, unknown> } | undefined;
  if (schema === undefined || schema.hide === true || permission === undefined) return;
  const note = `Permission: \`${permission}\`.`;
  schema.description = schema.description ? `${note} ${schema.description}` : note;
  if (permission === 'public') {
    schema.security = [];
    return;
  }
  schema.security = [{ bearerAuth: [] }, { sessionCookie: [] }];
  if (schema.response) schema.response = { ...schema.response, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 429: ErrorResponseSchema };
}
