import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Alert, Incident } from '../../../src/core/records.js';
import { incidentTerms, rankSimilar, words, type IncidentDocument } from '../../../src/engage/incidents/similar-incidents.js';

function document(id: string, title: string, service: string, alerts: Array<Partial<Alert>>): IncidentDocument {
  const incident: Incident = { id, title, status: 'resolved', severity: 'error', services: [service], startedMs: 0, updatedMs: 0, alertIds: [], causes: [] };
  return {
    incident,
    alerts: alerts.map((overrides, i) => ({
      id: `${id}-a${i}`,
      fingerprint: `${id}-${i}`,
      source: 'test',
      name: 'alert',
      service,
      status: 'resolved',
      severity: 'error',
      summary: '',
      labels: {},
      startsMs: 0,
      lastSeenMs: 0,
      count: 1,
      ...overrides,
    })),
  };
}

describe('words()', () => {
  it('lower-cases, splits on punctuation, drops single characters and the template wildcard', () => {
    assert.deepEqual(words('Payment <*> DECLINED: card_id=7 x'), ['payment', 'declined', 'card', 'id']);
  });
});

describe('incidentTerms()', () => {
  it('takes the title, alerts, log templates, services and labels, but not identity labels', () => {
    const terms = incidentTerms(
      document('i', 'checkout slow', 'checkout', [
        {
          name: 'HighLatency',
          labels: { region: 'EU-1', alertname: 'HighLatency' },
          logs: { service: 'checkout', templates: [{ templateId: 't', template: 'timeout calling <*>', count: 3 }], fromMs: 0, query: '', samples: [] },
        },
      ]),
    );
    for (const term of ['checkout', 'slow', 'service:checkout', 'highlatency', 'timeout', 'calling', 'region=eu-1']) assert.ok(terms.includes(term), term);
    assert.ok(!terms.some((term) => term.startsWith('alertname=')));
  });
});

describe('rankSimilar()', () => {
  const corpus = [
    document('inc_pay_1', 'payment: error ratio up', 'payment', [{ name: 'PaymentDeclines', summary: 'card declines up', labels: { provider: 'acme' } }]),
    document('inc_disk', 'db: disk full', 'db', [{ name: 'DiskFull', summary: 'volume 95% full' }]),
    document('inc_cart', 'cart: latency up', 'cart', [{ name: 'HighLatency', summary: 'p95 above 2 s' }]),
    document('inc_pay_2', 'payment: latency up', 'payment', [{ name: 'HighLatency', summary: 'p95 above 2 s' }]),
  ];
  const target = document('inc_now', 'payment: error ratio up', 'payment', [{ name: 'PaymentDeclines', summary: 'card declines up', labels: { provider: 'acme' } }]);

  it('ranks the recurrence first, the same service next, and leaves out what shares nothing', () => {
    const hits = rankSimilar(target, [...corpus, target], 10);
    // inc_cart shares only the word "up".
    assert.deepEqual(hits.map((h) => h.id), ['inc_pay_1', 'inc_pay_2', 'inc_cart']);
    assert.ok(hits[0]?.terms.some((t) => t.term === 'provider=acme'));
  });

  it('never returns the incident itself', () => {
    assert.ok(!rankSimilar(corpus[0] as IncidentDocument, corpus, 10).some((hit) => hit.id === 'inc_pay_1'));
  });
});
