import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AlertmanagerWebhookSchema, webhookToSignals } from '../../../src/ingest/alertmanager/index.js';
import { fixture, rawFixture } from './fixtures.js';

const NOW = Date.parse('2030-01-01T00:00:00Z');

describe('webhookToSignals()', () => {
  it('turns a firing alert into an alert signal placed at startsAt', () => {
    const [signal, ...rest] = webhookToSignals(fixture('firing-critical.json'), { nowMs: NOW });
    assert.equal(rest.length, 0);
    assert.deepEqual(signal, {
      kind: 'alert',
      source: 'alertmanager',
      fingerprint: '3f1c2f0d8e4b6a91',
      name: 'HighErrorRate',
      status: 'firing',
      severity: 'critical',
      timeMs: Date.parse('2024-05-14T09:21:35.127Z'),
      summary: 'checkout error rate above 5%',
      labels: {
        alertname: 'HighErrorRate',
        instance: 'checkout-7d9f8b6c5-x2k4q:8080',
        job: 'kubernetes-pods',
        namespace: 'shop',
        service: 'checkout',
        severity: 'critical',
      },
      service: 'checkout',
      instance: 'checkout-7d9f8b6c5-x2k4q:8080',
    });
  });

  it('places a resolved alert at endsAt and keeps its fingerprint, so it clears the same alert', () => {
    const [firing] = webhookToSignals(fixture('firing-critical.json'), { nowMs: NOW });
    const [resolved] = webhookToSignals(fixture('resolved.json'), { nowMs: NOW });
    assert.equal(resolved?.status, 'resolved');
    assert.equal(resolved?.timeMs, Date.parse('2024-05-14T09:43:05.127Z'));
    assert.equal(resolved?.fingerprint, firing?.fingerprint);
  });

  it('reads service, instance and severity synonyms from kube-prometheus labels', () => {
    const signals = webhookToSignals(fixture('kube-prometheus-group.json'), { nowMs: NOW });
    assert.equal(signals.length, 3);
    const [crashLoop, replicas, targetDown] = signals;
    // The `service` label wins even when it names the scrape target (kube-state-metrics).
    assert.equal(crashLoop?.service, 'kube-state-metrics');
    assert.equal(crashLoop?.instance, 'cart-5c7b9d4f8-qwz7m');
    assert.equal(crashLoop?.severity, 'warning');
    assert.equal(crashLoop?.summary, 'Pod is crash looping.');
    assert.equal(crashLoop?.timeMs, Date.parse('2024-05-14T07:18:45.828Z'));
    assert.equal(replicas?.service, 'kube-state-metrics');
    assert.equal(replicas?.severity, 'critical');
    assert.match(replicas?.summary ?? '', /^Deployment shop\/cart has not matched/);
    assert.equal(targetDown?.service, 'payments');
    assert.equal(targetDown?.status, 'resolved');
    assert.equal(targetDown?.severity, 'info');
    assert.equal(targetDown?.timeMs, Date.parse('2024-05-14T09:12:30.512Z'));
  });

  it('hashes the label set when Alertmanager sent no fingerprint, stable across label order', () => {
    const payload = fixture('no-fingerprint.json');
    const [signal] = webhookToSignals(payload, { nowMs: NOW });
    assert.match(signal?.fingerprint ?? '', /^[0-9a-f]{20}$/);
    assert.equal(signal?.service, 'node');
    assert.equal(signal?.severity, 'warning');
    assert.equal(signal?.timeMs, Date.parse('2018-08-03T07:52:26.739Z'));

    const alert = payload.alerts[0];
    assert.ok(alert);
    const reordered = { ...payload, alerts: [{ ...alert, labels: Object.fromEntries(Object.entries(alert.labels).reverse()) }] };
    assert.equal(webhookToSignals(reordered, { nowMs: NOW })[0]?.fingerprint, signal?.fingerprint);
  });

  it('uses the receive time for a resolved alert that carries Go zero time as endsAt', () => {
    const payload = fixture('resolved.json');
    const alert = payload.alerts[0];
    assert.ok(alert);
    const zeroEnd = { ...payload, alerts: [{ ...alert, endsAt: '0001-01-01T00:00:00Z' }] };
    assert.equal(webhookToSignals(zeroEnd, { nowMs: NOW })[0]?.timeMs, NOW);
  });

  it('falls back to a generic name and an empty summary', () => {
    const payload = fixture('no-fingerprint.json');
    const alert = payload.alerts[0];
    assert.ok(alert);
    const bare = { ...payload, alerts: [{ ...alert, labels: { job: 'node' }, annotations: {} }] };
    const [signal] = webhookToSignals(bare, { nowMs: NOW });
    assert.equal(signal?.name, 'alertmanager alert');
    assert.equal(signal?.summary, '');
  });
});

describe('AlertmanagerWebhookSchema', () => {
  for (const name of ['firing-critical.json', 'resolved.json', 'kube-prometheus-group.json', 'no-fingerprint.json']) {
    it(`accepts the fixture ${name}`, () => {
      assert.equal(AlertmanagerWebhookSchema.safeParse(rawFixture(name)).success, true);
    });
  }

  it('rejects another payload version, naming the field', () => {
    const payload = { ...(rawFixture('firing-critical.json') as object), version: '3' };
    const result = AlertmanagerWebhookSchema.safeParse(payload);
    assert.equal(result.success, false);
    assert.deepEqual(result.error?.issues[0]?.path, ['version']);
  });
});
