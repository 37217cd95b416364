import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { alertFingerprint } from '../../../src/ingest/pagerduty/index.js';
import { fixtureWithout, rawFixture } from '../../ingest/pagerduty/fixtures.js';
import { FIXED_NOW, startHarness, type Harness } from '../harness.js';

const URL = '/api/v1/integrations/pagerduty/v2/enqueue';
const KEY = 'samplekeyhere0123456789abcdef012';

describe('POST /api/v1/integrations/pagerduty/v2/enqueue', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.close());

  const post = (payload: unknown, url = URL) => h.app.inject({ method: 'POST', url, payload: payload as object });
  const alertOf = (dedupKey: string, routingKey = KEY) => h.store.alerts.byFingerprint(alertFingerprint(routingKey, dedupKey));

  it('walks trigger → alert in an incident → acknowledge → resolve, answering as PagerDuty does', async () => {
    const triggered = await post(rawFixture('trigger-full.json'));
    assert.equal(triggered.statusCode, 202);
    assert.deepEqual(triggered.json(), { status: 'success', message: 'Event processed', dedup_key: 'samplekeyhere' });
    await h.engine.settle();
    const alert = alertOf('samplekeyhere');
    assert.equal(alert?.status, 'firing');
    assert.equal(alert.service, 'mysql');
    assert.ok(alert.incidentId);
    const incidentId = alert.incidentId;
    assert.equal(h.store.incidents.get(incidentId)?.status, 'triggered');

    // PagerDuty's own path works the same, for tools whose base URL is swapped.
    const acknowledged = await post(rawFixture('acknowledge.json'), '/v2/enqueue');
    assert.equal(acknowledged.statusCode, 202);
    assert.equal(h.store.incidents.get(incidentId)?.status, 'acknowledged');
    assert.ok(h.store.incidents.timeline(incidentId).some((entry) => entry.kind === 'status' && /PagerDuty Events API/.test(entry.message)));

    // A second acknowledge is a no-op, not an error.
    assert.equal((await post(rawFixture('acknowledge.json'))).statusCode, 202);

    assert.equal((await post(rawFixture('resolve.json'))).statusCode, 202);
    await h.engine.settle();
    assert.equal(alertOf('samplekeyhere')?.status, 'resolved');
    assert.ok(h.store.incidents.timeline(incidentId).some((entry) => entry.kind === 'alert_resolved'));
  });

  it('folds a duplicate delivery of a trigger (same key, same time) into one alert, counted once', async () => {
    const first = await post(rawFixture('trigger-minimal.json'));
    const second = await post(rawFixture('trigger-minimal.json'));
    assert.equal(first.statusCode, 202);
    const dedupKey = first.json<{ dedup_key: string }>().dedup_key;
    assert.equal(second.json<{ dedup_key: string }>().dedup_key, dedupKey);
    await h.engine.settle();
    const alerts = h.store.alerts.list({ limit: 100 }).filter((alert) => alert.labels['dedup_key'] === dedupKey);
    assert.equal(alerts.length, 1);
    assert.equal(alerts[0]?.count, 1, 'a redelivery is idempotent (docs/alerts.md)');
    assert.equal(alerts[0]?.service, 'host1.example.com');
  });

  it('accepts acknowledge and resolve of an unknown dedup_key', async () => {
    for (const name of ['acknowledge.json', 'resolve.json']) {
      const response = await post({ ...rawFixture(name), dedup_key: `never-triggered-${name}` });
      assert.equal(response.statusCode, 202);
    }
    await h.engine.settle();
    assert.equal(alertOf('never-triggered-resolve.json'), undefined);
  });

  it('keeps a trigger that arrives after its resolve from opening an alert; a later problem still opens one', async () => {
    const dedupKey = 'out-of-order';
    assert.equal((await post({ ...rawFixture('resolve.json'), dedup_key: dedupKey })).statusCode, 202);
    const late = { ...rawFixture('trigger-full.json'), dedup_key: dedupKey };
    assert.equal((await post(late)).statusCode, 202);
    const unstamped = { ...rawFixture('trigger-minimal.json'), routing_key: KEY, dedup_key: dedupKey };
    assert.equal((await post(unstamped)).statusCode, 202);
    await h.engine.settle();
    assert.equal(alertOf(dedupKey), undefined);

    const payload = { ...(rawFixture('trigger-minimal.json')['payload'] as object), timestamp: new Date(FIXED_NOW + 3_600_000).toISOString() };
    assert.equal((await post({ ...unstamped, payload })).statusCode, 202);
    await h.engine.settle();
    assert.equal(alertOf(dedupKey)?.status, 'firing');
  });

  it('rejects bad events with PagerDuty\'s 400 and a message naming each field', async () => {
    const response = await post(fixtureWithout('resolve.json', 'dedup_key'));
    assert.equal(response.statusCode, 400);
    assert.deepEqual(response.json(), {
      status: 'invalid event',
      message: 'Event object is invalid: body.dedup_key: is required',
      errors: ['body.dedup_key: is required'],
    });

    const bad = await post({ ...rawFixture('trigger-minimal.json'), routing_key: 'short', payload: { source: 'h', severity: 'fatal' } });
    assert.equal(bad.statusCode, 400);
    const { errors } = bad.json<{ errors: string[] }>();
    assert.ok(errors.some((error) => /body\.routing_key: must be a 32-character integration key/.test(error)));
    assert.ok(errors.some((error) => /body\.payload\.summary/.test(error)));
    assert.ok(errors.some((error) => /body\.payload\.severity/.test(error)));

    const action = await post({ ...rawFixture('resolve.json'), event_action: 'snooze' });
    assert.match(action.json<{ message: string }>().message, /body\.event_action: must be "trigger", "acknowledge" or "resolve"/);
  });

  it('names an Events API v1 body and malformed JSON in the same 400 shape', async () => {
    const v1 = await post(rawFixture('events-v1-trigger.json'));
    assert.equal(v1.statusCode, 400);
    assert.match(v1.json<{ message: string }>().message, /Events API v1/);

    const broken = await h.app.inject({ method: 'POST', url: '/v2/enqueue', headers: { 'content-type': 'application/json' }, payload: '{"event_action":' });
    assert.equal(broken.statusCode, 400);
    assert.equal(broken.json<{ status: string }>().status, 'invalid event');
  });

  it('answers a wrong content type with opsloop\'s 415', async () => {
    const response = await h.app.inject({ method: 'POST', url: URL, headers: { 'content-type': 'text/plain' }, payload: 'hello' });
    assert.equal(response.statusCode, 415);
    assert.equal(response.json<{ code: string }>().code, 'OPS_ERR_UNSUPPORTED_MEDIA_TYPE');
  });
});

describe('PagerDuty resolve-before-trigger across a restart', () => {
  it('still drops the late trigger after opsloop restarts on the same store', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'opsloop-pagerduty-'));
    try {
      const storePath = join(dir, 'store.db');
      const first = await startHarness({ storePath });
      const resolve = await first.app.inject({ method: 'POST', url: URL, payload: { ...rawFixture('resolve.json'), dedup_key: 'restart' } });
      assert.equal(resolve.statusCode, 202);
      await first.close();

      const second = await startHarness({ storePath });
      try {
        const late = await second.app.inject({ method: 'POST', url: URL, payload: { ...rawFixture('trigger-full.json'), dedup_key: 'restart' } });
        assert.equal(late.statusCode, 202);
        await second.engine.settle();
        assert.equal(second.store.alerts.byFingerprint(alertFingerprint(KEY, 'restart')), undefined);
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('PagerDuty receiver with pagerduty.routingKeys configured', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ config: { pagerduty: { routingKeys: [KEY] } } });
  });
  after(() => h.close());

  it('accepts a listed key and rejects any other with a 400 naming the setting', async () => {
    const listed = await h.app.inject({ method: 'POST', url: URL, payload: rawFixture('trigger-full.json') });
    assert.equal(listed.statusCode, 202);
    const other = await h.app.inject({ method: 'POST', url: URL, payload: rawFixture('trigger-minimal.json') });
    assert.equal(other.statusCode, 400);
    assert.deepEqual(other.json<{ errors: string[] }>().errors, ['body.routing_key: not an integration key of this opsloop (pagerduty.routingKeys)']);
    await h.engine.settle();
    assert.equal(h.store.alerts.list({ limit: 10 }).length, 1);
  });
});
