/**
 * Access-control shapes that cross the API (docs/access.md): sign-in, the session, the
 * first-admin setup, passwords and API tokens. Shared by the server, the CLI and web/.
 */
import { z } from 'zod';
import { ROLES, SCOPES } from './access.js';
import { UserSchema } from './notify-api.js';

const Password = z.string().min(12, 'must have at least 12 characters').max(1024);

/** The UI's session cookie, and the header that must carry its CSRF token on every change. */
export const SESSION_COOKIE = 'opsloop_session';
export const CSRF_HEADER = 'x-csrf-token';

export const LoginBodySchema = z.object({
  user: z.string().min(1).max(64).describe('User id'),
  password: z.string().min(1).max(1024),
});

export const WhoAmISchema = z.object({
  actor: z.string().describe('How the audit trail names the caller'),
  kind: z.enum(['user', 'token', 'open', 'anonymous']),
  user: UserSchema.optional(),
  role: z.enum(ROLES).optional(),
  scopes: z.array(z.enum(SCOPES)),
  teams: z.array(z.string()),
  via: z.enum(['session', 'bearer', 'url-token', 'open', 'none']),
  csrfToken: z.string().optional().describe('Send as X-CSRF-Token on every change made with the session cookie'),
  expiresMs: z.number().optional().describe('When the session ends'),
});
export type WhoAmI = z.infer<typeof WhoAmISchema>;

export const AuthStatusSchema = z.object({
  enabled: z.boolean().describe('false: authentication is off (the demo); everyone acts as an anonymous admin'),
  setupRequired: z.boolean().describe('No admin can sign in yet: use the setup link printed on the console'),
});

export const SetupBodySchema = z.object({
  setupToken: z.string().min(1).describe('The secret of the one-time link printed on the console'),
  user: UserSchema.pick({ id: true, name: true, email: true, timeZone: true }),
  password: Password,
});

export const PasswordBodySchema = z.object({
  password: Password,
  currentPassword: z.string().max(1024).optional().describe('Needed when changing your own password'),
});

export const TokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  ownerId: z.string().optional().describe('The user it acts for; absent for an integration key'),
  scopes: z.array(z.enum(SCOPES)),
  prefix: z.string().describe('The first characters of the secret'),
  createdMs: z.number(),
  createdBy: z.string(),
  expiresMs: z.number().optional(),
  lastUsedMs: z.number().optional().describe('Updated at most once a minute'),
  revokedMs: z.number().optional(),
});

export const TokenCreateBodySchema = z.object({
  name: z.string().trim().min(1).max(200).describe('What it is for, e.g. "otel-collector prod"'),
  scopes: z.array(z.enum(SCOPES)).min(1).describe('ingest, read, respond, admin; at most what your role allows'),
  expiresInDays: z.number().int().min(1).max(3650).nullable().default(90).describe('null: never expires'),
  integration: z.boolean().default(false).describe('An ingest key for a sender, owned by no user (admins only; ingest scope only)'),
});

export const TokenCreatedSchema = z.object({
  token: TokenSchema,
  secret: z.string().describe('Shown once: store it now; opsloop keeps only its digest'),
});

export const TokenListQuerySchema = z.object({
  owner: z.string().min(1).optional().describe('Admins: only this user\'s tokens; others always see their own'),
});
