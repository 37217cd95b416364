/** Silences and maintenance windows through the public API: validation, preview, muting, expiry, audit. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AlertListResponseSchema } from '../../../src/core/api.js';
import type { Alert } from '../../../src/core/records.js';
import { AuditListResponseSchema, SilenceListResponseSchema, SilencePreviewResponseSchema, SilenceResponseSchema } from '../../../src/core/silence-api.js';
import { rawFixture as alertmanagerFixture } from '../../ingest/alertmanager/fixtures.js';
import { FIXED_NOW, startHarness, type Harness } from '../harness.js';

const MIN = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

describe('/api/v1/silences', () => {
  let h: Harness;
  let clock = FIXED_NOW;
  before(async () => {
    h = await startHarness({ now: () => clock });
  });
  after(() => h.close());

  const createSilence = (body: object) => h.app.inject({ method: 'POST', url: '/api/v1/silences', payload: body });
  const sendEvents = async (events: object[]) => {
    assert.equal((await h.app.inject({ method: 'POST', url: '/api/v1/events', payload: events })).statusCode, 202);
  };
  const alertNamed = async (name: string): Promise<Alert | undefined> =>
    AlertListResponseSchema.parse((await h.app.inject({ url: '/api/v1/alerts?limit=1000' })).json()).alerts.find((a) => a.name === name);
  const valid = { matchers: [{ name: 'service', op: '=', value: 'search' }], reason: 'reindex', createdBy: 'ana', endsAt: iso(FIXED_NOW + 60 * MIN) };

  it('rejects bad silences with a 400 that says what is wrong', async () => {
    const cases: Array<[object, RegExp]> = [
      [{ ...valid, reason: ' ' }, /reason.*needs a reason/],
      [{ ...valid, createdBy: undefined }, /createdBy/],
      [{ ...valid, matchers: [] }, /matchers.*at least one matcher/],
      [{ ...valid, matchers: [{ name: 'pod', op: '=~', value: 'web-(' }] }, /pod=~"web-\(": not a valid regular expression/],
      [{ ...valid, matchers: [{ name: 'pod', op: '~', value: 'x' }] }, /matchers\[0\]\.op/],
      [{ ...valid, matchers: [{ name: 'team', op: '=~', value: '.*' }] }, /would mute every alert/],
      [{ ...valid, endsAt: iso(FIXED_NOW - MIN) }, /endsAt .* is in the past/],
      [{ ...valid, startsAt: iso(FIXED_NOW + 120 * MIN) }, /endsAt .* must be after startsAt/],
      [{ ...valid, endsAt: 'tomorrow' }, /endsAt.*RFC 3339/],
      [{ ...valid, kind: 'maintenance', matchers: [{ name: 'team', op: '=', value: 'x' }] }, /maintenance window is scoped to services/],
    ];
    for (const [body, message] of cases) {
      const response = await createSilence(body);
      assert.equal(response.statusCode, 400, JSON.stringify(body));
      assert.match(response.json<{ message: string }>().message, message);
    }
  });

  it('previews which firing alerts and which recent signals it would mute, storing nothing', async () => {
    await sendEvents([
      { name: 'slow queries', service: 'search', labels: { env: 'prod' }, time: clock - MIN },
      { name: 'slow queries', service: 'search', labels: { env: 'dev' }, time: clock - MIN },
      { name: 'slow queries', service: 'cart', labels: { env: 'prod' }, time: clock - MIN },
    ]);
    const response = await h.app.inject({
      method: 'POST',
      url: '/api/v1/silences/preview',
      payload: { matchers: [{ name: 'service', op: '=~', value: 'sea.*' }, { name: 'env', op: '!=', value: 'dev' }] },
    });
    assert.equal(response.statusCode, 200, response.body);
    const preview = SilencePreviewResponseSchema.parse(response.json());
    assert.deepEqual(preview.alerts.map((a) => `${a.service}/${a.labels['env']}`), ['search/prod']);
    assert.deepEqual(preview.signals.map((s) => `${s.service}/${s.labels['env']}`), ['search/prod']);
    assert.ok(preview.checkedSignals >= 3);
    assert.equal(SilenceListResponseSchema.parse((await h.app.inject({ url: '/api/v1/silences' })).json()).silences.length, 0);
  });

  it('keeps a silenced signal as an alert with silencedBy that joins no incident, until the silence expires', async () => {
    const created = await createSilence({ ...valid, matchers: [{ name: 'service', op: '=', value: 'mail' }] });
    assert.equal(created.statusCode, 201, created.body);
    const { silence } = SilenceResponseSchema.parse(created.json());
    assert.equal(silence.state, 'active');

    await sendEvents([{ name: 'bounces up', service: 'mail', time: clock }]);
    const muted = await alertNamed('bounces up');
    assert.deepEqual(muted?.silencedBy, [silence.id]);
    assert.equal(muted?.incidentId, undefined, 'a silenced alert opens no incident');
    const listed = AlertListResponseSchema.parse((await h.app.inject({ url: '/api/v1/alerts?silenced=true' })).json()).alerts;
    assert.ok(listed.some((alert) => alert.id === muted?.id));

    clock += 5 * MIN;
    const expired = await h.app.inject({ method: 'DELETE', url: `/api/v1/silences/${silence.id}?by=ben` });
    assert.equal(expired.statusCode, 200);
    assert.equal(SilenceResponseSchema.parse(expired.json()).silence.state, 'expired');
    const released = await alertNamed('bounces up');
    assert.equal(released?.silencedBy, undefined);
    assert.ok(released?.incidentId, 'still firing when the silence ended: it joins an incident then');

    const again = await h.app.inject({ method: 'DELETE', url: `/api/v1/silences/${silence.id}?by=ben` });
    assert.equal(again.statusCode, 200, 'expiring an expired silence is a no-op');
    const audit = AuditListResponseSchema.parse((await h.app.inject({ url: `/api/v1/audit?subjectKind=silence&subjectId=${silence.id}` })).json());
    // The silence book's own entries, under the names people gave …
    const book = audit.entries.filter((e) => e.route === undefined);
    assert.deepEqual(book.map((e) => `${e.action} by ${e.actor}`), ['silence.expire by ben', 'silence.create by ana']);
    assert.match(book[1]?.detail ?? '', /service="mail".*reindex/);
    // … and the API's, under the caller's identity (anonymous: authentication is off here), for each request.
    const api = audit.entries.filter((e) => e.route !== undefined);
    assert.deepEqual(api.map((e) => `${e.action} ${e.detail}`), ['silence.expire unchanged', 'silence.expire changed endsMs, expiredBy', 'silence.create created']);
  });

  it('lets a silence take effect when it ends on its own (the sweep, on the fake clock)', async () => {
    const { silence } = SilenceResponseSchema.parse(
      (await createSilence({ ...valid, matchers: [{ name: 'alertname', op: '=', value: 'HighErrorRate' }], endsAt: clock + 10 * MIN })).json(),
    );
    const post = await h.app.inject({ method: 'POST', url: '/api/v1/integrations/alertmanager', payload: alertmanagerFixture('firing-critical.json') as object });
    assert.equal(post.statusCode, 200);
    const held = h.store.alerts.byFingerprint('3f1c2f0d8e4b6a91');
    assert.deepEqual(held?.silencedBy, [silence.id]);
    assert.equal(held?.incidentId, undefined);
    clock += 11 * MIN;
    h.engine.sweepAlerts();
    const live = h.store.alerts.byFingerprint('3f1c2f0d8e4b6a91');
    assert.equal(live?.silencedBy, undefined);
    assert.ok(live?.incidentId);
    const { silences } = SilenceListResponseSchema.parse((await h.app.inject({ url: '/api/v1/silences?state=expired' })).json());
    assert.ok(silences.some((s) => s.id === silence.id));
  });

  it('scopes a one-off maintenance window to a service, from its start to its end', async () => {
    const response = await createSilence({
      kind: 'maintenance',
      matchers: [{ name: 'service', op: '=', value: 'ledger' }],
      reason: 'database upgrade',
      createdBy: 'ops',
      startsAt: clock + 60 * MIN,
      endsAt: clock + 120 * MIN,
    });
    assert.equal(response.statusCode, 201, response.body);
    const { silence } = SilenceResponseSchema.parse(response.json());
    assert.equal(silence.state, 'pending');
    await sendEvents([{ name: 'before window', service: 'ledger', time: clock }]);
    await sendEvents([{ name: 'in window', service: 'ledger', time: clock + 90 * MIN }]);
    await sendEvents([{ name: 'other service', service: 'cart', time: clock + 90 * MIN }]);
    assert.equal((await alertNamed('before window'))?.silencedBy, undefined);
    assert.deepEqual((await alertNamed('in window'))?.silencedBy, [silence.id]);
    assert.equal((await alertNamed('other service'))?.silencedBy, undefined);
  });

  it('answers 404 for an unknown silence and 400 for an expire without who', async () => {
    assert.equal((await h.app.inject({ method: 'DELETE', url: '/api/v1/silences/sil_nope?by=ana' })).statusCode, 404);
    assert.equal((await h.app.inject({ url: '/api/v1/silences/sil_nope' })).statusCode, 404);
    const noWho = await h.app.inject({ method: 'DELETE', url: '/api/v1/silences/sil_nope' });
    assert.equal(noWho.statusCode, 400);
    assert.match(noWho.json<{ message: string }>().message, /by/);
  });
});
