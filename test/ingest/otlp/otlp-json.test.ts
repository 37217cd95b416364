import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { OpsError } from '../../../src/core/errors.js';
import { parseOtlpJson } from '../../../src/ingest/otlp/otlp-json.js';
import { decodeOtlpProtobuf } from '../../../src/ingest/otlp/otlp-protobuf.js';
import {
  metricsFixture,
  sdkLogRecords,
  sdkSpans,
  serializeLogRecords,
  serializeMetrics,
  serializeSpans,
} from '../../fixtures/otlp/sdk-payloads.js';

function json(value: unknown): Buffer {
  return Buffer.from(JSON.stringify(value));
}

function badPayload(pattern: RegExp) {
  return (error: unknown) => error instanceof OpsError && error.code === 'OPS_ERR_BAD_PAYLOAD' && pattern.test(error.message);
}

describe('parseOtlpJson()', () => {
  it('yields the same shape as the protobuf path for the same SDK spans', async () => {
    const spans = await sdkSpans();
    assert.deepEqual(parseOtlpJson('traces', serializeSpans(spans, 'json')), decodeOtlpProtobuf('traces', serializeSpans(spans, 'protobuf')));
  });

  it('yields the same shape as the protobuf path for the same SDK metrics', async () => {
    const fixture = metricsFixture();
    fixture.record();
    const { resourceMetrics } = await fixture.reader.collect();
    assert.deepEqual(
      parseOtlpJson('metrics', serializeMetrics(resourceMetrics, 'json')),
      decodeOtlpProtobuf('metrics', serializeMetrics(resourceMetrics, 'protobuf')),
    );
  });

  it('yields the same shape as the protobuf path for the same SDK log records', async () => {
    const records = await sdkLogRecords();
    assert.deepEqual(
      parseOtlpJson('logs', serializeLogRecords(records, 'json')),
      decodeOtlpProtobuf('logs', serializeLogRecords(records, 'protobuf')),
    );
  });

  it('accepts snake_case keys, int64 as numbers, enum names, uppercase hex and base64 ids', () => {
    const request = parseOtlpJson(
      'traces',
      json({
        resource_spans: [
          {
            resource: { attributes: [{ key: 'service.name', value: { string_value: 'cart' } }] },
            scope_spans: [
              {
                spans: [
                  {
                    trace_id: '0AF7651916CD43DD8448EB211C80319C',
                    span_id: 't61rcWkgMzE=',
                    kind: 'SPAN_KIND_CLIENT',
                    start_time_unix_nano: 1_700_000_000_000_000_000,
                    end_time_unix_nano: '1700000000002000000',
                    status: { code: 'STATUS_CODE_ERROR' },
                    attributes: [{ key: 'retries', value: { int_value: 3 } }, { key: 'ratio', value: { double_value: 'NaN' } }],
                  },
                ],
              },
            ],
          },
        ],
      }),
    );
    const span = request[0]!.scopes[0]!.items[0]!;
    assert.equal(request[0]!.resource['service.name'], 'cart');
    assert.equal(span.traceId, '0af7651916cd43dd8448eb211c80319c');
    assert.equal(span.spanId, 'b7ad6b7169203331');
    assert.equal(span.kind, 3);
    assert.equal(span.statusCode, 2);
    assert.equal(span.endTimeUnixNano - span.startTimeUnixNano, 2_000_000n);
    assert.equal(span.attributes['retries'], 3);
    assert.ok(Number.isNaN(span.attributes['ratio']));
  });

  it('reads nested AnyValues and keeps __proto__ as an ordinary attribute key', () => {
    const request = parseOtlpJson(
      'logs',
      json({
        resourceLogs: [
          {
            scopeLogs: [
              {
                logRecords: [
                  {
                    timeUnixNano: '1',
                    body: { arrayValue: { values: [{ boolValue: false }, { kvlistValue: { values: [{ key: 'a', value: {} }] } }] } },
                    attributes: [{ key: '__proto__', value: { stringValue: 'x' } }, { key: 'bytes', value: { bytesValue: 'AQI=' } }],
                  },
                ],
              },
            ],
          },
        ],
      }),
    );
    const log = request[0]!.scopes[0]!.items[0]!;
    assert.deepEqual(log.body, [false, { a: null }]);
    assert.equal(Object.getPrototypeOf(log.attributes), Object.prototype);
    assert.deepEqual(Object.keys(log.attributes), ['__proto__', 'bytes']);
    assert.equal(log.attributes['bytes'], 'AQI=');
  });

  it('treats an absent top-level list as an empty request', () => {
    assert.deepEqual(parseOtlpJson('metrics', json({})), []);
  });

  it('rejects invalid JSON and wrong shapes with the path of the problem', () => {
    assert.throws(() => parseOtlpJson('traces', Buffer.from('{"resourceSpans": [')), badPayload(/not valid JSON/));
    assert.throws(() => parseOtlpJson('traces', json([])), badPayload(/request must be an object, got array/));
    assert.throws(() => parseOtlpJson('traces', json({ resourceSpans: 'x' })), badPayload(/resourceSpans must be an array, got string/));
    assert.throws(
      () => parseOtlpJson('traces', json({ resourceSpans: [{ scopeSpans: [{ spans: [{ startTimeUnixNano: 'soon' }] }] }] })),
      badPayload(/resourceSpans\[0\]\.scopeSpans\[0\]\.spans\[0\]\.startTimeUnixNano must be an integer, got string "soon"/),
    );
    assert.throws(
      () => parseOtlpJson('metrics', json({ resourceMetrics: [{ scopeMetrics: [{ metrics: [{ name: 'm', gauge: { dataPoints: [{ asDouble: {} }] } }] }] }] })),
      badPayload(/metrics\[0\]\.gauge\.dataPoints\[0\]\.asDouble must be a number/),
    );
    assert.throws(
      () => parseOtlpJson('traces', json({ resourceSpans: [{ scopeSpans: [{ spans: [{ traceId: 'not-an-id!' }] }] }] })),
      badPayload(/traceId must be a hex-encoded id/),
    );
  });

  it('refuses absurdly deep AnyValue nesting instead of recursing without bound', () => {
    let value: unknown = { stringValue: 'leaf' };
    for (let depth = 0; depth < 100; depth++) value = { arrayValue: { values: [value] } };
    const body = json({ resourceLogs: [{ scopeLogs: [{ logRecords: [{ timeUnixNano: '1', body: value }] }] }] });
    assert.throws(() => parseOtlpJson('logs', body), badPayload(/nests deeper than 32 levels/));
  });
});
