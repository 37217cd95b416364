import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { nodeHealth, type HealthAlert, type HealthIncident } from '../../../src/observe/traces/node-health.js';

const alert = (service: string, severity: HealthAlert['severity'], status: HealthAlert['status'] = 'firing'): HealthAlert => ({
  service,
  severity,
  status,
  summary: `${service} p95 latency up`,
});
const incident = (services: string[], top: string, status: HealthIncident['status'] = 'triggered'): HealthIncident => ({
  id: 'inc_1',
  title: `${top}: latency up`,
  services,
  status,
  causes: [{ service: top, score: 1, indicator: 'latency up', evidence: '' }],
});

describe('nodeHealth()', () => {
  it('is ok with nothing firing and no open incident', () => {
    assert.deepEqual(nodeHealth('cart', [alert('cart', 'critical', 'resolved')], [incident(['cart'], 'cart', 'resolved')]), { state: 'ok', reasons: [] });
  });

  it('is failing for an error alert and degraded for a warning', () => {
    assert.equal(nodeHealth('cart', [alert('cart', 'error')], []).state, 'failing');
    assert.equal(nodeHealth('cart', [alert('cart', 'warning')], []).state, 'degraded');
    assert.equal(nodeHealth('cart', [alert('payment', 'critical')], []).state, 'ok');
  });

  it('is failing as an open incident\'s first cause and degraded as one of its services', () => {
    const open = [incident(['frontend', 'payment'], 'payment')];
    const payment = nodeHealth('payment', [], open);
    assert.equal(payment.state, 'failing');
    assert.match(payment.reasons[0] ?? '', /ranked first cause/);
    assert.equal(nodeHealth('frontend', [], open).state, 'degraded');
  });
});
