/**
 * The CLI against a real opsloop with sign-in on (docs/access.md): it sends OPSLOOP_TOKEN or
 * --token as a Bearer token, says in one line how to get a token when it has none or a
 * refused one, and `opsloop tokens` creates, lists and revokes tokens.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startOpsloop, type RunningOpsloop } from '../../src/app/start.js';
import { ConfigSchema } from '../../src/core/config.js';
import { formatTokens } from '../../src/cli/tokens.js';
import { runCli } from '../support/run-cli.js';

const ADMIN_PASSWORD = 'correct horse battery staple';

describe('opsloop tokens and the token of every API command', () => {
  let dataDir: string;
  let opsloop: RunningOpsloop;
  let adminToken: string;

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'opsloop-cli-tokens-'));
    const config = ConfigSchema.parse({ dataDir, api: { port: 0 }, otlp: { port: 0 }, auth: { enabled: true, admin: { id: 'root', password: ADMIN_PASSWORD } } });
    opsloop = await startOpsloop(config, { logger: false });
    // The first token comes from a signed-in person, as in the web UI.
    const login = await fetch(`${opsloop.apiUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user: 'root', password: ADMIN_PASSWORD }) });
    assert.equal(login.status, 200);
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const created = await fetch(`${opsloop.apiUrl}/api/v1/tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
      body: JSON.stringify({ name: 'root cli', scopes: ['admin'] }),
    });
    assert.equal(created.status, 201);
    adminToken = ((await created.json()) as { secret: string }).secret;
  });

  after(async () => {
    await opsloop.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('without a token, exits 1 with one line saying how to get one', async () => {
    const result = await runCli(['oncall', '--url', opsloop.apiUrl]);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /^opsloop: Authentication required: .*this opsloop needs an API token: get one with `opsloop tokens login --user <you>`.*OPSLOOP_TOKEN or --token \(docs\/access\.md#tokens\)\n$/);
  });

  it('creates a token with OPSLOOP_TOKEN, prints only its secret, and the new token works with --token', async () => {
    const created = await runCli(['tokens', 'create', '--name', 'reader', '--scope', 'read', '--expires-in-days', '7', '--url', opsloop.apiUrl], { env: { OPSLOOP_TOKEN: adminToken } });
    assert.equal(created.status, 0, created.stderr);
    const secret = created.stdout.trim();
    assert.ok(secret.length >= 32 && !secret.includes(' '), `only the secret on stdout, got ${created.stdout}`);
    assert.match(created.stderr, /created [0-9a-f-]{36} "reader" \(read\), expires .*\nstore the secret above now: it is not shown again\n/);

    const read = await runCli(['oncall', '--url', opsloop.apiUrl, '--token', secret]);
    assert.equal(read.status, 0, read.stderr);
    assert.match(read.stdout, /no schedules/);

    // A read token cannot make changes: the refusal names the scope and what to do.
    const change = await runCli(['silences', 'add', '-m', 'service=x', '--reason', 'r', '--by', 'root', '--url', opsloop.apiUrl, '--token', secret]);
    assert.equal(change.status, 1);
    assert.match(change.stderr, /Not allowed: this needs the "respond" permission.*; use a token with that scope/);
  });

  it('lists tokens without secrets and revokes one, after which it is refused', async () => {
    const env = { OPSLOOP_TOKEN: adminToken };
    const created = await runCli(['tokens', 'create', '--name', 'collector', '--scope', 'ingest', '--integration', '--no-expiry', '--url', opsloop.apiUrl], { env });
    assert.equal(created.status, 0, created.stderr);
    const secret = created.stdout.trim();
    assert.match(created.stderr, /never expires/);

    const listed = await runCli(['tokens', 'list', '--json', '--url', opsloop.apiUrl], { env });
    assert.equal(listed.status, 0, listed.stderr);
    assert.ok(!listed.stdout.includes(secret), 'a listing never shows a secret');
    const tokens = JSON.parse(listed.stdout) as { id: string; name: string; ownerId?: string; expiresMs?: number }[];
    const collector = tokens.find((token) => token.name === 'collector');
    assert.ok(collector);
    assert.equal(collector.ownerId, undefined);
    assert.equal(collector.expiresMs, undefined);

    const table = await runCli(['tokens', 'list', '--url', opsloop.apiUrl], { env });
    assert.match(table.stdout, new RegExp(`^${collector.id}\\s+collector\\s+ingest\\s+\\(integration\\)\\s+active\\s+never\\s+never$`, 'm'));

    const revoked = await runCli(['tokens', 'revoke', collector.id, '--url', opsloop.apiUrl], { env });
    assert.equal(revoked.status, 0, revoked.stderr);
    assert.match(revoked.stderr, /revoked .* "collector"/);
    const again = await runCli(['tokens', 'revoke', collector.id, '--url', opsloop.apiUrl], { env });
    assert.equal(again.status, 2);
    assert.match(again.stderr, /already revoked/);

    const refused = await runCli(['oncall', '--url', opsloop.apiUrl], { env: { OPSLOOP_TOKEN: secret } });
    assert.equal(refused.status, 1);
    assert.match(refused.stderr, /token collector was revoked; the token was refused: get one with `opsloop tokens login/);
  });

  it('signs in with the password on stdin, prints a token with the role\'s scopes, and ends its session', async () => {
    const login = await runCli(['tokens', 'login', '--user', 'root', '--name', 'laptop', '--url', opsloop.apiUrl], { input: `${ADMIN_PASSWORD}\n` });
    assert.equal(login.status, 0, login.stderr);
    const secret = login.stdout.trim();
    assert.ok(secret.length >= 32 && !secret.includes(' '), `only the secret on stdout, got ${login.stdout}`);
    assert.match(login.stderr, /signed in as root \(admin\); created token [0-9a-f-]{36} "laptop" \(admin\), expires /);
    const used = await runCli(['oncall', '--url', opsloop.apiUrl, '--token', secret]);
    assert.equal(used.status, 0, used.stderr);

    const listed = await runCli(['tokens', 'list', '--json', '--url', opsloop.apiUrl], { env: { OPSLOOP_TOKEN: secret } });
    const laptop = (JSON.parse(listed.stdout) as { name: string; expiresMs?: number; createdMs: number }[]).find((token) => token.name === 'laptop');
    assert.ok(laptop?.expiresMs !== undefined && Math.abs(laptop.expiresMs - laptop.createdMs - 30 * 86_400_000) < 60_000, 'expires in 30 days by default');
    const logouts = opsloop.engine.store.audit.list({ action: 'auth.logout' });
    assert.ok(logouts.some((entry) => entry.actor === 'root' && entry.status === 200), 'the session it signed in with was ended');
  });

  it('refuses a wrong password with exit 1 and no token', async () => {
    const login = await runCli(['tokens', 'login', '--user', 'root', '--url', opsloop.apiUrl], { input: 'not the password\n' });
    assert.equal(login.status, 1);
    assert.equal(login.stdout, '');
    assert.match(login.stderr, /^opsloop: .*(password|credentials|sign)/im);
    const empty = await runCli(['tokens', 'login', '--user', 'root', '--url', opsloop.apiUrl], { input: '' });
    assert.equal(empty.status, 2);
    assert.match(empty.stderr, /no password given/);
  });

  it('rejects an unknown scope before calling the server', async () => {
    const result = await runCli(['tokens', 'create', '--name', 'x', '--scope', 'everything', '--url', opsloop.apiUrl]);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /expected one of ingest, read, respond, admin/);
  });
});

describe('formatTokens', () => {
  it('shows revoked before expired, and "never" for no use and no expiry', () => {
    const base = { scopes: ['read' as const], prefix: 'opl_ab', createdMs: 0, createdBy: 'root' };
    const text = formatTokens(
      [
        { ...base, id: 'tok_1', name: 'old', ownerId: 'ana', expiresMs: 1_000, revokedMs: 500 },
        { ...base, id: 'tok_2', name: 'lapsed', ownerId: 'ana', expiresMs: 1_000, lastUsedMs: Date.parse('2030-01-01T10:20:00Z') },
        { ...base, id: 'tok_3', name: 'fresh' },
      ],
      2_000,
    );
    const lines = text.trimEnd().split('\n');
    assert.match(lines[1] ?? '', /^tok_1\s+old\s+read\s+ana\s+revoked\s+never\s+1970-01-01 00:00$/);
    assert.match(lines[2] ?? '', /^tok_2\s+lapsed\s+read\s+ana\s+expired\s+2030-01-01 10:20\s+1970-01-01 00:00$/);
    assert.match(lines[3] ?? '', /^tok_3\s+fresh\s+read\s+\(integration\)\s+active\s+never\s+never$/);
  });
});
