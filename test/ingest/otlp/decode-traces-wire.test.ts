import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { OpsError } from '../../../src/core/errors.js';
import { ExportTraceServiceRequest } from '../../../src/demo/otlp-proto.js';
import { decodeTracesWire, readSpan } from '../../../src/ingest/otlp/decode-traces-wire.js';
import type { OtlpTracesRequest } from '../../../src/ingest/otlp/otlp-types.js';
import { ProtobufWireReader } from '../../../src/ingest/otlp/protobuf-wire-reader.js';
import { decodeOtlpProtobuf } from '../../../src/ingest/otlp/otlp-protobuf.js';
import { tracePayload } from '../../fixtures/otlp/sdk-payloads.js';

/** The reference: protobufjs' generated decoder and the tolerant field readers. */
const reference = (bytes: Uint8Array) => decodeOtlpProtobuf('traces', bytes);

/**
 * decodeTracesWire's result less each span's `encoded` bytes (which the reference has no
 * counterpart for), after checking that those bytes are the span's own: read alone, they give
 * the same span.
 */
function decodedWithoutBytes(bytes: Uint8Array): OtlpTracesRequest {
  const request = decodeTracesWire(bytes);
  for (const group of request) {
    for (const scope of group.scopes) {
      scope.items = scope.items.map(({ encoded, ...span }) => {
        assert.ok(encoded !== undefined, 'every span keeps its bytes');
        const { encoded: again, ...alone } = readSpan(new ProtobufWireReader(encoded), encoded.byteLength);
        assert.equal(again, undefined);
        assert.deepStrictEqual(alone, span);
        return span;
      });
    }
  }
  return request;
}

function encode(request: Record<string, unknown>): Uint8Array {
  return ExportTraceServiceRequest.encode(ExportTraceServiceRequest.fromObject(request)).finish().slice();
}

const id = (hex: string) => Buffer.from(hex, 'hex');

function nested(depth: number): Record<string, unknown> {
  let value: Record<string, unknown> = { stringValue: 'bottom' };
  for (let level = 0; level < depth; level++) value = { arrayValue: { values: [value] } };
  return value;
}

function isBadPayload(pattern: RegExp) {
  return (error: unknown) => error instanceof OpsError && error.code === 'OPS_ERR_BAD_PAYLOAD' && pattern.test(error.message);
}

describe('decodeTracesWire()', () => {
  it('reads SDK spans as the protobufjs path does', async () => {
    const bytes = await tracePayload('protobuf');
    assert.deepStrictEqual(decodedWithoutBytes(bytes), reference(bytes));
  });

  it('reads every AnyValue kind, empty values, repeated and hostile keys, and skips events, links and trace state', () => {
    const bytes = encode({
      resourceSpans: [
        {
          resource: { attributes: [{ key: 'service.name', value: { stringValue: 'cart' } }] },
          schemaUrl: 'https://opentelemetry.io/schemas/1.26.0',
          scopeSpans: [
            {
              scope: { name: 'manual', version: '1.0', attributes: [{ key: 'x', value: { boolValue: true } }] },
              spans: [
                {
                  traceId: id('0af7651916cd43dd8448eb211c80319c'),
                  spanId: id('b7ad6b7169203331'),
                  parentSpanId: id('00f067aa0ba902b7'),
                  traceState: 'vendor=1',
                  name: 'GET /cart',
                  kind: 3,
                  startTimeUnixNano: '1767614400123456789',
                  endTimeUnixNano: '1767614400125456789',
                  attributes: [
                    { key: 'text', value: { stringValue: 'héllo ✓' } },
                    { key: 'flag', value: { boolValue: false } },
                    { key: 'negative', value: { intValue: '-42' } },
                    { key: 'huge', value: { intValue: '9007199254740993' } },
                    { key: 'ratio', value: { doubleValue: 0.25 } },
                    { key: 'nan', value: { doubleValue: Number.NaN } },
                    { key: 'raw', value: { bytesValue: Buffer.from([0, 1, 254, 255]) } },
                    { key: 'list', value: { arrayValue: { values: [{ intValue: 1 }, { stringValue: 'two' }, {}] } } },
                    { key: 'map', value: { kvlistValue: { values: [{ key: 'inner', value: { kvlistValue: { values: [{ key: 'k', value: { boolValue: true } }] } } }] } } },
                    { key: 'empty', value: {} },
                    { key: 'missing' },
                    { key: 'twice', value: { stringValue: 'first' } },
                    { key: 'twice', value: { stringValue: 'last' } },
                    { key: '__proto__', value: { stringValue: 'own' } },
                  ],
                  events: [{ name: 'exception', timeUnixNano: '1767614400124000000', attributes: [{ key: 'a', value: { stringValue: 'b' } }] }],
                  links: [{ traceId: id('0af7651916cd43dd8448eb211c80319d'), spanId: id('b7ad6b7169203332') }],
                  status: { code: 2, message: 'boom' },
                  flags: 1,
                },
                { name: 'no ids, no times, no status' },
              ],
            },
            { spans: [{ name: 'scope without scope', kind: 7 }] },
          ],
        },
        { scopeSpans: [] },
      ],
    });
    const decoded = decodedWithoutBytes(bytes);
    assert.deepStrictEqual(decoded, reference(bytes));
    const attributes = decoded[0]!.scopes[0]!.items[0]!.attributes;
    assert.equal(Object.getPrototypeOf(attributes), Object.prototype);
    assert.equal(Object.getOwnPropertyDescriptor(attributes, '__proto__')?.value, 'own');
  });

  it('decodes only the span attributes asked for, leaving the rest in the span bytes', async () => {
    const bytes = await tracePayload('protobuf');
    const full = decodeTracesWire(bytes);
    const wanted = new Set(['db.system', 'server.address']);
    const picked = decodeTracesWire(bytes, { spanAttributes: wanted });
    const spans = (request: OtlpTracesRequest) => request.flatMap((group) => group.scopes.flatMap((scope) => scope.items));
    assert.ok(spans(full).some((span) => Object.keys(span.attributes).length > 2), 'the payload has other attributes');
    spans(picked).forEach((span, index) => {
      const reference = spans(full)[index]!;
      assert.deepStrictEqual(span.attributes, Object.fromEntries(Object.entries(reference.attributes).filter(([key]) => wanted.has(key))));
      assert.deepStrictEqual({ ...span, attributes: reference.attributes }, reference);
    });
  });

  it('checks the attributes it does not decode: bad nesting or wire types are refused as if decoded', () => {
    const only = { spanAttributes: new Set(['wanted']) };
    const deep = encode({ resourceSpans: [{ scopeSpans: [{ spans: [{ attributes: [{ key: 'deep', value: nested(40) }] }] }] }] });
    assert.throws(() => decodeTracesWire(deep, only), isBadPayload(/nests deeper than 32 levels/));
    const allowed = encode({ resourceSpans: [{ scopeSpans: [{ spans: [{ attributes: [{ key: 'deep', value: nested(30) }] }] }] }] });
    assert.doesNotThrow(() => decodeTracesWire(allowed, only));
    // A span (field 2 of ScopeSpans) whose one attribute holds an AnyValue with string_value
    // (field 1) sent as a varint.
    const pair = Buffer.from([0x0a, 0x01, 0x78, 0x12, 0x02, 0x08, 0x01]);
    const span = Buffer.concat([Buffer.from([0x4a, pair.length]), pair]);
    const scopeSpans = Buffer.concat([Buffer.from([0x12, span.length]), span]);
    const resourceSpans = Buffer.concat([Buffer.from([0x12, scopeSpans.length]), scopeSpans]);
    const body = Buffer.concat([Buffer.from([0x0a, resourceSpans.length]), resourceSpans]);
    assert.throws(() => decodeTracesWire(body), isBadPayload(/string_value has wire type 0/));
    assert.throws(() => decodeTracesWire(body, only), isBadPayload(/string_value has wire type 0/));
  });

  it('answers OPS_ERR_BAD_PAYLOAD for truncated bytes, a wrong wire type and nesting past 32 levels', async () => {
    const bytes = await tracePayload('protobuf');
    assert.throws(() => decodeTracesWire(bytes.subarray(0, bytes.length - 3)), isBadPayload(/ExportTraceServiceRequest \(index out of range\)/));
    // Field 1 (resource_spans) sent as a varint.
    assert.throws(() => decodeTracesWire(Uint8Array.of(0x08, 0x01)), isBadPayload(/resource_spans has wire type 0/));
    const deep = encode({ resourceSpans: [{ scopeSpans: [{ spans: [{ attributes: [{ key: 'deep', value: nested(40) }] }] }] }] });
    assert.throws(() => decodeTracesWire(deep), isBadPayload(/nests deeper than 32 levels/));
    const allowed = encode({ resourceSpans: [{ scopeSpans: [{ spans: [{ attributes: [{ key: 'deep', value: nested(30) }] }] }] }] });
    assert.deepStrictEqual(decodedWithoutBytes(allowed), reference(allowed));
  });
});
