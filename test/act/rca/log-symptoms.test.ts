import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { logSymptoms } from '../../../src/act/rca/log-symptoms.js';

const T = Date.parse('2026-03-02T10:30:00Z');

describe('logSymptoms', () => {
  it('reports error templates that are new or far more frequent than before, with their text', () => {
    const symptoms = logSymptoms({
      windowMs: 180_000,
      baselineMs: 180_000,
      baseline: [{ service: 'cart', templateId: 't2', count: 5, firstMs: T - 100_000 }],
      window: [
        { service: 'payment', instance: 'payment-1', templateId: 't1', template: 'card processor timeout after <*> ms', count: 40, firstMs: T + 1_000 },
        { service: 'cart', templateId: 't2', template: 'cache miss for <*>', count: 60, firstMs: T },
      ],
    });
    assert.deepEqual(
      symptoms.map((s) => [s.service, s.instance, s.name, s.summary]),
      [
        ['payment', 'payment-1', 'new error logs', '40 error logs "card processor timeout after <*> ms" (none in the stretch before)'],
        ['cart', undefined, 'error logs surge', '60 error logs "cache miss for <*>" (usually 5.0 in as long)'],
      ],
    );
    assert.equal(symptoms[0]?.startsMs, T + 1_000);
  });

  it('keeps quiet about usual error rates and a line or two', () => {
    const symptoms = logSymptoms({
      windowMs: 60_000,
      baselineMs: 120_000,
      baseline: [{ service: 'cart', templateId: 't2', count: 20, firstMs: T }],
      window: [
        { service: 'cart', templateId: 't2', count: 11, firstMs: T },
        { service: 'search', templateId: 't3', count: 2, firstMs: T },
      ],
    });
    assert.deepEqual(symptoms, []);
  });
});
