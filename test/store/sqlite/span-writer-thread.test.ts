import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { openSqliteStore } from '../../../src/store/sqlite/index.js';
import { SpanWriterError } from '../../../src/store/sqlite/errors.js';
import { SpanWriterThread } from '../../../src/store/sqlite/span-writer-thread.js';
import type { Store } from '../../../src/store/store.js';
import { seriesKey } from '../../../src/core/series.js';
import { metricPoint, span, T0 } from '../contract/fixtures.js';
import { ExportTraceServiceRequest } from '../../../src/demo/otlp-proto.js';
import { OtlpIngestor } from '../../../src/ingest/otlp/otlp-ingestor.js';

const dirs: string[] = [];
after(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function openStore(): { store: Store; path: string } {
  const dir = mkdtempSync(join(tmpdir(), 'opsloop-span-writer-'));
  dirs.push(dir);
  const path = join(dir, 'opsloop.db');
  return { store: openSqliteStore({ path, spanWriterThread: true }), path };
}

/** What another connection sees: committed rows only. */
function committedSpans(path: string): number {
  const db = new Database(path, { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM spans').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

const TRACE_HEX = '4bf92f3577b34da6a3ce929d0e0e4736';

/** An OTLP Span (protobufjs object form) of trace TRACE_HEX, with an attribute that stays in its bytes. */
function otlpSpan(id: number): Record<string, unknown> {
  const spanId = Buffer.alloc(8);
  spanId.writeUInt32BE(id, 4);
  const startNs = BigInt(T0 + id) * 1_000_000n;
  return {
    traceId: Buffer.from(TRACE_HEX, 'hex'),
    spanId,
    name: `op-${id}`,
    kind: 2,
    startTimeUnixNano: String(startNs),
    endTimeUnixNano: String(startNs + 2_000_000n),
    attributes: [{ key: 'http.route', value: { stringValue: `/route/${id}` } }],
  };
}

const batch = (traceId: string, count: number) => ({
  spans: Array.from({ length: count }, (_, i) => span({ traceId, spanId: `${traceId}-${i}`, startMs: T0 + i })),
  services: [{ name: 'cart', lastSeenMs: T0 + count }],
  instances: [{ service: 'cart', instance: 'cart-1', host: 'node-a', lastSeenMs: T0 + count }],
});

describe('SpanWriterThread', () => {
  it('resolves once the batch is committed, with who reported it, and reads back the same spans', async () => {
    const { store, path } = openStore();
    const writer = store.spanWriter;
    assert.ok(writer, 'a file store opened with spanWriterThread has a writer');
    const spans = [
      span({ spanId: 'a', parentSpanId: 'root', instance: 'cart-1', statusMessage: 'boom', status: 'error', peerService: 'redis' }),
      span({ spanId: 'b', attributes: { 'é': 'ü', ok: true } }),
    ];
    assert.equal(await writer.write({ spans, services: [{ name: 'cart', lastSeenMs: T0 }], instances: [] }), true);
    assert.equal(committedSpans(path), 2);
    assert.deepEqual(store.telemetry.spansOfTrace('trace-1'), spans);
    assert.deepEqual(store.topology.services(), [{ name: 'cart', lastSeenMs: T0 }]);
    await writer.close();
    store.close();
  });

  it('stores a batch sent again in the same body once, and answers false for it', async () => {
    const { store, path } = openStore();
    const body = new Uint8Array([1, 2, 3]);
    const writer = store.spanWriter as SpanWriterThread;
    assert.equal(await writer.write({ ...batch('t', 3), batchBody: body }), true);
    assert.equal(await writer.write({ ...batch('t', 3), batchBody: body }), false);
    assert.equal(await writer.write({ ...batch('t', 3), batchBody: new Uint8Array([1, 2, 4]) }), true, 'another body');
    assert.equal(committedSpans(path), 6);
    await writer.close();
    store.close();
  });

  it('stores spans decoded from an OTLP body, packed with it, as the in-line store does', async () => {
    const body = ExportTraceServiceRequest.encode(
      ExportTraceServiceRequest.fromObject({
        resourceSpans: [
          {
            resource: { attributes: [{ key: 'service.name', value: { stringValue: 'cart' } }] },
            scopeSpans: [{ spans: [1, 2, 3].map((id) => otlpSpan(id)) }],
          },
        ],
      }),
    ).finish();
    const spans = new OtlpIngestor().ingest('traces', 'protobuf', body).batch.spans ?? [];
    assert.ok(spans.every((decoded) => decoded.encoded !== undefined && decoded.encoded.buffer === body.buffer));
    const { store } = openStore();
    const writer = store.spanWriter as SpanWriterThread;
    assert.equal(await writer.write({ spans, batchBody: body, services: [], instances: [] }), true);
    assert.equal(await writer.write({ spans, batchBody: body.slice(), services: [], instances: [] }), false, 'the same bytes again');
    const inLine = openSqliteStore({ path: ':memory:' });
    inLine.telemetry.insertSpans(spans);
    assert.deepEqual(store.telemetry.spansOfTrace(TRACE_HEX), inLine.telemetry.spansOfTrace(TRACE_HEX));
    assert.equal(store.telemetry.spansOfTrace(TRACE_HEX).length, 3);
    inLine.close();
    await writer.close();
    store.close();
  });

  it('close() stores every batch written before it', async () => {
    const { store, path } = openStore();
    const writer = store.spanWriter as SpanWriterThread;
    const writes = ['a', 'b', 'c'].map((trace) => writer.write(batch(trace, 50)));
    assert.equal(writer.queued, 3);
    await writer.close();
    assert.deepEqual(await Promise.all(writes), [true, true, true]);
    assert.equal(committedSpans(path), 150);
    await assert.rejects(writer.write(batch('d', 1)), SpanWriterError, 'a closed writer refuses');
    store.close();
  });

  it('fails the batch, and every later one, when its thread dies instead of leaving them waiting', async () => {
    const { path, store } = openStore();
    const writer = new SpanWriterThread(path, { workerUrl: new URL('../../fixtures/span-writer/exiting-worker.mjs', import.meta.url) });
    await assert.rejects(writer.write(batch('t', 2)), /exited \(code 3\)/);
    await assert.rejects(writer.write(batch('u', 2)), SpanWriterError);
    assert.equal(writer.queued, 0);
    await writer.close();
    await store.spanWriter?.close();
    store.close();
  });

  it('waits for the main connection’s transaction rather than failing (both begin IMMEDIATE)', async () => {
    const { store, path } = openStore();
    const writer = store.spanWriter as SpanWriterThread;
    let written: Promise<boolean> | undefined;
    store.transaction(() => {
      store.topology.touchServices([{ name: 'checkout', lastSeenMs: T0 }]);
      written = writer.write(batch('t', 5));
      // Hold the write lock a moment while the thread tries to begin.
      const until = Date.now() + 50;
      while (Date.now() < until);
    });
    assert.equal(await written, true);
    assert.equal(committedSpans(path), 5);
    await writer.close();
    store.close();
  });

  it('stores what analysis derived (RED points, edges) after the spans written before it', async () => {
    const { store } = openStore();
    const writer = store.spanWriter as SpanWriterThread;
    const spans = writer.write(batch('t', 4));
    const point = metricPoint();
    const edge = { caller: 'frontend', callee: 'cart', via: 'span' as const, lastSeenMs: T0 };
    await writer.writeAnalysis({ points: [point, { ...point, timeMs: T0 + 10_000, value: 14 }], edges: [edge] });
    assert.equal(await spans, true);
    assert.deepEqual(store.telemetry.seriesPoints(seriesKey(point), { fromMs: T0, toMs: T0 + 10_000 }), [
      { timeMs: T0, value: 12.5 },
      { timeMs: T0 + 10_000, value: 14 },
    ]);
    assert.deepEqual(store.topology.edges(), [edge]);
    await writer.close();
    store.close();
  });

  it('is absent for an in-memory store', () => {
    const store = openSqliteStore({ path: ':memory:', spanWriterThread: true });
    assert.equal(store.spanWriter, undefined);
    store.close();
  });
});
