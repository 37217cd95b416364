/**
 * `opsloop tokens login|create|list|revoke`: API tokens of a running opsloop
 * (docs/access.md#tokens), through /api/v1/tokens. `login` signs in with a password and makes
 * the CLI's first token, so no browser is needed. `login` and `create` print only the secret
 * on stdout, so it can be captured straight into a variable or a secret store; everything else
 * goes to stderr.
 */
import { hostname } from 'node:os';
import { Command, InvalidArgumentError, Option } from 'commander';
import { z } from 'zod';
import { roleScopes, SCOPES, type Scope } from '../core/access.js';
import { CSRF_HEADER, SESSION_COOKIE, TokenCreatedSchema, TokenSchema, WhoAmISchema } from '../core/access-api.js';
import { tokenState } from '../core/token-state.js';
import { callOpsloop, callOpsloopWithHeaders } from './api-client.js';
import { readPassword } from './read-password.js';
import { DEFAULT_URL, parseUrl } from './api-url.js';
import { addServerOptions, type ServerOptions } from './server-options.js';
import { formatColumns } from './text-table.js';

const TIMEOUT_MS = 30_000;
type Token = z.infer<typeof TokenSchema>;

export function tokensCommand(): Command {
  return new Command('tokens')
    .description('sign in, create, list and revoke API tokens of a running opsloop (for the CLI, scripts and senders)')
    .addCommand(loginCommand())
    .addCommand(createCommand())
    .addCommand(listCommand())
    .addCommand(revokeCommand())
    .addHelpText(
      'after',
      `
Every command acts with the token in OPSLOOP_TOKEN (or --token); the first one comes from
"opsloop tokens login" (your password) or the web UI (your name → API tokens). A token can do
at most what its owner's role allows.

Examples:
  $ export OPSLOOP_TOKEN=$(opsloop tokens login --user ana)   asks for ana's password
  $ opsloop tokens create --name "ci deploy events" --scope ingest --expires-in-days 30
  $ opsloop tokens create --name "otel-collector prod" --scope ingest --integration --no-expiry > collector.token
  $ opsloop tokens list
  $ opsloop tokens revoke 0b7f3c1e-…             an ID from opsloop tokens list
`,
    );
}

interface LoginOptions extends Omit<ServerOptions, 'token'> {
  user: string;
  name?: string;
  expiresInDays: number;
}

function loginCommand(): Command {
  return new Command('login')
    .description("sign in with your password and print a new API token for the CLI (your role's scopes), then sign out")
    .option('--url <url>', 'where opsloop serves its API', parseUrl, DEFAULT_URL)
    .requiredOption('--user <id>', 'your user id')
    .option('--name <text>', 'what the token is for (default "opsloop CLI, <user>@<host>")')
    .option('--expires-in-days <days>', 'days until it stops working', parseDays, 30)
    .addHelpText(
      'after',
      `
The password is asked for without echo at a terminal; otherwise it is the first line of standard
input (never an option: options show in the process list). The token gets the scopes of your
role (read, respond or admin). Exit codes: 0 signed in, 1 opsloop unreachable or the sign-in
refused (wrong password, locked out), 2 a bad option.

Examples:
  $ export OPSLOOP_TOKEN=$(opsloop tokens login --user ana)
  $ pass show opsloop/ana | opsloop tokens login --user ana --url https://opsloop.example.com > ~/.opsloop-token
`,
    )
    .action(async (options: LoginOptions) => {
      const password = await readPassword(`password for ${options.user} at ${options.url}: `);
      const server = { url: options.url };
      const { body: me, headers } = await callOpsloopWithHeaders(server, {
        method: 'POST',
        path: '/api/v1/auth/login',
        body: { user: options.user, password },
        schema: WhoAmISchema,
        timeoutMs: TIMEOUT_MS,
      });
      const cookie = sessionCookie(headers);
      if (cookie === undefined || me.csrfToken === undefined) throw new Error(`${options.url} signed ${options.user} in without a session; is sign-in on there (auth.enabled)?`);
      const session = { cookie, [CSRF_HEADER]: me.csrfToken };
      try {
        const { token, secret } = await callOpsloop(server, {
          method: 'POST',
          path: '/api/v1/tokens',
          body: { name: options.name ?? `opsloop CLI, ${options.user}@${hostname()}`, scopes: me.role === undefined ? me.scopes : roleScopes(me.role), expiresInDays: options.expiresInDays },
          schema: TokenCreatedSchema,
          timeoutMs: TIMEOUT_MS,
          headers: session,
        });
        process.stdout.write(`${secret}\n`);
        process.stderr.write(`signed in as ${options.user} (${me.role ?? 'no role'}); created token ${described(token)}\n`);
      } finally {
        await callOpsloop(server, { method: 'POST', path: '/api/v1/auth/logout', schema: z.object({ signedOut: z.boolean() }), timeoutMs: TIMEOUT_MS, headers: session });
      }
    });
}

/** A token for stderr: id, name, scopes and expiry. */
function described(token: Token): string {
  return `${token.id} "${token.name}" (${token.scopes.join(', ')}), ${token.expiresMs === undefined ? 'never expires' : `expires ${new Date(token.expiresMs).toISOString()}`}`;
}

/** The session cookie's `name=value` from a login's Set-Cookie, as a Cookie header sends it back. */
function sessionCookie(headers: Headers): string | undefined {
  return headers.getSetCookie().map((line) => line.split(';')[0] ?? '').find((pair) => pair.startsWith(`${SESSION_COOKIE}=`));
}

interface CreateOptions extends ServerOptions {
  name: string;
  scope: Scope[];
  expiresInDays: number | false;
  integration?: boolean;
}

function createCommand(): Command {
  return addServerOptions(new Command('create'))
    .description('create a token and print its secret, once: opsloop keeps only a digest')
    .requiredOption('--name <text>', 'what it is for, e.g. "otel-collector prod"')
    .addOption(new Option('--scope <scope>', `${SCOPES.join(', ')}; repeat for more`).argParser(collectScope).makeOptionMandatory())
    .option('--expires-in-days <days>', 'days until it stops working', parseDays, 90)
    .option('--no-expiry', 'never expires (rotate it yourself)')
    .option('--integration', 'an ingest key owned by no user, for a sender (admins only)')
    .addHelpText(
      'after',
      `
A token can do at most what your role allows. Exit codes: 0 created, 1 opsloop unreachable or
the token refused, 2 a bad option or a request the server refused.

Examples:
  $ opsloop tokens create --name "grafana alerts" --scope ingest --integration --no-expiry > grafana.token
  $ opsloop tokens create --name "incident bot" --scope respond --expires-in-days 30
`,
    )
    .action(async (options: CreateOptions & { expiry: boolean }) => {
      const { token, secret } = await callOpsloop(options, {
        method: 'POST',
        path: '/api/v1/tokens',
        body: { name: options.name, scopes: options.scope, expiresInDays: options.expiry ? options.expiresInDays : null, integration: options.integration === true },
        schema: TokenCreatedSchema,
        timeoutMs: TIMEOUT_MS,
      });
      process.stdout.write(`${secret}\n`);
      process.stderr.write(`created ${described(token)}\n`);
      process.stderr.write('store the secret above now: it is not shown again\n');
    });
}

function listCommand(): Command {
  return addServerOptions(new Command('list'))
    .description('print your tokens (every token for an admin), never their secrets')
    .option('--owner <user>', "admins: only this user's tokens")
    .option('--json', 'print the API answer as JSON')
    .addHelpText('after', `
Examples:
  $ opsloop tokens list
  $ opsloop tokens list --owner ana --json | jq -r '.[] | select(.revokedMs == null) | .id'
`)
    .action(async (options: ServerOptions & { owner?: string; json?: boolean }) => {
      const query = options.owner === undefined ? '' : `?owner=${encodeURIComponent(options.owner)}`;
      const { tokens } = await callOpsloop(options, { method: 'GET', path: `/api/v1/tokens${query}`, schema: z.object({ tokens: z.array(TokenSchema) }), timeoutMs: TIMEOUT_MS });
      process.stdout.write(options.json ? `${JSON.stringify(tokens, null, 2)}\n` : tokens.length === 0 ? '' : formatTokens(tokens, Date.now()));
      process.stderr.write(`${tokens.length} tokens\n`);
    });
}

function revokeCommand(): Command {
  return addServerOptions(new Command('revoke'))
    .description('revoke a token: it stops working at once')
    .argument('<id>', 'the token id, from `opsloop tokens list`')
    .addHelpText('after', `
Examples:
  $ opsloop tokens revoke 0b7f3c1e-5a2d-4c3e-9f1a-2b6d8e4c7a10
`)
    .action(async (id: string, options: ServerOptions) => {
      const { token } = await callOpsloop(options, {
        method: 'DELETE',
        path: `/api/v1/tokens/${encodeURIComponent(id)}`,
        schema: z.object({ token: TokenSchema }),
        timeoutMs: TIMEOUT_MS,
        inputStatuses: [400, 404, 409],
      });
      process.stderr.write(`revoked ${token.id} "${token.name}"\n`);
    });
}

/** One row per token: id, name, scopes, owner, state, last used, expiry. */
export function formatTokens(tokens: readonly Token[], nowMs: number): string {
  const time = (ms: number | undefined, none: string) => (ms === undefined ? none : new Date(ms).toISOString().slice(0, 16).replace('T', ' '));
  const rows = tokens.map((token) => [token.id, token.name, token.scopes.join(','), token.ownerId ?? '(integration)', tokenState(token, nowMs), time(token.lastUsedMs, 'never'), time(token.expiresMs, 'never')]);
  return formatColumns([['ID', 'NAME', 'SCOPES', 'OWNER', 'STATE', 'LAST USED (UTC)', 'EXPIRES (UTC)'], ...rows]);
}

/** Repeatable --scope; commander's choices() would replace this parser, so it checks here. */
function collectScope(value: string, previous: Scope[] | undefined): Scope[] {
  const scope = SCOPES.find((known) => known === value);
  if (scope === undefined) throw new InvalidArgumentError(`expected one of ${SCOPES.join(', ')}`);
  return [...(previous ?? []), scope];
}

function parseDays(text: string): number {
  const days = Number(text);
  if (!Number.isInteger(days) || days < 1 || days > 3650) throw new InvalidArgumentError('expected whole days from 1 to 3650');
  return days;
}
