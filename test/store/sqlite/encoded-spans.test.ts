/**
 * Spans that arrive as OTLP/protobuf are stored as their Span message bytes, not as attributes
 * JSON (telemetry-rows.ts). Every reader must answer exactly as it does for the same spans
 * stored as JSON (spans from OTLP/JSON, and rows written before).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import type { SpanRecord } from '../../../src/core/records.js';
import { ExportTraceServiceRequest } from '../../../src/demo/otlp-proto.js';
import { OtlpIngestor } from '../../../src/ingest/otlp/otlp-ingestor.js';
import { openSqliteStore } from '../../../src/store/sqlite/index.js';

const T0_NS = 1_900_000_000_000n * 1_000_000n;
const TRACE = Buffer.from('4bf92f3577b34da6a3ce929d0e0e4736', 'hex');
const ms = (offset: number) => String(T0_NS + BigInt(offset) * 1_000_000n);
const text = (key: string, value: string) => ({ key, value: { stringValue: value } });

function span(id: number, parent: number | undefined, fields: Record<string, unknown>): Record<string, unknown> {
  const spanId = Buffer.alloc(8);
  spanId.writeUInt32BE(id, 4);
  const parentSpanId = parent === undefined ? undefined : Buffer.alloc(8);
  parentSpanId?.writeUInt32BE(parent ?? 0, 4);
  return { traceId: TRACE, spanId, ...(parentSpanId ? { parentSpanId } : {}), ...fields };
}

function resource(service: string, pod: string, spans: Array<Record<string, unknown>>): Record<string, unknown> {
  return { resource: { attributes: [text('service.name', service), text('k8s.pod.name', pod)] }, scopeSpans: [{ spans }] };
}

/** A checkout: frontend calls cart, which queries postgres, publishes to kafka and fails. */
const REQUEST = {
  resourceSpans: [
    resource('frontend', 'frontend-0', [
      span(1, undefined, { name: 'GET /checkout', kind: 2, startTimeUnixNano: ms(0), endTimeUnixNano: ms(40), attributes: [{ key: 'http.response.body.size', value: { intValue: '512' } }] }),
      span(2, 1, { name: 'POST /cart', kind: 3, startTimeUnixNano: ms(1), endTimeUnixNano: ms(39), attributes: [text('peer.service', 'cart'), { key: 'http.response.body.size', value: { intValue: '64' } }] }),
    ]),
    resource('cart', 'cart-0', [
      span(3, 2, { name: 'POST /cart', kind: 2, startTimeUnixNano: ms(2), endTimeUnixNano: ms(38), status: { code: 2, message: 'boom' }, attributes: [text('exception.type', 'TimeoutError')] }),
      span(4, 3, { name: 'SELECT carts', kind: 3, startTimeUnixNano: ms(3), endTimeUnixNano: ms(20), attributes: [text('db.system', 'postgresql'), text('server.address', 'postgres')] }),
      span(5, 3, { name: 'publish orders', kind: 4, startTimeUnixNano: ms(21), endTimeUnixNano: ms(22), attributes: [text('messaging.system', 'kafka'), text('messaging.destination.name', 'orders'), { key: 'retry', value: { boolValue: true } }] }),
    ]),
  ],
};

const bytes = ExportTraceServiceRequest.encode(ExportTraceServiceRequest.fromObject(REQUEST)).finish().slice();
const ingested = new OtlpIngestor().ingest('traces', 'protobuf', bytes).batch.spans ?? [];
// Records leave ingest with every field present (undefined when absent: one object shape for
// the analysis that reads them); read back from the store, absent fields are left out.
const asJson: SpanRecord[] = ingested.map(({ encoded: _bytes, ...rest }) => definedFields(rest));

function definedFields<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as T;
}

const dir = mkdtempSync(join(tmpdir(), 'opsloop-encoded-spans-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function storeWith(name: string, spans: SpanRecord[]) {
  const path = join(dir, `${name}.db`);
  const store = openSqliteStore({ path });
  store.telemetry.insertSpans(spans);
  return { store, path };
}

describe('spans stored as their OTLP/protobuf bytes', () => {
  const encoded = storeWith('encoded', ingested);
  const json = storeWith('json', asJson);
  after(() => {
    encoded.store.close();
    json.store.close();
  });
  const range = { fromMs: 1_900_000_000_000, toMs: 1_900_000_000_100 };

  it('are kept as bytes, and JSON-born spans as JSON', () => {
    assert.equal(ingested.length, 5);
    const storage = (path: string) => {
      const db = new Database(path, { readonly: true });
      try {
        return db.prepare('SELECT DISTINCT typeof(attributes) AS type FROM spans').all();
      } finally {
        db.close();
      }
    };
    assert.deepEqual(storage(encoded.path), [{ type: 'blob' }]);
    assert.deepEqual(storage(json.path), [{ type: 'text' }]);
  });

  it('read back as the spans ingest produced, attributes included', () => {
    const traceId = TRACE.toString('hex');
    const read = encoded.store.telemetry.spansOfTrace(traceId);
    assert.deepStrictEqual(read, asJson);
    assert.deepStrictEqual(read.find((s) => s.name === 'publish orders')?.attributes, { 'messaging.system': 'kafka', 'messaging.destination.name': 'orders', retry: true });
    assert.deepStrictEqual(json.store.telemetry.spansOfTrace(traceId), read);
  });

  it('give the service map the same peers, systems and parents', () => {
    const map = encoded.store.serviceMap.mapSpans(range, 100);
    assert.deepStrictEqual(map, json.store.serviceMap.mapSpans(range, 100));
    assert.equal(map.spans.find((s) => s.kind === 'client' && s.service === 'cart')?.dbSystem, 'postgresql');
    assert.equal(map.spans.find((s) => s.kind === 'producer')?.messagingSystem, 'kafka');
  });

  it('give window outcomes the same response sizes, and trace search the same traces', () => {
    const outcomes = encoded.store.windows.spanOutcomes(range);
    assert.deepStrictEqual(outcomes, json.store.windows.spanOutcomes(range));
    const frontend = outcomes.filter((o) => o.service === 'frontend');
    assert.equal(frontend.reduce((sum, o) => sum + o.bodies, 0), 2);
    const search = { service: 'cart', status: 'error', limit: 10 } as const;
    assert.deepStrictEqual(encoded.store.traces.search(search), json.store.traces.search(search));
    assert.equal(encoded.store.traces.search(search).traces[0]?.errorCount, 1);
  });
});
