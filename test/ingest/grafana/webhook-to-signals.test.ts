import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { alertToSignal } from '../../../src/ingest/alertmanager/index.js';
import { GrafanaWebhookSchema, grafanaWebhookToSignals } from '../../../src/ingest/grafana/index.js';
import { grafanaFixture, rawGrafanaFixture } from './fixtures.js';

const NOW = Date.parse('2024-06-03T15:00:00Z');

describe('grafanaWebhookToSignals', () => {
  it('turns a firing unified-alerting payload into one signal per alert, keyed by Grafana fingerprint', () => {
    const [checkout, payment] = grafanaWebhookToSignals(grafanaFixture('firing-two-alerts.json'), { nowMs: NOW });
    assert.ok(checkout && payment);
    assert.equal(checkout.source, 'grafana');
    assert.equal(checkout.fingerprint, 'a3b7c91d2e4f5061');
    assert.equal(checkout.name, 'HighErrorRate');
    assert.equal(checkout.status, 'firing');
    assert.equal(checkout.severity, 'critical');
    assert.equal(checkout.service, 'checkout');
    assert.equal(checkout.timeMs, Date.parse('2024-06-03T14:02:10Z'));
    assert.equal(checkout.summary, 'checkout is failing 9.3% of requests — B=0.093, C=1');
    assert.equal(payment.severity, 'warning');
    assert.equal(payment.service, 'payment');
  });

  it('falls back on valueString when no annotation describes the alert', () => {
    const [, payment] = grafanaWebhookToSignals(grafanaFixture('firing-two-alerts.json'), { nowMs: NOW });
    assert.equal(
      payment?.summary,
      "[ var='B' labels={service=payment} value=0.051 ], [ var='C' labels={service=payment} value=1 ] — B=0.051, C=1",
    );
  });

  it('keeps the dashboard, panel, rule and silence links as labels, outside the fingerprint', () => {
    const payload = grafanaFixture('firing-two-alerts.json');
    const [checkout] = grafanaWebhookToSignals(payload, { nowMs: NOW });
    assert.equal(checkout?.labels['grafana_dashboard_url'], 'https://grafana.example.com/d/shop-overview?orgId=1');
    assert.equal(checkout?.labels['grafana_panel_url'], 'https://grafana.example.com/d/shop-overview?orgId=1&viewPanel=4');
    assert.match(checkout?.labels['grafana_silence_url'] ?? '', /alerting\/silence\/new/);
    assert.match(checkout?.labels['grafana_rule_url'] ?? '', /alerting\/grafana\/fdm1x2k4b9qf4c/);
    assert.deepEqual(Object.keys(checkout?.labels ?? {}), Object.keys(checkout?.labels ?? {}).sort());

    const first = payload.alerts[0];
    assert.ok(first);
    delete first.fingerprint;
    const moved = { ...first, dashboardURL: 'https://grafana.example.com/d/moved' };
    const [a] = grafanaWebhookToSignals({ ...payload, alerts: [first] }, { nowMs: NOW });
    const [b] = grafanaWebhookToSignals({ ...payload, alerts: [moved] }, { nowMs: NOW });
    assert.equal(a?.fingerprint, b?.fingerprint);
  });

  it('follows the Alertmanager rules for what the two formats share', () => {
    const alert = grafanaFixture('firing-two-alerts.json').alerts[0];
    assert.ok(alert);
    delete alert.fingerprint;
    const [grafana] = grafanaWebhookToSignals({ ...grafanaFixture('firing-two-alerts.json'), alerts: [alert] }, { nowMs: NOW });
    const alertmanager = alertToSignal(alert, { nowMs: NOW });
    assert.equal(grafana?.service, alertmanager.service);
    assert.equal(grafana?.severity, alertmanager.severity);
    assert.equal(grafana?.timeMs, alertmanager.timeMs);
    // The label hash is namespaced by source: the same labels from two tools are two alerts.
    assert.notEqual(grafana?.fingerprint, alertmanager.fingerprint);
    assert.match(grafana?.fingerprint ?? '', /\S/);
  });

  it('resolves at endsAt, with no values on the resolved notification', () => {
    const signals = grafanaWebhookToSignals(grafanaFixture('resolved-two-alerts.json'), { nowMs: NOW });
    assert.deepEqual(
      signals.map((signal) => [signal.fingerprint, signal.status, signal.timeMs]),
      [
        ['a3b7c91d2e4f5061', 'resolved', Date.parse('2024-06-03T14:19:10Z')],
        ['5f0e2d8c7b6a4913', 'resolved', Date.parse('2024-06-03T14:18:40Z')],
      ],
    );
    assert.equal(signals[0]?.summary, 'checkout is failing 9.3% of requests');
    assert.equal(signals[1]?.summary, '');
  });
});

describe('GrafanaWebhookSchema', () => {
  const messages = (payload: unknown) =>
    GrafanaWebhookSchema.safeParse(payload).error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) ?? [];

  it('rejects a legacy (pre-8) notification, saying which version is supported', () => {
    assert.ok(messages(rawGrafanaFixture('legacy-alerting.json')).some((m) => /^version: .*version "1".*legacy/.test(m)));
  });

  it('rejects an unknown version by name', () => {
    const payload = { ...rawGrafanaFixture('firing-two-alerts.json'), version: '2' };
    assert.deepEqual(messages(payload), ['version: must be "1" (Grafana unified alerting webhook); no other version is supported']);
  });

  it('rejects a non-numeric value', () => {
    const payload = grafanaFixture('firing-two-alerts.json');
    const raw = { ...payload, alerts: [{ ...payload.alerts[0], values: { B: 'high' } }] };
    assert.ok(messages(raw).some((m) => m.startsWith('alerts.0.values.B:')));
  });
});
