import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { AuditListResponseSchema, type AuditEntry } from '../../../src/core/silence-api.js';
import { ADMIN_PASSWORD, startSecuredHarness, type SecuredHarness } from './secured-harness.js';

const AGENT = { 'user-agent': 'audit-test/1.0' };

async function audit(h: SecuredHarness, query = ''): Promise<{ entries: AuditEntry[]; nextCursor?: number | undefined; text: string }> {
  const response = await h.app.inject({ url: `/api/v1/audit${query}`, headers: h.admin });
  assert.equal(response.statusCode, 200, response.body);
  return { ...AuditListResponseSchema.parse(response.json()), text: response.body };
}

describe('audit trail', () => {
  let h: SecuredHarness;
  let dir: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'opsloop-audit-'));
    h = await startSecuredHarness({}, { storePath: join(dir, 'store.db') });
  });
  after(async () => {
    await h.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('records a change with who, from where, before and after', async () => {
    const first = await h.app.inject({ method: 'PUT', url: '/api/v1/catalog/checkout', headers: { ...h.admin, ...AGENT }, payload: { ownerTeam: 'payments', tier: 2 } });
    assert.equal(first.statusCode, 200, first.body);
    const second = await h.app.inject({ method: 'PUT', url: '/api/v1/catalog/checkout', headers: { ...h.admin, ...AGENT }, payload: { ownerTeam: 'shop', tier: 1 } });
    assert.equal(second.statusCode, 200, second.body);

    const { entries } = await audit(h, '?action=catalog');
    assert.equal(entries.length, 2);
    const [edit, create] = entries;
    assert.ok(edit && create);
    assert.equal(create.detail, 'created');
    assert.equal(create.before, undefined);
    assert.deepEqual(create.after, { ownerTeam: 'payments', tier: 2, runbooks: [] });
    assert.deepEqual(edit.before, { ownerTeam: 'payments', tier: 2, runbooks: [] });
    assert.deepEqual(edit.after, { ownerTeam: 'shop', tier: 1, runbooks: [] });
    assert.equal(edit.detail, 'changed ownerTeam, tier');
    assert.equal(edit.action, 'catalog.edit');
    assert.equal(edit.subjectKind, 'service');
    assert.equal(edit.subjectId, 'checkout');
    assert.equal(edit.route, 'PUT /api/v1/catalog/:service');
    assert.equal(edit.userId, 'admin');
    assert.match(edit.actor, /^admin/);
    assert.ok(edit.tokenId);
    assert.equal(edit.address, '127.0.0.1');
    assert.equal(edit.userAgent, 'audit-test/1.0');
    assert.equal(edit.status, 200);
  });

  it('takes a created record\'s id from the reply, and keeps the silence book\'s own entries readable', async () => {
    const created = await h.app.inject({
      method: 'POST',
      url: '/api/v1/silences',
      headers: h.admin,
      payload: { matchers: [{ name: 'service', op: '=', value: 'checkout' }], reason: 'deploy', createdBy: 'alice', endsAt: '2030-01-01T02:00:00Z' },
    });
    assert.equal(created.statusCode, 201, created.body);
    const id = created.json<{ silence: { id: string } }>().silence.id;
    const { entries } = await audit(h, `?subjectKind=silence&subjectId=${id}`);
    const fromApi = entries.find((entry) => entry.route !== undefined);
    const fromBook = entries.find((entry) => entry.route === undefined);
    assert.equal(fromApi?.action, 'silence.create');
    assert.equal((fromApi?.after as { id?: string } | undefined)?.id, id);
    assert.equal(fromApi?.status, 201);
    // Written by the silence book with only the original columns: still a valid entry.
    assert.equal(fromBook?.actor, 'alice');
    assert.equal(fromBook?.before, undefined);
  });

  it('records refused changes as access.denied, naming who was refused when known', async () => {
    const anonymous = await h.app.inject({ method: 'PUT', url: '/api/v1/catalog/cart', payload: { tier: 3 } });
    assert.equal(anonymous.statusCode, 401);
    const viewer = h.person('vera', 'viewer', ['read']);
    const forbidden = await h.app.inject({ method: 'PUT', url: '/api/v1/catalog/cart', headers: viewer, payload: { tier: 3 } });
    assert.equal(forbidden.statusCode, 403);

    const { entries } = await audit(h, '?action=access.denied');
    assert.deepEqual(
      entries.map((entry) => [entry.actor, entry.status, entry.route]),
      [
        ['vera (token vera-token)', 403, 'PUT /api/v1/catalog/:service'],
        ['anonymous', 401, 'PUT /api/v1/catalog/:service'],
      ],
    );
    assert.ok(entries.every((entry) => entry.after === undefined), 'the body of a refused change is not kept');
    assert.equal((await audit(h, '?subjectId=cart&action=catalog.edit')).entries.length, 0);
  });

  it('records failed sign-ins without the password tried', async () => {
    const wrong = await h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { user: 'admin', password: 'not-the-password-42' } });
    assert.equal(wrong.statusCode, 401);
    const right = await h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { user: 'admin', password: ADMIN_PASSWORD } });
    assert.equal(right.statusCode, 200);

    const { entries, text } = await audit(h, '?action=auth.login');
    assert.deepEqual(
      entries.map((entry) => [entry.action, entry.subjectId, entry.status]),
      [
        ['auth.login', 'admin', 200],
        ['auth.login.failed', 'admin', 401],
      ],
    );
    assert.equal((entries[1]?.after as { password?: string }).password, '********');
    assert.ok(!text.includes('not-the-password-42'));
    assert.ok(!text.includes(ADMIN_PASSWORD));
  });

  it('never keeps secrets: channel secrets, webhook URLs, token secrets, passwords', async () => {
    const channel = await h.app.inject({
      method: 'POST',
      url: '/api/v1/notifications/channels',
      headers: h.admin,
      payload: { id: 'ops-hook', name: 'Ops hook', type: 'webhook', url: 'https://hooks.example.com/in/abc?key=url-secret-123', secret: 'channel-secret-456', headers: { 'X-Api-Key': 'header-secret-789' } },
    });
    assert.equal(channel.statusCode, 201, channel.body);
    const slack = await h.app.inject({
      method: 'POST',
      url: '/api/v1/notifications/channels',
      headers: h.admin,
      payload: { id: 'slack', name: 'Slack', type: 'slack', url: 'https://hooks.slack.com/services/T0/B0/slack-path-secret' },
    });
    assert.equal(slack.statusCode, 201, slack.body);
    const token = await h.app.inject({ method: 'POST', url: '/api/v1/tokens', headers: h.admin, payload: { name: 'ci', scopes: ['read'] } });
    assert.equal(token.statusCode, 201, token.body);
    const tokenSecret = token.json<{ secret: string }>().secret;
    const password = await h.app.inject({ method: 'PUT', url: '/api/v1/users/admin/password', headers: h.admin, payload: { password: 'a-brand-new-password-99', currentPassword: ADMIN_PASSWORD } });
    assert.equal(password.statusCode, 200, password.body);

    const { entries, text } = await audit(h);
    for (const secret of ['url-secret-123', 'channel-secret-456', 'header-secret-789', 'slack-path-secret', tokenSecret, 'a-brand-new-password-99', ADMIN_PASSWORD]) {
      assert.ok(!text.includes(secret), `audit trail holds ${secret}`);
    }
    const hook = entries.find((entry) => entry.action === 'channel.create' && entry.subjectId === 'ops-hook');
    assert.deepEqual(hook?.after, {
      id: 'ops-hook',
      name: 'Ops hook',
      type: 'webhook',
      url: 'https://hooks.example.com/********',
      secret: '********',
      headers: { 'X-Api-Key': '********' },
      timeoutMs: 5000,
      retries: 3,
    });
    const created = entries.find((entry) => entry.action === 'token.create');
    assert.equal((created?.after as { name?: string }).name, 'ci');
    assert.equal(entries.find((entry) => entry.action === 'user.password')?.subjectId, 'admin');
  });

  it('does not audit reads or previews', async () => {
    const count = (await audit(h, '?limit=1000')).entries.length;
    await h.app.inject({ url: '/api/v1/silences', headers: h.admin });
    const preview = await h.app.inject({ method: 'POST', url: '/api/v1/silences/preview', headers: h.admin, payload: { matchers: [{ name: 'service', op: '=', value: 'x' }] } });
    assert.equal(preview.statusCode, 200, preview.body);
    assert.equal((await audit(h, '?limit=1000')).entries.length, count);
  });

  it('pages with a cursor and filters by actor and time', async () => {
    const all = (await audit(h, '?limit=1000')).entries;
    assert.ok(all.length >= 6);
    const seen: number[] = [];
    let query = '?limit=4';
    for (;;) {
      const page = await audit(h, query);
      seen.push(...page.entries.map((entry) => entry.id));
      if (page.nextCursor === undefined) break;
      query = `?limit=4&cursor=${page.nextCursor}`;
    }
    assert.deepEqual(seen, all.map((entry) => entry.id));

    const byAlice = (await audit(h, '?actor=alice')).entries;
    assert.ok(byAlice.length > 0 && byAlice.every((entry) => entry.actor === 'alice'));
    assert.equal((await audit(h, '?to=2029-12-31T23:59:59Z')).entries.length, 0);
    assert.equal((await audit(h, '?from=2030-01-01T00:00:00Z&limit=1000')).entries.length, all.length);
    const bad = await h.app.inject({ url: '/api/v1/audit?from=yesterday', headers: h.admin });
    assert.equal(bad.statusCode, 400);
  });

  it('refuses to update or delete audit rows, whoever writes to the database', () => {
    const db = new Database(join(dir, 'store.db'));
    try {
      assert.throws(() => db.prepare("UPDATE audit SET actor = 'mallory'").run(), /append-only/);
      assert.throws(() => db.prepare('DELETE FROM audit').run(), /append-only/);
      const rows = db.prepare("SELECT count(*) AS n FROM audit WHERE actor = 'mallory'").get() as { n: number };
      assert.equal(rows.n, 0);
    } finally {
      db.close();
    }
  });
});
