import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { attributeCallerSide } from '../../../src/act/rca/caller-side.js';
import type { Symptom } from '../../../src/act/rca/symptom.js';
import { ServiceGraph } from '../../../src/core/service-graph.js';

const T = Date.parse('2026-03-02T10:30:00Z');
const graph = new ServiceGraph([
  { caller: 'frontend', callee: 'checkout' },
  { caller: 'checkout', callee: 'orders' },
  { caller: 'checkout', callee: 'postgres' },
  { caller: 'checkout', callee: 'payment' },
  { caller: 'orders', callee: 'postgres' },
  { caller: 'cart', callee: 'postgres' },
]);

function slowCall(service: string, peer: string, strength = 0.99, instance?: string): Symptom {
  return {
    service,
    ...(instance ? { instance } : {}),
    peer,
    seenByCaller: true,
    name: 'calls to it are slow',
    summary: `${service} → ${peer}: p95 latency 300 ms, 80× its usual 4 ms`,
    startsMs: T,
    strength,
    resource: false,
    metric: 'opsloop.edge.latency_p95',
  };
}

function own(service: string, name: string, strength: number): Symptom {
  return { service, seenByCaller: false, name, summary: name, startsMs: T, strength, resource: false };
}

describe('attributeCallerSide', () => {
  it('turns a caller whose calls to most callees are slow, and to nobody else, into the suspect', () => {
    const symptoms = attributeCallerSide(
      [
        slowCall('frontend', 'checkout'),
        slowCall('checkout', 'orders', 0.99, 'checkout-7'),
        slowCall('checkout', 'postgres'),
        slowCall('checkout', 'orders', 0.2), // weaker, but the same calls: it goes as well
      ],
      graph,
    );
    assert.deepEqual(
      symptoms.map((s) => [s.service, s.instance, s.peer, s.seenByCaller, s.name]),
      [
        ['frontend', undefined, 'checkout', true, 'calls to it are slow'],
        ['checkout', 'checkout-7', undefined, false, 'its own calls are slow'],
      ],
    );
    assert.match(symptoms[1]?.summary ?? '', /^its calls to orders, postgres are all slower and its other callers \(orders, cart\) see no change/);
  });

  it('keeps callees that others see go wrong too, or that go wrong themselves', () => {
    const input = [
      slowCall('checkout', 'orders'),
      slowCall('checkout', 'postgres'),
      slowCall('checkout', 'payment'),
      slowCall('orders', 'postgres'), // postgres is slow for orders as well …
      own('payment', 'slower in its own spans', 0.9), // … and payment is slow in its own time
    ];
    // orders sees its own callee go wrong: the trouble is further down, not in checkout.
    assert.deepEqual(attributeCallerSide(input, graph), input);
  });

  it('blames the one caller that sees a shared callee slow when its other callers see no change', () => {
    const symptoms = attributeCallerSide([slowCall('cart', 'postgres', 0.95, 'cart-2')], graph);
    assert.deepEqual(
      symptoms.map((s) => [s.service, s.instance, s.seenByCaller, s.name]),
      [['cart', 'cart-2', false, 'its own calls are slow']],
    );
    assert.match(symptoms[0]?.summary ?? '', /^its calls to postgres are slower and its other callers \(checkout, orders\) see no change/);
  });

  it('leaves a callee that only one caller uses to that caller\'s view', () => {
    const input = [slowCall('frontend', 'checkout')];
    assert.deepEqual(attributeCallerSide(input, graph), input);
  });
});
