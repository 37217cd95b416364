import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { spanSymptoms } from '../../../src/act/rca/span-symptoms.js';
import type { SpanOutcome } from '../../../src/core/window-outcomes.js';

const FROM = Date.parse('2026-03-02T10:30:00Z');
const outcome = (fields: Partial<SpanOutcome> & Pick<SpanOutcome, 'service'>): SpanOutcome => ({
  spans: 100,
  errors: 0,
  ownErrors: 0,
  unansweredCalls: 0,
  selfMs: 100 * 10,
  bodies: 0,
  bodyLogBytes: 0,
  ...fields,
});

describe('spanSymptoms', () => {
  it('blames the service whose own spans fail, not its callers whose failures come from a child', () => {
    const symptoms = spanSymptoms({
      fromMs: FROM,
      baseline: [outcome({ service: 'payment' }), outcome({ service: 'checkout' })],
      window: [
        outcome({ service: 'payment', instance: 'payment-1', errors: 40, ownErrors: 40, firstOwnErrorMs: FROM + 5_000 }),
        // checkout fails as often, but each failure has a failed child: not its own.
        outcome({ service: 'checkout', errors: 40, ownErrors: 0 }),
      ],
    });
    assert.equal(symptoms.length, 1);
    const [own] = symptoms;
    assert.equal(own?.service, 'payment');
    assert.equal(own?.instance, 'payment-1');
    assert.equal(own?.seenByCaller, false);
    assert.equal(own?.startsMs, FROM + 5_000);
    assert.ok((own?.strength ?? 0) > 0.9);
    assert.match(own?.summary ?? '', /^40 of 100 spans failed in their own code, not in a callee \(40\.0% vs usual 0\.0%\)$/);
  });

  it('turns failed calls nobody answered into evidence against the callee', () => {
    const [symptom] = spanSymptoms({
      fromMs: FROM,
      baseline: [outcome({ service: 'checkout', peer: 'payment' })],
      window: [outcome({ service: 'checkout', peer: 'payment', errors: 30, ownErrors: 30, unansweredCalls: 30 })],
    });
    assert.equal(symptom?.peer, 'payment');
    assert.equal(symptom?.seenByCaller, true);
    assert.equal(symptom?.name, 'calls to it fail');
    assert.match(symptom?.summary ?? '', /30 of 100 calls failed, none of them answered/);
  });

  it('keeps quiet about errors as frequent as usual and about a handful of them', () => {
    const symptoms = spanSymptoms({
      fromMs: FROM,
      baseline: [outcome({ service: 'cart', ownErrors: 10 })],
      window: [outcome({ service: 'cart', ownErrors: 11 }), outcome({ service: 'search', ownErrors: 2 })],
    });
    assert.deepEqual(symptoms, []);
  });

  it('notices a service whose successful answers changed size, as itself and as its callers see it', () => {
    const symptoms = spanSymptoms({
      fromMs: FROM,
      baseline: [outcome({ service: 'inventory', bodies: 100, bodyLogBytes: 100 * Math.log(1801) }), outcome({ service: 'checkout', peer: 'inventory', bodies: 100, bodyLogBytes: 100 * Math.log(1801) })],
      window: [outcome({ service: 'inventory', bodies: 90, bodyLogBytes: 90 * Math.log(21) }), outcome({ service: 'checkout', peer: 'inventory', bodies: 90, bodyLogBytes: 90 * Math.log(21) })],
    });
    assert.deepEqual(
      symptoms.map((s) => [s.service, s.peer, s.seenByCaller, s.name, s.summary]),
      [
        ['inventory', undefined, false, 'answers changed', 'successful responses typically 20 B vs usual 1800 B'],
        ['checkout', 'inventory', true, 'calls to it changed', 'successful calls returned typically 20 B vs usual 1800 B'],
      ],
    );
    assert.ok((symptoms[0]?.strength ?? 0) > 0.99);
    const steady = spanSymptoms({
      fromMs: FROM,
      baseline: [outcome({ service: 'inventory', bodies: 100, bodyLogBytes: 100 * Math.log(1801) })],
      window: [outcome({ service: 'inventory', bodies: 90, bodyLogBytes: 90 * Math.log(1501) })],
    });
    assert.deepEqual(steady, []);
  });

  it('takes every failed call as the caller\'s view of the callee, even when the callee reported the failure itself', () => {
    const symptoms = spanSymptoms({
      fromMs: FROM,
      baseline: [outcome({ service: 'checkout', peer: 'payment' })],
      // 40 calls failed because payment's own spans failed: none of them are the call's own errors.
      window: [outcome({ service: 'checkout', peer: 'payment', errors: 40, ownErrors: 0 })],
    });
    assert.deepEqual(
      symptoms.map((s) => [s.service, s.peer, s.seenByCaller, s.name, s.summary]),
      [['checkout', 'payment', true, 'calls to it fail', '40 of 100 calls failed (40.0% vs usual 0.0%)']],
    );
  });

  it('notices a share of spoilt answers that an arithmetic mean of sizes would hide', () => {
    // Half the answers shrink to 20 B: the mean only halves (1800 → 910 B), the typical size drops 9-fold.
    const halfSpoilt = 45 * Math.log(1801) + 45 * Math.log(21);
    const [answers] = spanSymptoms({
      fromMs: FROM,
      baseline: [outcome({ service: 'inventory', bodies: 100, bodyLogBytes: 100 * Math.log(1801) })],
      window: [outcome({ service: 'inventory', bodies: 90, bodyLogBytes: halfSpoilt })],
    });
    assert.equal(answers?.name, 'answers changed');
    assert.match(answers?.summary ?? '', /typically 19\d B vs usual 1800 B/);
  });

  it('notices a service slower in its own time, and says when traces were sampled', () => {
    const [slow] = spanSymptoms({
      fromMs: FROM,
      traceShare: 0.25,
      baseline: [outcome({ service: 'cart', selfMs: 100 * 10 })],
      window: [outcome({ service: 'cart', selfMs: 100 * 80 }), outcome({ service: 'search', ownErrors: 20 })],
    });
    assert.equal(slow?.name, 'slower in its own spans');
    assert.match(slow?.summary ?? '', /spans spend 80 ms in their own time vs usual 10 ms, not waiting on callees/);
    const sampled = spanSymptoms({ fromMs: FROM, traceShare: 0.25, baseline: [], window: [outcome({ service: 'search', ownErrors: 20 })] });
    assert.match(sampled[0]?.summary ?? '', /spans in a 25% sample of traces failed/);
  });
});
