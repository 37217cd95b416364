import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ExportTraceServiceRequest } from '../../../src/demo/otlp-proto.js';
import { attributeOfEncodedSpan, attributesOfEncodedSpan } from '../../../src/ingest/otlp/encoded-span.js';
import { OtlpIngestor } from '../../../src/ingest/otlp/otlp-ingestor.js';
import type { SpanRecord } from '../../../src/core/records.js';
import { tracePayload } from '../../fixtures/otlp/sdk-payloads.js';

function ingestSpans(bytes: Uint8Array): SpanRecord[] {
  return new OtlpIngestor().ingest('traces', 'protobuf', bytes).batch.spans ?? [];
}

/** One span with the given attributes, as protobuf bytes of a whole request. */
function requestWith(attributes: Array<Record<string, unknown>>): Uint8Array {
  const request = {
    resourceSpans: [
      {
        resource: { attributes: [{ key: 'service.name', value: { stringValue: 'cart' } }] },
        scopeSpans: [
          {
            spans: [
              {
                traceId: Buffer.from('0af7651916cd43dd8448eb211c80319c', 'hex'),
                spanId: Buffer.from('b7ad6b7169203331', 'hex'),
                name: 'GET /cart',
                kind: 3,
                startTimeUnixNano: '1767614400123456789',
                endTimeUnixNano: '1767614400125456789',
                attributes,
                events: [{ name: 'exception', timeUnixNano: '1767614400124000000', attributes: [{ key: 'exception.type', value: { stringValue: 'Shadowed' } }] }],
              },
            ],
          },
        ],
      },
    ],
  };
  return ExportTraceServiceRequest.encode(ExportTraceServiceRequest.fromObject(request)).finish().slice();
}

const key = (text: string) => Buffer.from(text, 'utf8');

describe('attributesOfEncodedSpan()', () => {
  it('gives back the attributes ingest made from the same bytes, for SDK spans', async () => {
    const spans = ingestSpans(await tracePayload('protobuf'));
    assert.ok(spans.length > 0);
    for (const span of spans) {
      assert.ok(span.encoded !== undefined);
      assert.deepStrictEqual(attributesOfEncodedSpan(span.encoded), span.attributes);
    }
  });
});

describe('attributeOfEncodedSpan()', () => {
  const [span] = ingestSpans(
    requestWith([
      { key: 'db.system', value: { stringValue: 'postgresql' } },
      { key: 'http.response.body.size', value: { intValue: '2048' } },
      { key: 'ok', value: { boolValue: true } },
      { key: 'ratio', value: { doubleValue: Number.POSITIVE_INFINITY } },
      { key: 'list', value: { arrayValue: { values: [{ intValue: 1 }, { stringValue: 'two' }] } } },
      { key: 'empty', value: {} },
      { key: 'twice', value: { stringValue: 'first' } },
      { key: 'twice', value: { stringValue: 'last' } },
      { key: 'db.system.name' },
    ]),
  );
  const encoded = span?.encoded ?? new Uint8Array();

  it('reads one value by key, each kind as the decoded attributes hold it', () => {
    assert.equal(attributeOfEncodedSpan(encoded, key('db.system')), 'postgresql');
    assert.equal(attributeOfEncodedSpan(encoded, key('http.response.body.size')), 2048);
    assert.equal(attributeOfEncodedSpan(encoded, key('ok')), true);
    assert.equal(attributeOfEncodedSpan(encoded, key('ratio')), 'Infinity');
    assert.equal(attributeOfEncodedSpan(encoded, key('list')), '[1,"two"]');
    assert.equal(attributeOfEncodedSpan(encoded, key('twice')), 'last');
    for (const [name, value] of Object.entries(span?.attributes ?? {})) assert.equal(attributeOfEncodedSpan(encoded, key(name)), value);
  });

  it('answers undefined for a missing key, an empty value, a key with no value and an event attribute', () => {
    assert.equal(attributeOfEncodedSpan(encoded, key('db')), undefined);
    assert.equal(attributeOfEncodedSpan(encoded, key('db.systemx')), undefined);
    assert.equal(attributeOfEncodedSpan(encoded, key('empty')), undefined);
    assert.equal(attributeOfEncodedSpan(encoded, key('db.system.name')), undefined);
    assert.equal(attributeOfEncodedSpan(encoded, key('exception.type')), undefined);
  });
});
