import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AlertListResponseSchema, IncidentDetailResponseSchema, IncidentListResponseSchema } from '../../../src/core/api.js';
import { rawGrafanaFixture } from '../../ingest/grafana/fixtures.js';
import { startHarness, type Harness } from '../harness.js';

describe('POST /api/v1/integrations/grafana', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.close());

  const post = (payload: unknown) =>
    h.app.inject({ method: 'POST', url: '/api/v1/integrations/grafana', payload: payload as object });
  const grafanaAlerts = async (status: 'firing' | 'resolved') =>
    AlertListResponseSchema.parse((await h.app.inject({ url: `/api/v1/alerts?status=${status}&limit=50` })).json()).alerts.filter(
      (alert) => alert.source === 'grafana',
    );

  it('raises one alert per Grafana alert and correlates them into an incident; a duplicate delivery changes nothing', async () => {
    const response = await post(rawGrafanaFixture('firing-two-alerts.json'));
    assert.equal(response.statusCode, 202);
    assert.deepEqual(response.json(), { accepted: 2 });
    await h.engine.settle();
    const firing = await grafanaAlerts('firing');
    assert.deepEqual(firing.map((alert) => alert.fingerprint).sort(), ['5f0e2d8c7b6a4913', 'a3b7c91d2e4f5061']);
    const checkout = firing.find((alert) => alert.service === 'checkout');
    assert.equal(checkout?.startsMs, Date.parse('2024-06-03T14:02:10Z'));
    assert.equal(checkout?.summary, 'checkout is failing 9.3% of requests — B=0.093, C=1');
    assert.equal(checkout?.labels['grafana_dashboard_url'], 'https://grafana.example.com/d/shop-overview?orgId=1');
    assert.ok(checkout?.incidentId);

    const incidents = IncidentListResponseSchema.parse((await h.app.inject({ url: '/api/v1/incidents' })).json()).incidents;
    const incident = incidents.find((candidate) => candidate.id === checkout.incidentId);
    assert.ok(incident);
    assert.equal(incident.status, 'triggered');
    assert.ok(incident.services.includes('checkout'));
    assert.ok(incident.alertIds.includes(checkout.id));

    // Grafana retries a delivery it thinks failed: same fingerprints, so the same two alerts.
    assert.equal((await post(rawGrafanaFixture('firing-two-alerts.json'))).statusCode, 202);
    await h.engine.settle();
    const again = await grafanaAlerts('firing');
    assert.deepEqual(again.map((alert) => alert.id).sort(), firing.map((alert) => alert.id).sort());
    assert.equal(IncidentListResponseSchema.parse((await h.app.inject({ url: '/api/v1/incidents' })).json()).incidents.length, incidents.length);
  });

  it('clears both alerts on the resolved follow-up, at their end times, on the incident timeline', async () => {
    assert.equal((await post(rawGrafanaFixture('resolved-two-alerts.json'))).statusCode, 202);
    await h.engine.settle();
    assert.deepEqual(await grafanaAlerts('firing'), []);
    const resolved = await grafanaAlerts('resolved');
    const checkout = resolved.find((alert) => alert.fingerprint === 'a3b7c91d2e4f5061');
    assert.equal(checkout?.endsMs, Date.parse('2024-06-03T14:19:10Z'));
    assert.equal(resolved.length, 2);
    assert.ok(checkout?.incidentId);
    for (const alert of resolved.filter((candidate) => candidate.incidentId !== undefined)) {
      const detail = IncidentDetailResponseSchema.parse((await h.app.inject({ url: `/api/v1/incidents/${alert.incidentId}` })).json());
      const cleared = detail.timeline.filter((entry) => entry.kind === 'alert_resolved' && entry.timeMs === alert.endsMs);
      assert.equal(cleared.length, 1, `${alert.service} resolved on its incident's timeline`);
    }
  });

  it('remembers a resolve that arrives before its firing: the late firing of that episode raises nothing, a later episode does', async () => {
    const payload = rawGrafanaFixture('resolved-two-alerts.json') as { alerts: Array<Record<string, unknown>> };
    const resolvedBefore = (await grafanaAlerts('resolved')).length;
    for (const alert of payload.alerts) alert['fingerprint'] = `never-fired-${String(alert['fingerprint'])}`;
    const response = await post(payload);
    assert.equal(response.statusCode, 202);
    assert.deepEqual(response.json(), { accepted: 2 });
    await h.engine.settle();
    assert.equal((await grafanaAlerts('resolved')).length, resolvedBefore);
    assert.ok(!(await grafanaAlerts('firing')).some((alert) => alert.fingerprint.startsWith('never-fired-')));

    const firing = rawGrafanaFixture('firing-two-alerts.json') as { alerts: Array<Record<string, unknown>> };
    for (const alert of firing.alerts) alert['fingerprint'] = `never-fired-${String(alert['fingerprint'])}`;
    assert.equal((await post(firing)).statusCode, 202);
    assert.equal((await post(firing)).statusCode, 202, 'a redelivery is dropped the same way');
    await h.engine.settle();
    const raised = async () => (await grafanaAlerts('firing')).filter((alert) => alert.fingerprint.startsWith('never-fired-'));
    assert.equal((await raised()).length, 0, 'the firing that began before the resolve is the episode already over');

    for (const alert of firing.alerts) alert['startsAt'] = '2024-06-03T15:30:00Z';
    assert.equal((await post(firing)).statusCode, 202);
    await h.engine.settle();
    assert.equal((await raised()).length, 2, 'a firing that starts after the resolve is a new problem');
  });

  it('rejects a legacy (pre-8) notification, saying which version is supported', async () => {
    const response = await post(rawGrafanaFixture('legacy-alerting.json'));
    assert.equal(response.statusCode, 400);
    const { message } = response.json<{ message: string }>();
    assert.match(message, /body\.version/);
    assert.match(message, /unified alerting webhooks \(version "1"/);
  });

  it('rejects an unknown payload version by name', async () => {
    const response = await post({ ...rawGrafanaFixture('firing-two-alerts.json'), version: '4' });
    assert.equal(response.statusCode, 400);
    assert.match(response.json<{ message: string }>().message, /body\.version: must be "1"/);
  });

  it('rejects a payload with a bad alert, naming the field', async () => {
    const payload = rawGrafanaFixture('firing-two-alerts.json') as { alerts: Array<Record<string, unknown>> };
    const first = payload.alerts[0];
    assert.ok(first);
    delete first['startsAt'];
    const response = await post(payload);
    assert.equal(response.statusCode, 400);
    assert.match(response.json<{ message: string }>().message, /body\.alerts\[0\]\.startsAt: is required/);
  });
});
