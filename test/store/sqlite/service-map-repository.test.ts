import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SpanRecord } from '../../../src/core/records.js';
import { openSqliteStore } from '../../../src/store/sqlite/index.js';

const T0 = 1_900_000_000_000;
const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';

function span(spanId: string, extra: Partial<SpanRecord>): SpanRecord {
  return { traceId: TRACE, spanId, name: 'op', kind: 'server', service: 'cart', startMs: T0, durationMs: 5, status: 'unset', attributes: {}, ...extra };
}

describe('SqliteServiceMapRepository.mapSpans()', () => {
  const store = openSqliteStore({ path: ':memory:' });
  store.telemetry.insertSpans([
    span('00000000000000a1', { service: 'frontend', kind: 'server', startMs: T0 }),
    span('00000000000000a2', { service: 'frontend', kind: 'client', parentSpanId: '00000000000000a1', peerService: 'cart', startMs: T0 + 1, attributes: { 'peer.service': 'cart' } }),
    span('00000000000000a3', { service: 'cart', kind: 'server', parentSpanId: '00000000000000a2', instance: 'cart-0', startMs: T0 + 2, status: 'error' }),
    span('00000000000000a4', { service: 'cart', kind: 'client', parentSpanId: '00000000000000a3', peerService: 'postgres', startMs: T0 + 3, attributes: { 'db.system': 'postgresql' } }),
    span('00000000000000a5', { service: 'cart', kind: 'producer', parentSpanId: '00000000000000a3', peerService: 'orders', startMs: T0 + 4, attributes: { 'messaging.system': 'kafka' } }),
  ]);

  it('reads each span with its peer system and, for incoming calls, its parent', () => {
    const { spans, truncated } = store.serviceMap.mapSpans({ fromMs: T0, toMs: T0 + 10 }, 100);
    assert.equal(truncated, false);
    assert.deepEqual(spans, [
      { service: 'cart', name: 'op', kind: 'producer', durationMs: 5, error: false, peer: 'orders', messagingSystem: 'kafka' },
      { service: 'cart', name: 'op', kind: 'client', durationMs: 5, error: false, peer: 'postgres', dbSystem: 'postgresql' },
      { service: 'cart', instance: 'cart-0', name: 'op', kind: 'server', durationMs: 5, error: true, parent: { service: 'frontend', kind: 'client', peer: 'cart' } },
      { service: 'frontend', name: 'op', kind: 'client', durationMs: 5, error: false, peer: 'cart' },
      { service: 'frontend', name: 'op', kind: 'server', durationMs: 5, error: false },
    ]);
  });

  it('joins an incoming call to its parent once when the parent was stored twice', () => {
    const twice = openSqliteStore({ path: ':memory:' });
    const parent = span('00000000000000b1', { service: 'frontend', kind: 'client', peerService: 'cart', startMs: T0 });
    twice.telemetry.insertSpans([parent, span('00000000000000b2', { parentSpanId: '00000000000000b1', startMs: T0 + 1 })]);
    twice.telemetry.insertSpans([parent]);
    const servers = twice.serviceMap.mapSpans({ fromMs: T0, toMs: T0 + 10 }, 100).spans.filter((s) => s.kind === 'server');
    assert.deepEqual(servers, [{ service: 'cart', name: 'op', kind: 'server', durationMs: 5, error: false, parent: { service: 'frontend', kind: 'client', peer: 'cart' } }]);
    twice.close();
  });

  it('keeps the newest spans up to the limit and says it left some out', () => {
    const { spans, truncated } = store.serviceMap.mapSpans({ fromMs: T0, toMs: T0 + 10 }, 2);
    assert.equal(truncated, true);
    assert.deepEqual(spans.map((s) => s.kind), ['producer', 'client']);
  });

  it('reads only the window, both ends included', () => {
    assert.equal(store.serviceMap.mapSpans({ fromMs: T0 + 1, toMs: T0 + 2 }, 100).spans.length, 2);
  });
});
