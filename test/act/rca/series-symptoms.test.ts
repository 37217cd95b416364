import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mayBeAnomalous, seriesSymptoms, shiftSymptoms } from '../../../src/act/rca/series-symptoms.js';

const T = Date.parse('2026-03-02T10:00:00Z');
const series = (values: number[]) => values.map((value, i) => ({ timeMs: T + i * 10_000, value }));
const steady = Array.from({ length: 100 }, (_, i) => 100 + (i % 5) - 2);
const FROM = T + 100 * 10_000;

describe('mayBeAnomalous', () => {
  it('lets through a window that leaves the recent range, and screens out one that stays in it', () => {
    assert.equal(mayBeAnomalous('queue.depth', series([...steady, 101, 99, 150]), FROM), true);
    assert.equal(mayBeAnomalous('queue.depth', series([...steady, 101, 99, 102]), FROM), false);
  });

  it('leaves the decision to the replay when there is too little history to judge', () => {
    assert.equal(mayBeAnomalous('queue.depth', series([100, 100, 101]), T + 2 * 10_000), true);
  });

  it('does not call a tiny wiggle of a flat series a change, and knows error ratios move by points', () => {
    assert.equal(mayBeAnomalous('queue.depth', series([...Array<number>(100).fill(50), 50.001]), FROM), false);
    assert.equal(mayBeAnomalous('opsloop.service.error_ratio', series([...Array<number>(100).fill(0), 0.01]), FROM), false);
    assert.equal(mayBeAnomalous('opsloop.service.error_ratio', series([...Array<number>(100).fill(0), 0.3]), FROM), true);
  });
});

describe('seriesSymptoms', () => {
  it('turns an edge series episode into evidence against the callee, weighed like its alert', () => {
    const [symptom] = seriesSymptoms(
      { key: 'opsloop.edge.error_ratio{peer="payment",service="checkout"}', name: 'opsloop.edge.error_ratio', service: 'checkout', labels: { peer: 'payment' } },
      [{ startMs: T, endMs: undefined, direction: 'up', peakScore: 0.99, peakZ: 30, summary: 'error ratio 40.0% vs usual 0.1%' }],
    );
    assert.equal(symptom?.seenByCaller, true);
    assert.equal(symptom?.peer, 'payment');
    assert.equal(symptom?.name, 'error ratio up');
    assert.equal(symptom?.strength, 1 - Math.exp(-3));
    assert.equal(symptom?.series, 'opsloop.edge.error_ratio{peer="payment",service="checkout"}');
  });
});

describe('shiftSymptoms', () => {
  // Once a minute for an hour, then a 3-minute window: too few points for the detector to learn from.
  const minutely = (values: number[]) => values.map((value, i) => ({ timeMs: T + i * 60_000, value }));
  const hour = Array.from({ length: 60 }, (_, i) => 0.2 + 0.01 * ((i * 7) % 5));
  const window = { fromMs: T + 60 * 60_000, toMs: T + 62 * 60_000 };
  const cpu = { key: 'cpu{pod="cart-1"}', name: 'CpuUsageRate', service: 'cart', instance: 'cart-1', labels: {} };

  it('turns a window that strays from the hour before it in enough points into a symptom of its own service', () => {
    const [symptom, ...rest] = shiftSymptoms(cpu, minutely([...hour, 0.9, 0.95, 0.9]), window, 2);
    assert.equal(rest.length, 0);
    assert.equal(symptom?.service, 'cart');
    assert.equal(symptom?.instance, 'cart-1');
    assert.equal(symptom?.name, 'CPU utilisation up');
    assert.equal(symptom?.resource, true);
    assert.equal(symptom?.startsMs, window.fromMs);
    assert.ok((symptom?.strength ?? 0) > 0.9, `strength ${symptom?.strength}`);
  });

  it('needs firingPoints straying points, and a direction the metric calls bad', () => {
    assert.deepEqual(shiftSymptoms(cpu, minutely([...hour, 0.9, 0.21, 0.22]), window, 2), []);
    assert.deepEqual(shiftSymptoms(cpu, minutely([...hour, 0.01, 0.01, 0.01]), window, 2), []);
    assert.equal(shiftSymptoms({ ...cpu, name: 'queue.depth' }, minutely([...hour, 0.01, 0.01, 0.01]), window, 2)[0]?.name, 'queue.depth down');
  });

  it('is silent with too little history', () => {
    assert.deepEqual(shiftSymptoms(cpu, minutely([0.2, 0.2, 0.9, 0.9]).map((p) => ({ ...p, timeMs: p.timeMs + 58 * 60_000 })), window, 2), []);
  });
});
