import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SpanRecord } from '../../../src/core/records.js';
import { ServiceGraphBuilder } from '../../../src/observe/traces/service-graph.js';

function span(spanId: string, service: string, kind: SpanRecord['kind'], extra: Partial<SpanRecord> = {}): SpanRecord {
  return { traceId: 'abc', spanId, name: 'op', service, kind, startMs: 1000, durationMs: 1, status: 'unset', attributes: {}, ...extra };
}

describe('ServiceGraphBuilder', () => {
  it('finds edges from peer attributes and from parents in other services, across batches', () => {
    const builder = new ServiceGraphBuilder();
    const first = builder.add([span('1', 'frontend', 'client', { peerService: 'postgres' })]);
    assert.deepEqual(first.map((e) => [e.caller, e.callee, e.via]), [['frontend', 'postgres', 'peer']]);
    const second = builder.add([span('2', 'cart', 'server', { parentSpanId: '1' }), span('3', 'cart', 'internal', { parentSpanId: '2' })]);
    assert.deepEqual(second.map((e) => [e.caller, e.callee, e.via]), [['frontend', 'cart', 'span']]);
  });

  it('remembers at least half of its bound of recent spans and forgets older ones', () => {
    const builder = new ServiceGraphBuilder(4);
    builder.add([span('p1', 'gateway', 'internal'), span('p2', 'gateway', 'internal')]);
    builder.add([span('x1', 'filler', 'internal'), span('x2', 'filler', 'internal')]);
    // p1 and p2 are two generations back now, x1 and x2 one: within the bound.
    const kept = builder.add([span('c1', 'cart', 'server', { parentSpanId: 'x1' })]);
    assert.deepEqual(kept.map((e) => [e.caller, e.callee]), [['filler', 'cart']]);
    const forgotten = builder.add([span('c2', 'cart', 'server', { parentSpanId: 'p1' })]);
    assert.deepEqual(forgotten, []);
  });
});
