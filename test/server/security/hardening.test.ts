import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import type { InjectOptions } from 'fastify';
import { afterEach, describe, it } from 'node:test';
import { pino } from 'pino';
import { createLoop } from '../../../src/app/loop.js';
import { ConfigSchema } from '../../../src/core/config.js';
import { buildApiServerWithAccess } from '../../../src/server/api-server.js';
import { ensureFirstAdmin } from '../../../src/server/auth/first-admin.js';
import { webhookSignature } from '../../../src/server/webhook-signature.js';
import { openSqliteStore } from '../../../src/store/sqlite/index.js';
import { FIXED_NOW, startHarness, type Harness } from '../harness.js';
import { ADMIN_PASSWORD, startSecuredHarness } from './secured-harness.js';

const EVENT = { name: 'HighLatency', service: 'checkout', severity: 'critical', summary: 'p99 over 2s', time: '2030-01-01T00:00:00Z' };

describe('hardening', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it('sends security headers with a CSP the UI runs under, and HSTS only over TLS', async () => {
    h = await startSecuredHarness({ api: { trustProxy: true } });
    const plain = await h.app.inject({ url: '/healthz' });
    const csp = String(plain.headers['content-security-policy']);
    for (const directive of ["default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data:", "connect-src 'self'", "frame-ancestors 'none'"]) {
      assert.ok(csp.includes(directive), `CSP lacks ${directive}: ${csp}`);
    }
    assert.ok(!csp.includes('upgrade-insecure-requests'), 'plain-HTTP installs must keep working');
    assert.equal(plain.headers['x-content-type-options'], 'nosniff');
    assert.equal(plain.headers['x-frame-options'], 'SAMEORIGIN');
    assert.equal(plain.headers['strict-transport-security'], undefined);
    // Errors carry them too.
    assert.equal((await h.app.inject({ url: '/api/v1/incidents' })).headers['x-content-type-options'], 'nosniff');

    const tls = await h.app.inject({ url: '/healthz', headers: { 'x-forwarded-proto': 'https' } });
    assert.match(String(tls.headers['strict-transport-security']), /^max-age=\d+/);
  });

  it('limits requests per token and per address with 429 and Retry-After', async () => {
    const s = await startSecuredHarness({ auth: { rateLimit: { perTokenPerMinute: 3, perAddressPerMinute: 2 } } });
    h = s;
    const alice = s.person('alice', 'responder', ['read']);
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await s.app.inject({ url: '/api/v1/incidents', headers: alice })).statusCode);
    assert.deepEqual(statuses, [200, 200, 200, 429]);
    const limited = await s.app.inject({ url: '/api/v1/incidents', headers: alice });
    assert.equal(limited.json<{ code: string }>().code, 'OPS_ERR_RATE_LIMITED');
    assert.ok(Number(limited.headers['retry-after']) > 0);
    // Another token has its own budget, even from the same address.
    assert.equal((await s.app.inject({ url: '/api/v1/incidents', headers: s.admin })).statusCode, 200);

    const fromAddress = (remoteAddress: string) => s.app.inject({ url: '/healthz', remoteAddress });
    assert.deepEqual([(await fromAddress('10.0.0.9')).statusCode, (await fromAddress('10.0.0.9')).statusCode], [200, 200]);
    const blocked = await fromAddress('10.0.0.9');
    assert.equal(blocked.statusCode, 429);
    assert.ok(Number(blocked.headers['retry-after']) > 0);
    assert.equal((await fromAddress('10.0.0.10')).statusCode, 200);
  });

  it('locks out a brute-forced login: even the right password is refused during the lock', async () => {
    h = await startSecuredHarness({ auth: { lockout: { maxFailures: 3, baseSeconds: 60, maxSeconds: 600 } } });
    const login = (password: string) => h!.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { user: 'admin', password } });
    for (let i = 0; i < 3; i++) assert.equal((await login(`guess-number-${i}`)).statusCode, 401);
    const locked = await login(ADMIN_PASSWORD);
    assert.equal(locked.statusCode, 429);
    assert.ok(Number(locked.headers['retry-after']) > 0);
    assert.equal(locked.headers['set-cookie'], undefined);
  });

  it('refuses a body over api.bodyLimitBytes with 413 before authenticating it', async () => {
    const s = await startSecuredHarness({ api: { bodyLimitBytes: 1024 } });
    h = s;
    const response = await s.app.inject({ method: 'POST', url: '/api/v1/tokens', headers: s.admin, payload: { name: 'x'.repeat(2000), scopes: ['read'] } });
    assert.equal(response.statusCode, 413);
    assert.equal(response.json<{ code: string }>().code, 'OPS_ERR_BODY_TOO_LARGE');
  });

  it('never writes tokens or passwords to the log or echoes them in replies', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString('utf8'));
        done();
      },
    });
    const config = ConfigSchema.parse({ auth: { enabled: true, admin: { id: 'admin', password: ADMIN_PASSWORD } } });
    const store = openSqliteStore({ path: ':memory:' });
    const engine = createLoop({ config, store, now: () => FIXED_NOW });
    const { app, authenticator } = await buildApiServerWithAccess({ engine, config, now: () => FIXED_NOW, logger: pino({ level: 'trace' }, sink) });
    try {
      await ensureFirstAdmin(authenticator, store.notify, config.auth, 'http://localhost:7070');
      const { secret } = authenticator.createToken({ name: 'ops', scopes: ['admin'], ownerId: 'admin', createdBy: 'admin' });
      const bearer = { authorization: `Bearer ${secret}` };

      const replies: string[] = [];
      const send = async (options: InjectOptions) => {
        const response = await app.inject(options);
        replies.push(JSON.stringify(response.headers), response.body);
        return response;
      };
      // A wrong password, a malformed body holding a password, a too-long one, and a token created and listed.
      await send({ method: 'POST', url: '/api/v1/auth/login', payload: { user: 'admin', password: 'wrong-password-7' } });
      const malformed = await send({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"user":"admin","password": hunter2-in-bad-json}' });
      assert.equal(malformed.statusCode, 400);
      await send({ method: 'POST', url: '/api/v1/auth/login', payload: { user: 'admin', password: `long-secret-${'z'.repeat(1100)}` } });
      const created = await send({ method: 'POST', url: '/api/v1/tokens', headers: bearer, payload: { name: 'ci', scopes: ['read'] } });
      const newSecret = created.json<{ secret: string }>().secret;
      await send({ url: '/api/v1/tokens', headers: bearer });
      await send({ url: `/api/v1/incidents?token=${newSecret}`, headers: { cookie: `opsloop_session=${secret}` } });
      // What a plugin or route would log about a request goes through the same redaction.
      app.log.info({ req: { headers: { authorization: `Bearer ${secret}`, cookie: 'opsloop_session=cookie-secret-1' } }, body: { password: ADMIN_PASSWORD } }, 'request seen');

      const afterCreate = replies.slice(replies.indexOf(created.body) + 1).join('\n');
      assert.ok(!afterCreate.includes(newSecret), 'a token secret is shown only once');
      const allReplies = replies.join('\n');
      for (const value of ['wrong-password-7', 'hunter2-in-bad-json', 'long-secret-', secret, ADMIN_PASSWORD]) {
        assert.ok(!allReplies.includes(value), `a reply echoes ${value}`);
      }
      const log = lines.join('');
      assert.ok(log.includes('request seen'), 'the logger was used');
      for (const value of [secret, newSecret, 'cookie-secret-1', ADMIN_PASSWORD, 'wrong-password-7', 'hunter2-in-bad-json']) {
        assert.ok(!log.includes(value), `the log holds ${value}`);
      }
    } finally {
      await app.close();
      await engine.close();
      store.close();
    }
  });

  describe('webhook signatures', () => {
    const SECRET = 'alertmanager-hmac-secret-1';
    const post = (body: string, signature?: string) =>
      h!.app.inject({
        method: 'POST',
        url: '/api/v1/events',
        headers: { 'content-type': 'application/json', ...(signature === undefined ? {} : { 'x-opsloop-signature': signature }) },
        payload: body,
      });

    it('accepts a body signed with the integration\'s secret and refuses a missing or wrong signature', async () => {
      h = await startHarness({ config: { auth: { enabled: false, webhookSecrets: { events: SECRET } } } });
      const body = JSON.stringify(EVENT);
      assert.equal((await post(body, webhookSignature(SECRET, body))).statusCode, 202);

      const missing = await post(body);
      assert.equal(missing.statusCode, 401);
      assert.match(missing.json<{ message: string }>().message, /x-opsloop-signature/);
      assert.equal((await post(body, webhookSignature('another-secret-of-16', body))).statusCode, 401);
      // Signed, then altered on the way.
      const altered = JSON.stringify({ ...EVENT, severity: 'info' });
      assert.equal((await post(altered, webhookSignature(SECRET, body))).statusCode, 401);
    });

    it('leaves receivers without a configured secret alone', async () => {
      h = await startHarness({ config: { auth: { enabled: false, webhookSecrets: { alertmanager: SECRET } } } });
      assert.equal((await post(JSON.stringify(EVENT))).statusCode, 202);
    });
  });
});
