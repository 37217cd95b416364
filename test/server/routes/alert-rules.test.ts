/**
 * The alert rules of docs/alerts.md through the public API: duplicate deliveries, flapping,
 * auto-resolve (on a fake clock) and resolve-before-trigger for each receiver.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { AlertListResponseSchema } from '../../../src/core/api.js';
import type { Alert } from '../../../src/core/records.js';
import { rawFixture as alertmanagerFixture } from '../../ingest/alertmanager/fixtures.js';
import { FIXED_NOW, startHarness, type Harness } from '../harness.js';

const MIN = 60_000;

describe('alert rules through the API', () => {
  let h: Harness;
  let clock = FIXED_NOW;
  before(async () => {
    h = await startHarness({ now: () => clock });
  });
  after(() => h.close());

  const sendEvents = async (events: object[]) => {
    const response = await h.app.inject({ method: 'POST', url: '/api/v1/events', payload: events });
    assert.equal(response.statusCode, 202, response.body);
  };
  const alerts = async (query = ''): Promise<Alert[]> =>
    AlertListResponseSchema.parse((await h.app.inject({ url: `/api/v1/alerts?limit=1000${query}` })).json()).alerts;
  const alertsNamed = async (name: string) => (await alerts()).filter((alert) => alert.name === name);

  it('counts a duplicate delivery once (same fingerprint, status and time)', async () => {
    const event = { name: 'disk full', service: 'db', time: FIXED_NOW - 10 * MIN };
    await sendEvents([event, event]);
    await sendEvents([event]);
    await sendEvents([{ ...event, time: FIXED_NOW - 9 * MIN }]);
    const [alert] = await alertsNamed('disk full');
    assert.equal(alert?.count, 2, 'three deliveries of one signal and one repeat');
  });

  it('keeps a flapping alert one alert in one incident, flagged with its reason, and lists it under ?flapping=true', async () => {
    const at = (minutes: number, status: 'firing' | 'resolved') => ({ name: 'link flaps', service: 'edge', status, time: FIXED_NOW - 30 * MIN + minutes * MIN });
    await sendEvents([at(0, 'firing'), at(1, 'resolved'), at(2, 'firing'), at(3, 'resolved'), at(4, 'firing'), at(5, 'resolved'), at(6, 'firing')]);
    const found = await alertsNamed('link flaps');
    assert.equal(found.length, 2, 'two episodes before it counted as flapping, then no more');
    const live = found.find((alert) => alert.status === 'firing');
    assert.equal(live?.flapping, true);
    assert.match(live?.flapReason ?? '', /state changed \d+ times/);
    assert.equal(new Set(found.map((alert) => alert.incidentId)).size, 1, 'one incident for all of it');
    assert.ok((await alerts('&flapping=true')).some((alert) => alert.id === live?.id));
    assert.ok(!(await alerts('&flapping=false')).some((alert) => alert.id === live?.id));
  });

  it('auto-resolves an event alert after its source has been silent for resolveAfter (30 min by default)', async () => {
    await sendEvents([{ name: 'cron missed', service: 'billing', time: clock }]);
    clock += 29 * MIN;
    h.engine.sweepAlerts();
    assert.equal((await alertsNamed('cron missed'))[0]?.status, 'firing');
    clock += 2 * MIN;
    h.engine.sweepAlerts();
    const [alert] = await alertsNamed('cron missed');
    assert.equal(alert?.status, 'resolved');
    assert.equal(alert?.endsMs, (alert?.startsMs ?? 0) + 30 * MIN, 'it ended when the timeout ran out, not when the sweep ran');
    assert.match(alert?.resolution ?? '', /no signal from source events for 30 min/);
  });

  it('remembers a generic resolve that arrives before its trigger', async () => {
    await sendEvents([{ name: 'batch late', dedupKey: 'batch-42', status: 'resolved', time: clock }]);
    await sendEvents([{ name: 'batch late', dedupKey: 'batch-42', time: clock - 5 * MIN }]);
    assert.equal((await alertsNamed('batch late')).length, 0);
    await sendEvents([{ name: 'batch late', dedupKey: 'batch-42', time: clock + 20 * MIN }]);
    assert.equal((await alertsNamed('batch late')).length, 1, 'a later problem opens an alert');
  });

  it('remembers an Alertmanager resolve that arrives before its firing, durably: across a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'opsloop-early-resolve-'));
    const storePath = join(dir, 'store.db');
    const post = (harness: Harness, payload: unknown) =>
      harness.app.inject({ method: 'POST', url: '/api/v1/integrations/alertmanager', payload: payload as object });
    try {
      const first = await startHarness({ storePath });
      assert.equal((await post(first, alertmanagerFixture('resolved.json'))).statusCode, 200);
      await first.close();
      const second = await startHarness({ storePath });
      assert.equal((await post(second, alertmanagerFixture('firing-critical.json'))).statusCode, 200);
      assert.equal(second.store.alerts.byFingerprint('3f1c2f0d8e4b6a91'), undefined, 'the late firing of the ended episode raised nothing');
      await second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('forgets a remembered resolve after earlyResolveWindowSeconds', async () => {
    await sendEvents([{ name: 'queue stuck', dedupKey: 'q-1', status: 'resolved', time: clock }]);
    clock += 61 * MIN;
    h.engine.sweepAlerts();
    await sendEvents([{ name: 'queue stuck', dedupKey: 'q-1', time: clock - 62 * MIN }]);
    assert.equal((await alertsNamed('queue stuck')).length, 1);
  });
});
