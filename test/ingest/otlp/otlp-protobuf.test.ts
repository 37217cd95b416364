import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  ProtobufLogsSerializer,
  ProtobufMetricsSerializer,
  ProtobufTraceSerializer,
} from '@opentelemetry/otlp-transformer';
import { OpsError } from '../../../src/core/errors.js';
import { encodeExportResponse } from '../../../src/ingest/otlp/encode-export-response.js';
import { decodeOtlpProtobuf } from '../../../src/ingest/otlp/otlp-protobuf.js';
import { BASE_SECONDS, logsPayload, metricsFixture, tracePayload } from '../../fixtures/otlp/sdk-payloads.js';

const BASE_NANOS = BigInt(BASE_SECONDS) * 1_000_000_000n;

describe('decodeOtlpProtobuf()', () => {
  it('decodes SDK spans: hex ids, bigint nanos, enums, attributes', async () => {
    const request = decodeOtlpProtobuf('traces', await tracePayload('protobuf'));
    assert.equal(request.length, 1);
    const group = request[0]!;
    assert.equal(group.resource['service.name'], 'checkout');
    const spans = group.scopes[0]!.items;
    assert.equal(group.scopes[0]!.scope.name, 'fixture');
    const client = spans.find((span) => span.name === 'SELECT carts')!;
    const server = spans.find((span) => span.name === 'GET /cart')!;
    assert.match(client.traceId, /^[0-9a-f]{32}$/);
    assert.match(client.spanId, /^[0-9a-f]{16}$/);
    assert.equal(client.parentSpanId, server.spanId);
    assert.equal(server.parentSpanId, '');
    assert.equal(client.kind, 3);
    assert.equal(server.kind, 2);
    assert.equal(client.startTimeUnixNano, BASE_NANOS + 1_000_000n);
    assert.equal(client.endTimeUnixNano, BASE_NANOS + 3_250_000n);
    assert.equal(client.statusCode, 2);
    assert.equal(client.statusMessage, 'deadlock detected');
    assert.deepEqual(client.attributes, { 'db.system': 'postgresql', 'server.address': 'pg-main', 'db.rows': [1, 2, 3] });
    assert.equal(server.attributes['http.response.status_code'], 200);
  });

  it('decodes SDK metrics of every instrument kind', async () => {
    const fixture = metricsFixture();
    fixture.record();
    const request = decodeOtlpProtobuf('metrics', await fixture.collect('protobuf'));
    const metrics = request[0]!.scopes[0]!.items;
    const byName = new Map(metrics.map((metric) => [metric.name, metric]));
    const counter = byName.get('http.server.requests')!;
    assert.equal(counter.unit, '{request}');
    assert.equal(counter.data.type, 'sum');
    if (counter.data.type !== 'sum') return;
    assert.equal(counter.data.monotonic, true);
    assert.equal(counter.data.temporality, 'cumulative');
    assert.deepEqual(counter.data.points.map((point) => point.value).sort(), [1, 3]);
    const histogram = byName.get('http.server.duration')!.data;
    assert.equal(histogram.type, 'histogram');
    if (histogram.type !== 'histogram') return;
    const point = histogram.points[0]!;
    assert.deepEqual(point.explicitBounds, [10, 50, 100, 500]);
    assert.deepEqual(point.bucketCounts, [1, 2, 1, 1, 0]);
    assert.equal(point.count, 5);
    assert.equal(point.sum, 525);
    assert.equal(point.min, 5);
    assert.equal(point.max, 400);
    assert.equal(byName.get('queue.depth')!.data.type, 'gauge');
    const upDown = byName.get('http.server.active_requests')!.data;
    assert.ok(upDown.type === 'sum' && !upDown.monotonic);
  });

  it('decodes SDK log records', async () => {
    const request = decodeOtlpProtobuf('logs', await logsPayload('protobuf'));
    const [warn, info] = request[0]!.scopes[0]!.items;
    assert.equal(warn!.severityNumber, 13);
    assert.equal(warn!.severityText, 'WARN');
    assert.equal(warn!.body, 'disk almost full');
    assert.equal(warn!.traceId, '0af7651916cd43dd8448eb211c80319c');
    assert.equal(warn!.spanId, 'b7ad6b7169203331');
    assert.equal(warn!.timeUnixNano, BASE_NANOS + 5_000_000n);
    assert.deepEqual(info!.body, { event: 'checkout', items: 3 });
    assert.equal(info!.severityText, '');
  });

  it('decodes an empty body as an empty request', () => {
    assert.deepEqual(decodeOtlpProtobuf('metrics', new Uint8Array()), []);
  });

  it('throws OPS_ERR_BAD_PAYLOAD on bytes that are not protobuf', () => {
    for (const bytes of [Buffer.from('{"resourceSpans":[]}'), Buffer.from([0x0a, 0xff, 0xff, 0xff, 0x0f]), Buffer.from([0xff])]) {
      assert.throws(
        () => decodeOtlpProtobuf('traces', bytes),
        (error: unknown) => error instanceof OpsError && error.code === 'OPS_ERR_BAD_PAYLOAD' && /ExportTraceServiceRequest/.test(error.message),
      );
    }
  });
});

describe('encodeExportResponse()', () => {
  it('encodes an empty protobuf response when nothing was rejected', () => {
    const encoded = encodeExportResponse('traces', 'protobuf', { rejected: 0, errorMessage: '' });
    assert.equal(encoded.contentType, 'application/x-protobuf');
    assert.equal(encoded.body.length, 0);
  });

  it('encodes partial success the SDK can read back, per signal', () => {
    const outcome = { rejected: 2, errorMessage: '2 rejected: bad' };
    const traces = ProtobufTraceSerializer.deserializeResponse(
      encodeExportResponse('traces', 'protobuf', outcome).body as Uint8Array,
    );
    assert.equal(Number(traces.partialSuccess?.rejectedSpans), 2);
    assert.equal(traces.partialSuccess?.errorMessage, '2 rejected: bad');
    const metrics = ProtobufMetricsSerializer.deserializeResponse(
      encodeExportResponse('metrics', 'protobuf', outcome).body as Uint8Array,
    );
    assert.equal(Number(metrics.partialSuccess?.rejectedDataPoints), 2);
    const logs = ProtobufLogsSerializer.deserializeResponse(encodeExportResponse('logs', 'protobuf', outcome).body as Uint8Array);
    assert.equal(Number(logs.partialSuccess?.rejectedLogRecords), 2);
  });

  it('encodes JSON with int64 as a string', () => {
    const encoded = encodeExportResponse('logs', 'json', { rejected: 3, errorMessage: 'x' });
    assert.equal(encoded.contentType, 'application/json');
    assert.deepEqual(JSON.parse(String(encoded.body)), { partialSuccess: { rejectedLogRecords: '3', errorMessage: 'x' } });
    assert.equal(encodeExportResponse('logs', 'json', { rejected: 0, errorMessage: '' }).body, '{}');
  });
});
