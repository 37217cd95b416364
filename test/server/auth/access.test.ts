/**
 * Attempts to get past access control (issue 7): missing, expired, revoked and wrong-scope
 * tokens; another team's incident by id; a cookie-authenticated change without its CSRF token;
 * brute-force sign-in; secrets in replies; the setup link; the OTLP receiver.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { IncidentListResponseSchema } from '../../../src/core/api.js';
import { IncidentStatsResponseSchema } from '../../../src/core/incident-api.js';
import { WhoAmISchema } from '../../../src/core/access-api.js';
import type { Incident } from '../../../src/core/records.js';
import { ensureFirstAdmin } from '../../../src/server/auth/first-admin.js';
import { buildOtlpReceiver } from '../../../src/server/otlp-receiver.js';
import { bearer, PASSWORD, startAuthHarness, type AuthHarness } from './auth-harness.js';

const HOUR = 3_600_000;

async function raiseFor(h: AuthHarness, service: string, time: string): Promise<Incident> {
  const sent = await h.app.inject({
    method: 'POST',
    url: '/api/v1/events',
    headers: bearer(h.tokens.ingest),
    payload: { name: `${service} errors`, service, severity: 'critical', time },
  });
  assert.equal(sent.statusCode, 202, sent.body);
  await h.engine.settle();
  const { incidents } = IncidentListResponseSchema.parse((await h.app.inject({ url: '/api/v1/incidents?limit=100', headers: bearer(h.tokens.admin) })).json());
  const incident = incidents.find((candidate) => candidate.services.includes(service));
  assert.ok(incident);
  return incident;
}

async function login(h: AuthHarness, user: string, password: string) {
  return h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { user, password } });
}

function sessionCookie(response: { cookies: Array<{ name: string; value: string }> }): string {
  const cookie = response.cookies.find((c) => c.name === 'opsloop_session');
  assert.ok(cookie, 'no session cookie');
  return `opsloop_session=${cookie.value}`;
}

describe('access control', () => {
  let h: AuthHarness;
  before(async () => {
    h = await startAuthHarness({ auth: { lockout: { maxFailures: 3, baseSeconds: 60, maxSeconds: 600 } } });
  });
  after(() => h.close());

  it('refuses a request without credentials with 401 and how to authenticate', async () => {
    const response = await h.app.inject({ url: '/api/v1/incidents' });
    assert.equal(response.statusCode, 401);
    assert.equal(response.headers['www-authenticate'], 'Bearer realm="opsloop"');
    assert.equal(response.json().code, 'OPS_ERR_UNAUTHENTICATED');
    assert.match(response.json().message, /Authorization: Bearer/);
  });

  it('refuses unknown, malformed, expired and revoked tokens', async () => {
    assert.match((await h.app.inject({ url: '/api/v1/incidents', headers: bearer('olp_tok_nope') })).json().message, /unknown token/);
    assert.equal((await h.app.inject({ url: '/api/v1/incidents', headers: { authorization: 'Basic abc' } })).statusCode, 401);

    const created = await h.app.inject({ method: 'POST', url: '/api/v1/tokens', headers: bearer(h.tokens.viewer), payload: { name: 'short', scopes: ['read'], expiresInDays: 1 } });
    assert.equal(created.statusCode, 201, created.body);
    const { secret, token } = created.json() as { secret: string; token: { id: string } };
    assert.equal((await h.app.inject({ url: '/api/v1/incidents', headers: bearer(secret) })).statusCode, 200);
    h.clock.now += 25 * HOUR;
    const expired = await h.app.inject({ url: '/api/v1/incidents', headers: bearer(secret) });
    h.clock.now -= 25 * HOUR;
    assert.equal(expired.statusCode, 401);
    assert.match(expired.json().message, /expired/);

    const revoked = await h.app.inject({ method: 'DELETE', url: `/api/v1/tokens/${token.id}`, headers: bearer(h.tokens.viewer) });
    assert.equal(revoked.statusCode, 200, revoked.body);
    const after = await h.app.inject({ url: '/api/v1/incidents', headers: bearer(secret) });
    assert.equal(after.statusCode, 401);
    assert.match(after.json().message, /revoked/);
  });

  it('refuses tokens outside their scope, and never grants a token more than its owner', async () => {
    const silence = { matchers: [{ name: 'service', value: 'checkout', type: '=' }], reason: 'deploy', createdBy: 'viewer', startsAt: '2030-01-01T00:00:00Z', endsAt: '2030-01-01T01:00:00Z' };
    const viewerWrite = await h.app.inject({ method: 'POST', url: '/api/v1/silences', headers: bearer(h.tokens.viewer), payload: silence });
    assert.equal(viewerWrite.statusCode, 403);
    assert.match(viewerWrite.json().message, /"respond" permission/);
    assert.equal((await h.app.inject({ url: '/api/v1/incidents', headers: bearer(h.tokens.ingest) })).statusCode, 403);
    assert.equal((await h.app.inject({ method: 'POST', url: '/api/v1/users', headers: bearer(h.tokens.responder), payload: { id: 'eve', name: 'Eve', role: 'admin' } })).statusCode, 403);

    const escalate = await h.app.inject({ method: 'POST', url: '/api/v1/tokens', headers: bearer(h.tokens.viewer), payload: { name: 'more', scopes: ['admin'] } });
    assert.equal(escalate.statusCode, 403);
    assert.match(escalate.json().message, /role \(viewer\) does not include admin/);
    // Even a token stored with admin scope acts only within its owner's role.
    const forged = h.authenticator.createToken({ name: 'forged', scopes: ['admin'], ownerId: 'viewer', createdBy: 'test' }).secret;
    assert.equal((await h.app.inject({ method: 'POST', url: '/api/v1/teams', headers: bearer(forged), payload: { id: 't', name: 'T' } })).statusCode, 403);
    assert.equal((await h.app.inject({ url: '/api/v1/incidents', headers: bearer(forged) })).statusCode, 200);
  });

  it("hides another team's incidents and services, by list and by id", async () => {
    h.store.catalog.save('ledger', { ownerTeam: 'finance', runbooks: [] }, h.clock.now);
    h.store.catalog.save('checkout', { ownerTeam: 'payments', runbooks: [] }, h.clock.now);
    const theirs = await raiseFor(h, 'ledger', '2030-01-01T00:00:00Z');
    const ours = await raiseFor(h, 'checkout', '2030-01-01T06:00:00Z');

    const list = IncidentListResponseSchema.parse((await h.app.inject({ url: '/api/v1/incidents', headers: bearer(h.tokens.responder) })).json());
    assert.deepEqual(list.incidents.map((i) => i.id), [ours.id]);
    for (const url of [`/api/v1/incidents/${theirs.id}`, `/api/v1/incidents/${theirs.id}/alerts`, '/api/v1/catalog/ledger']) {
      const response = await h.app.inject({ url, headers: bearer(h.tokens.responder) });
      assert.equal(response.statusCode, 404, url);
    }
    const ack = await h.app.inject({ method: 'POST', url: `/api/v1/incidents/${theirs.id}/acknowledge`, headers: bearer(h.tokens.responder), payload: {} });
    assert.equal(ack.statusCode, 404);
    const merge = await h.app.inject({ method: 'POST', url: `/api/v1/incidents/${ours.id}/merge`, headers: bearer(h.tokens.responder), payload: { into: theirs.id } });
    assert.equal(merge.statusCode, 404);
    assert.equal((await h.app.inject({ url: `/api/v1/incidents/${ours.id}`, headers: bearer(h.tokens.responder) })).statusCode, 200);
    assert.equal((await h.app.inject({ url: `/api/v1/incidents/${theirs.id}`, headers: bearer(h.tokens.admin) })).statusCode, 200);
    const catalog = (await h.app.inject({ url: '/api/v1/catalog', headers: bearer(h.tokens.viewer) })).json() as { services: Array<{ service: string }> };
    assert.ok(!catalog.services.some((s) => s.service === 'ledger'));
    const newer = await h.app.inject({ method: 'POST', url: '/api/v1/events', headers: bearer(h.tokens.ingest), payload: { name: 'ledger latency', service: 'ledger', severity: 'warning', time: '2030-01-01T07:00:00Z' } });
    assert.equal(newer.statusCode, 202, newer.body);
    await h.engine.settle();
    const alerts = (await h.app.inject({ url: '/api/v1/alerts?limit=1', headers: bearer(h.tokens.viewer) })).json() as { alerts: Array<{ service?: string }> };
    assert.deepEqual(alerts.alerts.map((a) => a.service), ['checkout'], "a page of the viewer's own alerts, read past the finance team's newer ones");
    const all = (await h.app.inject({ url: '/api/v1/alerts', headers: bearer(h.tokens.admin) })).json() as { alerts: Array<{ service?: string }> };
    assert.deepEqual(new Set(all.alerts.map((a) => a.service)), new Set(['ledger', 'checkout']));
    const stats = (who: string) => h.app.inject({ url: '/api/v1/incidents/stats?from=2029-12-31T00:00:00Z&to=2030-01-02T00:00:00Z', headers: bearer(who) });
    const seen = IncidentStatsResponseSchema.parse((await stats(h.tokens.viewer)).json());
    assert.equal(seen.count, 1, 'stats count only incidents the caller may see');
    assert.deepEqual(seen.byService.map((row) => row.service), ['checkout']);
    const everything = IncidentStatsResponseSchema.parse((await stats(h.tokens.admin)).json());
    assert.deepEqual(new Set(everything.byService.map((row) => row.service)), new Set(['ledger', 'checkout']));
  });

  it("hides runbook executions for another team's incident, and refuses to start one for it", async () => {
    h.store.catalog.save('vault', { ownerTeam: 'finance', runbooks: [] }, h.clock.now);
    const theirs = await raiseFor(h, 'vault', '2030-02-01T00:00:00Z');
    const source = 'id: gated-note\nname: Note, once approved\nsteps:\n  - { id: nap, type: wait, seconds: 0.01 }\n';
    assert.equal((await h.app.inject({ method: 'POST', url: '/api/v1/runbooks', headers: bearer(h.tokens.admin), payload: { source } })).statusCode, 201);
    const started = await h.app.inject({ method: 'POST', url: '/api/v1/runbooks/gated-note/executions', headers: bearer(h.tokens.admin), payload: { incidentId: theirs.id } });
    assert.equal(started.statusCode, 201, started.body);
    const { id } = started.json<{ execution: { id: string } }>().execution;

    const listed = (await h.app.inject({ url: '/api/v1/runbook-executions', headers: bearer(h.tokens.responder) })).json<{ executions: Array<{ id: string }> }>();
    assert.ok(!listed.executions.some((e) => e.id === id));
    assert.equal((await h.app.inject({ url: `/api/v1/runbook-executions/${id}`, headers: bearer(h.tokens.responder) })).statusCode, 404);
    const approve = await h.app.inject({ method: 'POST', url: `/api/v1/runbook-executions/${id}/approve`, headers: bearer(h.tokens.responder), payload: {} });
    assert.equal(approve.statusCode, 404);
    const start = await h.app.inject({ method: 'POST', url: '/api/v1/runbooks/gated-note/executions', headers: bearer(h.tokens.responder), payload: { incidentId: theirs.id } });
    assert.equal(start.statusCode, 404);
    assert.match(start.json<{ message: string }>().message, new RegExp(theirs.id));
    const admin = (await h.app.inject({ url: '/api/v1/runbook-executions', headers: bearer(h.tokens.admin) })).json<{ executions: Array<{ id: string }> }>();
    assert.ok(admin.executions.some((e) => e.id === id));
  });

  it('four eyes: whoever started an execution may not approve it, someone else may', async () => {
    const source = 'id: four-eyes\nname: Needs a second person\napproval: { fourEyes: true }\nsteps:\n  - { id: nap, type: wait, seconds: 0.01 }\n';
    assert.equal((await h.app.inject({ method: 'POST', url: '/api/v1/runbooks', headers: bearer(h.tokens.admin), payload: { source } })).statusCode, 201);
    const started = await h.app.inject({ method: 'POST', url: '/api/v1/runbooks/four-eyes/executions', headers: bearer(h.tokens.responder), payload: {} });
    assert.equal(started.statusCode, 201, started.body);
    const { id, approval, trigger } = started.json<{ execution: { id: string; approval: { notBy?: string }; trigger: { userId?: string } } }>().execution;
    assert.equal(approval.notBy, 'responder');
    assert.equal(trigger.userId, 'responder');
    const own = await h.app.inject({ method: 'POST', url: `/api/v1/runbook-executions/${id}/approve`, headers: bearer(h.tokens.responder), payload: {} });
    assert.equal(own.statusCode, 403);
    assert.match(own.json<{ message: string }>().message, /needs four eyes: responder started this execution, so someone else must approve it/);
    const other = await h.app.inject({ method: 'POST', url: `/api/v1/runbook-executions/${id}/approve`, headers: bearer(h.tokens.admin), payload: {} });
    assert.equal(other.statusCode, 200, other.body);
    assert.equal((await h.engine.runbooks.executions.ended(id)).status, 'succeeded');
  });

  it('needs the CSRF token for changes made with the session cookie', async () => {
    const signedIn = await login(h, 'responder', PASSWORD);
    assert.equal(signedIn.statusCode, 200, signedIn.body);
    const setCookie = String(signedIn.headers['set-cookie']);
    assert.match(setCookie, /HttpOnly/);
    assert.match(setCookie, /SameSite=Strict/);
    const who = WhoAmISchema.parse(signedIn.json());
    assert.ok(who.csrfToken);
    assert.ok(!signedIn.body.includes(sessionCookie(signedIn).split('=')[1] ?? '-'), 'the session secret is only in the cookie');
    const cookie = sessionCookie(signedIn);
    assert.equal((await h.app.inject({ url: '/api/v1/incidents', headers: { cookie } })).statusCode, 200);
    const payload = { name: 'mine', scopes: ['read'] };
    const without = await h.app.inject({ method: 'POST', url: '/api/v1/tokens', headers: { cookie }, payload });
    assert.equal(without.statusCode, 403);
    assert.match(without.json().message, /x-csrf-token/);
    const wrong = await h.app.inject({ method: 'POST', url: '/api/v1/tokens', headers: { cookie, 'x-csrf-token': 'guess' }, payload });
    assert.equal(wrong.statusCode, 403);
    const right = await h.app.inject({ method: 'POST', url: '/api/v1/tokens', headers: { cookie, 'x-csrf-token': who.csrfToken }, payload });
    assert.equal(right.statusCode, 201, right.body);

    const out = await h.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie, 'x-csrf-token': who.csrfToken } });
    assert.equal(out.statusCode, 200);
    assert.equal((await h.app.inject({ url: '/api/v1/incidents', headers: { cookie } })).statusCode, 401);
  });

  it('ends sessions when they expire', async () => {
    const cookie = sessionCookie(await login(h, 'viewer', PASSWORD));
    h.clock.now += 13 * HOUR;
    const response = await h.app.inject({ url: '/api/v1/auth/session', headers: { cookie } });
    h.clock.now -= 13 * HOUR;
    assert.equal(response.statusCode, 401);
    assert.match(response.json().message, /expired/);
  });

  it('locks a name out after repeated failures, even for the right password, then lets it in', async () => {
    for (let i = 0; i < 3; i++) assert.equal((await login(h, 'admin', 'wrong password!')).statusCode, 401);
    const locked = await login(h, 'admin', PASSWORD);
    assert.equal(locked.statusCode, 429);
    assert.equal(locked.headers['retry-after'], '60');
    assert.equal((await login(h, 'nobody', 'whatever password')).statusCode, 401, 'an unknown name fails like a wrong password');
    h.clock.now += 61_000;
    assert.equal((await login(h, 'admin', PASSWORD)).statusCode, 200);
  });

  it('never returns a token secret after creation', async () => {
    const created = await h.app.inject({ method: 'POST', url: '/api/v1/tokens', headers: bearer(h.tokens.admin), payload: { name: 'collector 2', scopes: ['ingest'], integration: true } });
    const { secret } = created.json() as { secret: string };
    assert.match(secret, /^olp_tok_/);
    const listed = await h.app.inject({ url: '/api/v1/tokens', headers: bearer(h.tokens.admin) });
    assert.equal(listed.statusCode, 200);
    assert.ok(!listed.body.includes(secret));
    assert.ok(!listed.body.includes(h.tokens.viewer));
    assert.ok(listed.json().tokens.some((t: { name: string }) => t.name === 'collector 2'));
  });

  it('accepts an ingest key in the URL on ingest routes only', async () => {
    const event = { name: 'url token', service: 'search', severity: 'warning', time: '2030-01-01T07:00:00Z' };
    const viaUrl = await h.app.inject({ method: 'POST', url: `/api/v1/events?token=${h.tokens.ingest}`, payload: event });
    assert.equal(viaUrl.statusCode, 202, viaUrl.body);
    assert.equal((await h.app.inject({ url: `/api/v1/incidents?token=${h.tokens.admin}` })).statusCode, 401);
  });
});

describe('first start', () => {
  it('prints a one-time setup link that creates the first admin', async () => {
    const h = await startAuthHarness();
    try {
      for (const id of ['viewer', 'responder', 'admin']) h.store.notify.delete('user', id);
      assert.equal((await h.app.inject({ url: '/api/v1/auth/status' })).json().setupRequired, true);
      const link = await ensureFirstAdmin(h.authenticator, h.store.notify, { ...h.authenticator.settings }, 'http://ops.example');
      assert.ok(link);
      const token = new URL(link.replace('#/setup', 'setup')).searchParams.get('token') ?? '';
      const body = { setupToken: token, user: { id: 'root', name: 'Root' }, password: 'a long first password' };
      const setup = await h.app.inject({ method: 'POST', url: '/api/v1/auth/setup', payload: body });
      assert.equal(setup.statusCode, 200, setup.body);
      assert.equal(WhoAmISchema.parse(setup.json()).role, 'admin');
      assert.equal((await h.app.inject({ method: 'POST', url: '/api/v1/auth/setup', payload: body })).statusCode, 401, 'the link works once');
      assert.equal((await h.app.inject({ url: '/api/v1/auth/status' })).json().setupRequired, false);
    } finally {
      await h.close();
    }
  });

  it('creates the configured admin without a link', async () => {
    const h = await startAuthHarness({ auth: { admin: { id: 'ops', password: 'configured password' } } });
    try {
      const link = await ensureFirstAdmin(h.authenticator, h.store.notify, h.authenticator.settings, 'http://x');
      assert.equal(link, undefined);
      assert.equal((await login(h, 'ops', 'configured password')).statusCode, 200);
    } finally {
      await h.close();
    }
  });
});

describe('OTLP receiver', () => {
  it('takes telemetry only with an ingest token', async () => {
    const h = await startAuthHarness();
    const otlp = buildOtlpReceiver({ sink: h.engine.telemetry, bodyLimitBytes: 1_000_000, authenticator: h.authenticator });
    try {
      const payload = { resourceMetrics: [] };
      const post = (headers: Record<string, string>) => otlp.inject({ method: 'POST', url: '/v1/metrics', headers: { 'content-type': 'application/json', ...headers }, payload });
      assert.equal((await post({})).statusCode, 401);
      assert.equal((await post(bearer(h.tokens.viewer))).statusCode, 403);
      assert.equal((await post(bearer(h.tokens.ingest))).statusCode, 200);
      assert.equal((await post(bearer(h.tokens.admin))).statusCode, 200);
    } finally {
      await otlp.close();
      await h.close();
    }
  });
});
