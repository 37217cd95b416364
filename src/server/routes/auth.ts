/**
 * Sign-in for the UI (docs/access.md): login sets an HttpOnly session cookie and returns the
 * CSRF token that cookie-authenticated changes must send back; logout ends the session; the
 * one-time setup link creates the first admin; people change passwords here.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Principal } from '../../core/access.js';
import {
  AuthStatusSchema,
  LoginBodySchema,
  PasswordBodySchema,
  SetupBodySchema,
  WhoAmISchema,
  type WhoAmI,
} from '../../core/access-api.js';
import { OpsError } from '../../core/errors.js';
import type { User } from '../../core/notify-api.js';
import { SESSION_COOKIE } from '../../core/access-api.js';
import { LockedOut, userPrincipal, type NewSession } from '../auth/authenticator.js';
import { verifyPassword } from '../auth/passwords.js';
import { errorResponses } from '../error-responses.js';
import type { RouteOptions } from '../route-options.js';

const TAGS = ['access'];

export const authRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { engine, authenticator, loginRateLimit }) => {
  const users = engine.store.notify;

  app.get(
    '/api/v1/auth/status',
    {
      config: { permission: 'public' },
      schema: { summary: 'Whether sign-in is on and whether the first admin still has to be created', tags: TAGS, response: { 200: AuthStatusSchema } },
    },
    async () => ({ enabled: authenticator.enabled, setupRequired: authenticator.enabled && !authenticator.hasAdmin() }),
  );

  app.post(
    '/api/v1/auth/login',
    {
      config: {
        permission: 'public',
        rateLimit: loginRateLimit,
        audit: { action: 'auth.login', subjectKind: 'user', subjectId: (request) => bodyField(request.body, 'user'), recordFailures: true },
      },
      schema: {
        summary: 'Sign in: sets the session cookie and returns the CSRF token',
        description: `After ${'`auth.lockout.maxFailures`'} failed attempts in a row a user is locked out, for twice as long after each further failure (429 with Retry-After).`,
        tags: TAGS,
        body: LoginBodySchema,
        response: { 200: WhoAmISchema, ...errorResponses(400, 401, 415, 429) },
      },
    },
    async (request, reply) => {
      try {
        const started = await authenticator.login(request.body.user, request.body.password, request.ip);
        return startSession(request, reply, started);
      } catch (error) {
        if (error instanceof LockedOut) reply.header('retry-after', String(error.retryAfterSeconds));
        throw error;
      }
    },
  );

  app.post(
    '/api/v1/auth/setup',
    {
      config: {
        permission: 'public',
        rateLimit: loginRateLimit,
        audit: { action: 'auth.setup', subjectKind: 'user', subjectId: (request) => bodyField(request.body, 'user', 'id'), recordFailures: true },
      },
      schema: {
        summary: 'Create the first admin with the one-time setup link printed on the console, and sign in',
        tags: TAGS,
        body: SetupBodySchema,
        response: { 200: WhoAmISchema, ...errorResponses(400, 401, 415) },
      },
    },
    async (request, reply) => {
      const { setupToken, user, password } = request.body;
      const admin: User = { ...user, timeZone: user.timeZone, role: 'admin', teams: [] };
      return startSession(request, reply, await authenticator.completeSetup(setupToken, admin, password, request.ip));
    },
  );

  app.get(
    '/api/v1/auth/session',
    {
      config: { permission: 'authenticated' },
      schema: { summary: 'Who is calling: user, role, scopes, teams, and the CSRF token of a cookie session', tags: TAGS, response: { 200: WhoAmISchema } },
    },
    async (request) => {
      const cookie = request.principal.via === 'session' ? request.cookies[SESSION_COOKIE] : undefined;
      const session = cookie === undefined ? undefined : authenticator.fromSession(cookie).session;
      return whoAmI(request.principal, users.get('user', request.principal.userId ?? ''), session);
    },
  );

  app.post(
    '/api/v1/auth/logout',
    {
      config: { permission: 'authenticated', audit: { action: 'auth.logout', subjectKind: 'user', subjectId: (request) => request.principal.userId } },
      schema: { summary: 'Sign out: ends the session and clears its cookie', tags: TAGS, response: { 200: z.object({ signedOut: z.boolean() }) } },
    },
    async (request, reply) => {
      const cookie = request.cookies[SESSION_COOKIE];
      if (cookie !== undefined) authenticator.logout(cookie);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { signedOut: cookie !== undefined };
    },
  );

  app.put(
    '/api/v1/users/:id/password',
    {
      config: { permission: 'authenticated', audit: { action: 'user.password', subjectKind: 'user' } },
      schema: {
        summary: "Set a user's password (your own with currentPassword, anyone's as admin); ends their sessions",
        tags: TAGS,
        params: z.object({ id: z.string().min(1) }),
        body: PasswordBodySchema,
        response: { 200: z.object({ changed: z.string() }), ...errorResponses(400, 403, 404, 415) },
      },
    },
    async (request) => {
      const { id } = request.params;
      const principal = request.principal;
      const self = principal.userId === id;
      if (!self && !principal.scopes.has('admin')) throw new OpsError('OPS_ERR_FORBIDDEN', ["only admins set other users' passwords"]);
      if (users.get('user', id) === undefined) throw new OpsError('OPS_ERR_NOT_FOUND', [`User ${id}`]);
      if (self && principal.kind !== 'open') {
        const stored = engine.store.access.passwordHash(id);
        const current = request.body.currentPassword;
        if (stored !== undefined && (current === undefined || !(await verifyPassword(current, stored)))) {
          throw new OpsError('OPS_ERR_FORBIDDEN', ['currentPassword is missing or wrong']);
        }
      }
      await authenticator.setPassword(id, request.body.password);
      return { changed: id };
    },
  );
};

function startSession(request: FastifyRequest, reply: FastifyReply, started: NewSession): WhoAmI {
  reply.setCookie(SESSION_COOKIE, started.secret, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: request.protocol === 'https',
    expires: new Date(started.session.expiresMs),
  });
  return whoAmI(userPrincipal(started.user, 'session'), started.user, started.session);
}

function whoAmI(principal: Principal, user: User | undefined, session: { csrfToken: string; expiresMs: number } | undefined): WhoAmI {
  return {
    actor: principal.actor,
    kind: principal.kind,
    ...(user ? { user, role: user.role } : {}),
    scopes: [...principal.scopes],
    teams: [...principal.teams],
    via: principal.via,
    ...(session ? { csrfToken: session.csrfToken, expiresMs: session.expiresMs } : {}),
  };
}

/** A string field (by path) of a body that may be absent or malformed: refused sign-ins are audited too. */
function bodyField(body: unknown, ...path: string[]): string | undefined {
  let value = body;
  for (const name of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[name];
  }
  return typeof value === 'string' ? value : undefined;
}
