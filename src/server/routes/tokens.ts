/**
 * API tokens (docs/access.md#tokens): created with scopes no wider than the creator's role,
 * the secret shown once in the reply and stored only as a digest; listed with last use;
 * revoked. People see their own tokens, admins everyone's and the integration keys.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { scopesOfRole, type Principal } from '../../core/access.js';
import { TokenCreateBodySchema, TokenCreatedSchema, TokenListQuerySchema, TokenSchema } from '../../core/access-api.js';
import { OpsError } from '../../core/errors.js';
import type { ApiTokenRecord } from '../../store/store.js';
import { errorResponses } from '../error-responses.js';
import type { RouteOptions } from '../route-options.js';

const TAGS = ['access'];
const DAY_MS = 86_400_000;

export const tokenRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { engine, authenticator, now }) => {
  const access = engine.store.access;
  const isAdmin = (principal: Principal) => principal.scopes.has('admin');
  const mayManage = (principal: Principal, token: ApiTokenRecord) => isAdmin(principal) || (token.ownerId !== undefined && token.ownerId === principal.userId);

  app.get(
    '/api/v1/tokens',
    {
      config: { permission: 'authenticated' },
      schema: { summary: 'API tokens: your own, or everyone\'s for admins (never their secrets)', tags: TAGS, querystring: TokenListQuerySchema, response: { 200: z.object({ tokens: z.array(TokenSchema) }), ...errorResponses(400) } },
    },
    async (request) => {
      const principal = request.principal;
      if (isAdmin(principal)) return { tokens: access.tokens(request.query.owner ? { ownerId: request.query.owner } : {}) };
      if (principal.userId === undefined) return { tokens: [] };
      return { tokens: access.tokens({ ownerId: principal.userId }) };
    },
  );

  app.post(
    '/api/v1/tokens',
    {
      config: { permission: 'authenticated', audit: { action: 'token.create', subjectKind: 'token', read: (id) => access.token(id) } },
      schema: {
        summary: 'Create an API token; the reply holds its secret, shown this once',
        description: 'A token acts for its creator with at most the creator\'s role. `integration: true` creates an ingest key owned by no user, for a sender (admins only).',
        tags: TAGS,
        body: TokenCreateBodySchema,
        response: { 201: TokenCreatedSchema, ...errorResponses(400, 403, 415) },
      },
    },
    async (request, reply) => {
      const principal = request.principal;
      const { name, scopes, expiresInDays, integration } = request.body;
      if (integration) {
        if (!isAdmin(principal)) throw new OpsError('OPS_ERR_FORBIDDEN', ['only admins create integration keys']);
        if (scopes.some((scope) => scope !== 'ingest')) throw new OpsError('OPS_ERR_VALIDATION', ['body.scopes: an integration key carries only "ingest"']);
      } else if (principal.userId === undefined && principal.kind !== 'open') {
        throw new OpsError('OPS_ERR_FORBIDDEN', ['only a user (or a token acting for one) creates tokens; integration keys need integration: true']);
      }
      const owner = integration ? undefined : principal.userId === undefined ? undefined : engine.store.notify.get('user', principal.userId);
      if (owner !== undefined) {
        const allowed = scopesOfRole(owner.role);
        const beyond = scopes.filter((scope) => !allowed.has(scope));
        if (beyond.length > 0) throw new OpsError('OPS_ERR_FORBIDDEN', [`your role (${owner.role}) does not include ${beyond.join(', ')}`]);
      }
      const created = authenticator.createToken({
        name,
        scopes,
        ...(owner ? { ownerId: owner.id } : {}),
        createdBy: principal.actor,
        ...(expiresInDays === null ? {} : { expiresMs: now() + expiresInDays * DAY_MS }),
      });
      return reply.status(201).send(created);
    },
  );

  app.delete(
    '/api/v1/tokens/:id',
    {
      config: { permission: 'authenticated', audit: { action: 'token.revoke', subjectKind: 'token', read: (id) => access.token(id) } },
      schema: {
        summary: 'Revoke a token (yours, or any as admin); it stops working at once',
        tags: TAGS,
        params: z.object({ id: z.string().min(1) }),
        response: { 200: z.object({ token: TokenSchema }), ...errorResponses(404, 409) },
      },
    },
    async (request) => {
      const token = access.token(request.params.id);
      // Someone else's token is as absent as a missing one.
      if (token === undefined || !mayManage(request.principal, token)) throw new OpsError('OPS_ERR_NOT_FOUND', [`Token ${request.params.id}`]);
      if (!access.revokeToken(token.id, now())) throw new OpsError('OPS_ERR_CONFLICT', [`token ${token.name} is already revoked`]);
      return { token: access.token(token.id) ?? token };
    },
  );
};
