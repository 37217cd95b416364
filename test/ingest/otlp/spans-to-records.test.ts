import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseOtlpJson } from '../../../src/ingest/otlp/otlp-json.js';
import { decodeOtlpProtobuf } from '../../../src/ingest/otlp/otlp-protobuf.js';
import { attributesOfEncodedSpan } from '../../../src/ingest/otlp/encoded-span.js';
import { OtlpIngestor } from '../../../src/ingest/otlp/otlp-ingestor.js';
import { PEER_SERVICE_KEYS, peerServiceOf } from '../../../src/ingest/otlp/peer-service.js';
import { spansToRecords } from '../../../src/ingest/otlp/spans-to-records.js';
import { attributes, nanos } from '../../fixtures/otlp/json-builders.js';
import { BASE_MS, tracePayload } from '../../fixtures/otlp/sdk-payloads.js';

const TRACE = '0af7651916cd43dd8448eb211c80319c';

function span(overrides: Record<string, unknown>) {
  return {
    traceId: TRACE,
    spanId: 'b7ad6b7169203331',
    name: 'op',
    kind: 1,
    startTimeUnixNano: nanos(0),
    endTimeUnixNano: nanos(0.5),
    ...overrides,
  };
}

function convert(spans: unknown[]) {
  const body = { resourceSpans: [{ resource: { attributes: attributes({ 'service.name': 'cart' }) }, scopeSpans: [{ spans }] }] };
  return spansToRecords(parseOtlpJson('traces', Buffer.from(JSON.stringify(body))));
}

describe('spansToRecords()', () => {
  it('converts SDK spans: entity, kind, status, fractional duration, parent, peer service', async () => {
    const { spans, rejected } = spansToRecords(decodeOtlpProtobuf('traces', await tracePayload('protobuf')));
    assert.equal(rejected, 0);
    const client = spans.find((record) => record.kind === 'client')!;
    const server = spans.find((record) => record.kind === 'server')!;
    assert.equal(server.service, 'checkout');
    assert.equal(server.instance, 'checkout-7d9f');
    assert.equal(server.startMs, BASE_MS);
    assert.equal(server.durationMs, 12.5);
    assert.equal(server.status, 'unset');
    assert.equal(server.parentSpanId, undefined);
    assert.equal(server.peerService, undefined);
    assert.equal(client.durationMs, 2.25);
    assert.equal(client.status, 'error');
    assert.equal(client.statusMessage, 'deadlock detected');
    assert.equal(client.parentSpanId, server.spanId);
    assert.equal(client.traceId, server.traceId);
    assert.equal(client.peerService, 'pg-main');
    assert.equal(client.attributes['db.rows'], '[1,2,3]');
  });

  it('gives protobuf spans the attributes asked for and those naming the peer, the rest staying in their bytes', async () => {
    const body = await tracePayload('protobuf');
    const reference = spansToRecords(decodeOtlpProtobuf('traces', body)).spans;
    const asked = new Set(['http.route']);
    const kept = new Set([...asked, ...PEER_SERVICE_KEYS]);
    const ingested = new OtlpIngestor({ spanAttributes: asked }).ingest('traces', 'protobuf', body).batch.spans ?? [];
    assert.equal(ingested.length, reference.length);
    ingested.forEach(({ encoded, ...record }, index) => {
      const { attributes, ...rest } = reference[index]!;
      // The reference (through protobufjs) has no bytes: its `encoded` is there, undefined, as every absent field of a record is.
      assert.deepStrictEqual({ ...record, encoded: undefined }, { ...rest, attributes: Object.fromEntries(Object.entries(attributes).filter(([key]) => kept.has(key))) });
      assert.ok(encoded !== undefined);
      assert.deepStrictEqual(attributesOfEncodedSpan(encoded), attributes, 'every attribute is in the bytes the store keeps');
    });
    assert.ok(ingested.some((record) => record.attributes['http.route'] !== undefined));
    assert.ok(ingested.some((record) => record.peerService === 'pg-main'));
    assert.deepStrictEqual(
      (new OtlpIngestor().ingest('traces', 'protobuf', body).batch.spans ?? []).map(({ encoded: _encoded, ...record }) => record),
      reference.map(({ encoded: _none, ...record }) => record),
      'by default every attribute is decoded',
    );
  });

  it('maps every kind number, unspecified and unknown ones to internal', () => {
    const kinds = [0, 1, 2, 3, 4, 5, 9].map((kind, index) => span({ kind, spanId: `00000000000000${String(index + 1).padStart(2, '0')}` }));
    assert.deepEqual(
      convert(kinds).spans.map((record) => record.kind),
      ['internal', 'internal', 'server', 'client', 'producer', 'consumer', 'internal'],
    );
  });

  it('rejects spans with missing ids or times, counting each', () => {
    const { spans, rejected, errorMessage } = convert([
      span({}),
      span({ traceId: '' }),
      span({ spanId: '0000000000000000' }),
      span({ startTimeUnixNano: '0' }),
      span({ endTimeUnixNano: undefined }),
      span({ endTimeUnixNano: nanos(-1) }),
    ]);
    assert.equal(spans.length, 1);
    assert.equal(rejected, 5);
    for (const reason of ['traceId is missing', 'spanId is missing', 'startTimeUnixNano is missing', 'endTimeUnixNano is missing', 'before startTimeUnixNano']) {
      assert.ok(errorMessage.includes(reason), `${errorMessage} mentions ${reason}`);
    }
  });
});

describe('peerServiceOf()', () => {
  it('prefers peer.service on any kind', () => {
    assert.equal(peerServiceOf('server', { 'peer.service': 'gateway', 'server.address': 'x' }), 'gateway');
  });

  it('uses the messaging destination of producer spans when a messaging system is named', () => {
    assert.equal(peerServiceOf('producer', { 'messaging.system': 'kafka', 'messaging.destination.name': 'orders', 'server.address': 'broker-1' }), 'orders');
    assert.equal(peerServiceOf('producer', { 'messaging.destination.name': 'orders', 'server.address': 'broker-1' }), 'broker-1');
  });

  it('falls back to server.address, net.peer.name, then db.system on client spans', () => {
    assert.equal(peerServiceOf('client', { 'server.address': 'pay.internal', 'net.peer.name': 'old' }), 'pay.internal');
    assert.equal(peerServiceOf('client', { 'net.peer.name': 'old-style' }), 'old-style');
    assert.equal(peerServiceOf('client', { 'db.system': 'redis' }), 'redis');
    assert.equal(peerServiceOf('client', {}), undefined);
  });

  it('reads no attribute beyond PEER_SERVICE_KEYS, the ones the span path decodes', () => {
    const read = new Set<string>();
    const everything = Object.fromEntries([...PEER_SERVICE_KEYS, 'http.route'].map((key) => [key, 'x']));
    const recording = new Proxy(everything, {
      get(target, key) {
        if (typeof key === 'string') read.add(key);
        return target[key as string];
      },
    });
    for (const kind of ['client', 'producer', 'server'] as const) {
      peerServiceOf(kind, recording);
      peerServiceOf(kind, new Proxy({}, { get: (_target, key) => (typeof key === 'string' && read.add(key), undefined) }));
    }
    assert.deepEqual([...read].filter((key) => !PEER_SERVICE_KEYS.has(key)), []);
  });

  it('ignores outgoing-call attributes on server and internal spans', () => {
    assert.equal(peerServiceOf('server', { 'server.address': 'me', 'db.system': 'redis' }), undefined);
    assert.equal(peerServiceOf('internal', { 'server.address': 'me' }), undefined);
  });
});
