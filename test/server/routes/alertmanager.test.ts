import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AlertListResponseSchema } from '../../../src/core/api.js';
import { rawFixture } from '../../ingest/alertmanager/fixtures.js';
import { startHarness, type Harness } from '../harness.js';

describe('POST /api/v1/integrations/alertmanager', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.close());

  const post = (payload: unknown) =>
    h.app.inject({ method: 'POST', url: '/api/v1/integrations/alertmanager', payload: payload as object });

  it('accepts a real webhook payload and raises one alert per Alertmanager alert', async () => {
    const response = await post(rawFixture('kube-prometheus-group.json'));
    assert.equal(response.statusCode, 200);
    assert.deepEqual(response.json(), { accepted: 3 });
    await h.engine.settle();
    const { alerts } = AlertListResponseSchema.parse((await h.app.inject({ url: '/api/v1/alerts?limit=50' })).json());
    const names = alerts.filter((alert) => alert.source === 'alertmanager').map((alert) => alert.name);
    assert.ok(names.includes('KubePodCrashLooping'));
    assert.ok(names.includes('KubeDeploymentReplicasMismatch'));
  });

  it('resolves the alert a later notification clears, on past timestamps', async () => {
    assert.equal((await post(rawFixture('firing-critical.json'))).statusCode, 200);
    await h.engine.settle();
    const firing = AlertListResponseSchema.parse((await h.app.inject({ url: '/api/v1/alerts?status=firing' })).json());
    const alert = firing.alerts.find((candidate) => candidate.fingerprint === '3f1c2f0d8e4b6a91');
    assert.ok(alert);
    assert.equal(alert.startsMs, Date.parse('2024-05-14T09:21:35.127Z'));
    assert.equal(alert.service, 'checkout');

    assert.equal((await post(rawFixture('resolved.json'))).statusCode, 200);
    await h.engine.settle();
    const resolved = AlertListResponseSchema.parse((await h.app.inject({ url: '/api/v1/alerts?status=resolved' })).json());
    assert.ok(resolved.alerts.some((candidate) => candidate.fingerprint === '3f1c2f0d8e4b6a91'));
  });

  it('rejects a payload with a bad alert, naming the field', async () => {
    const payload = rawFixture('firing-critical.json') as { alerts: Array<Record<string, unknown>> };
    const first = payload.alerts[0];
    assert.ok(first);
    first['startsAt'] = 'yesterday';
    const response = await post(payload);
    assert.equal(response.statusCode, 400);
    assert.match(response.json<{ message: string }>().message, /body\.alerts\[0\]\.startsAt/);
  });

  it('rejects a payload of another version', async () => {
    const response = await post({ ...(rawFixture('firing-critical.json') as object), version: '1' });
    assert.equal(response.statusCode, 400);
    assert.match(response.json<{ message: string }>().message, /body\.version/);
  });
});
