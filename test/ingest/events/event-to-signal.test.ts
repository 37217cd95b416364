import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EventInputSchema } from '../../../src/core/api.js';
import { eventFingerprint, eventToSignal } from '../../../src/ingest/events/index.js';

const NOW = Date.parse('2030-01-01T00:00:00Z');
const event = (input: unknown) => EventInputSchema.parse(input);

describe('eventToSignal()', () => {
  it('fills defaults and places an event without time at the receive time', () => {
    assert.deepEqual(eventToSignal(event({ name: 'disk full', service: 'db' }), { nowMs: NOW }), {
      kind: 'event',
      source: 'events',
      fingerprint: eventFingerprint({ name: 'disk full', service: 'db', labels: {} }),
      name: 'disk full',
      status: 'firing',
      severity: 'warning',
      timeMs: NOW,
      summary: '',
      labels: {},
      service: 'db',
    });
  });

  it('takes epoch ms or RFC 3339 times, past ones included', () => {
    assert.equal(eventToSignal(event({ name: 'a', time: 1_000 }), { nowMs: NOW }).timeMs, 1_000);
    assert.equal(
      eventToSignal(event({ name: 'a', time: '2024-05-14T11:00:00+02:00' }), { nowMs: NOW }).timeMs,
      Date.parse('2024-05-14T09:00:00Z'),
    );
  });

  it('identifies an event by name, service and labels regardless of label order', () => {
    const a = eventToSignal(event({ name: 'x', service: 's', labels: { b: '2', a: '1' } }), { nowMs: NOW });
    const b = eventToSignal(event({ name: 'x', service: 's', labels: { a: '1', b: '2' }, status: 'resolved' }), { nowMs: NOW });
    const other = eventToSignal(event({ name: 'x', service: 't', labels: { a: '1', b: '2' } }), { nowMs: NOW });
    assert.equal(a.fingerprint, b.fingerprint);
    assert.notEqual(a.fingerprint, other.fingerprint);
    assert.deepEqual(Object.keys(a.labels), ['a', 'b']);
  });

  it('uses the dedupKey alone when given', () => {
    const a = eventToSignal(event({ name: 'x', dedupKey: 'k1', labels: { a: '1' } }), { nowMs: NOW });
    const b = eventToSignal(event({ name: 'y', dedupKey: 'k1' }), { nowMs: NOW });
    assert.equal(a.fingerprint, b.fingerprint);
  });

  it('keeps instance when given', () => {
    assert.equal(eventToSignal(event({ name: 'x', instance: 'pod-1' }), { nowMs: NOW }).instance, 'pod-1');
  });
});
