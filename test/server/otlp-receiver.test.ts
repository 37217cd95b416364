import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import {
  ProtobufLogsSerializer,
  ProtobufMetricsSerializer,
  ProtobufTraceSerializer,
} from '@opentelemetry/otlp-transformer';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildOtlpReceiver } from '../../src/server/otlp-receiver.js';
import { counter, encodeJson, metricsRequest, numberPoint } from '../fixtures/otlp/json-builders.js';
import { decodeRpcStatus } from '../fixtures/otlp/decode-rpc-status.js';
import { RecordingSink } from '../fixtures/otlp/recording-sink.js';
import { CONTENT_TYPE, logsPayload, metricsFixture, tracePayload, type Encoding } from '../fixtures/otlp/sdk-payloads.js';

const LIMIT = 64 * 1024;
const receivers: FastifyInstance[] = [];

function setup(options: { bodyLimitBytes?: number } = {}) {
  const sink = new RecordingSink();
  const app = buildOtlpReceiver({ sink, bodyLimitBytes: options.bodyLimitBytes ?? LIMIT });
  receivers.push(app);
  return { sink, app };
}

after(async () => {
  await Promise.all(receivers.map((app) => app.close()));
});

function post(app: FastifyInstance, url: string, body: Buffer, headers: Record<string, string>) {
  return app.inject({ method: 'POST', url, payload: body, headers });
}

/** google.rpc.Status fields of a protobuf error body. */
function rpcStatus(response: LightMyRequestResponse): { code: number; message: string } {
  return decodeRpcStatus(response.rawPayload);
}

const ENCODINGS: readonly Encoding[] = ['protobuf', 'json'];

describe('buildOtlpReceiver()', () => {
  for (const encoding of ENCODINGS) {
    describe(`${encoding} requests`, () => {
      it('accepts traces and replies with an empty ExportTraceServiceResponse', async () => {
        const { app, sink } = setup();
        const response = await post(app, '/v1/traces', await tracePayload(encoding), { 'content-type': CONTENT_TYPE[encoding] });
        assert.equal(response.statusCode, 200);
        assert.equal(response.headers['content-type']?.toString().split(';')[0], CONTENT_TYPE[encoding]);
        if (encoding === 'json') assert.deepEqual(response.json(), {});
        else assert.deepEqual({ ...ProtobufTraceSerializer.deserializeResponse(response.rawPayload) }, {});
        assert.equal(sink.batches.length, 1);
        assert.deepEqual(sink.spans.map((span) => span.name).sort(), ['GET /cart', 'SELECT carts']);
        assert.equal(sink.spans.find((span) => span.kind === 'client')?.peerService, 'pg-main');
      });

      it('accepts logs', async () => {
        const { app, sink } = setup();
        const response = await post(app, '/v1/logs', await logsPayload(encoding), { 'content-type': CONTENT_TYPE[encoding] });
        assert.equal(response.statusCode, 200);
        if (encoding === 'protobuf') assert.equal(ProtobufLogsSerializer.deserializeResponse(response.rawPayload).partialSuccess, null);
        assert.deepEqual(sink.logs.map((log) => log.severityText), ['WARN', 'INFO2']);
      });

      it('accepts metrics and turns counters into rates on the second export', async () => {
        const { app, sink } = setup();
        const fixture = metricsFixture();
        fixture.record();
        const first = await post(app, '/v1/metrics', await fixture.collect(encoding), { 'content-type': CONTENT_TYPE[encoding] });
        assert.equal(first.statusCode, 200);
        assert.deepEqual(sink.metrics.map((point) => point.name).sort(), ['http.server.active_requests', 'queue.depth']);
        fixture.record();
        await new Promise((resolve) => setTimeout(resolve, 5));
        const second = await post(app, '/v1/metrics', await fixture.collect(encoding), { 'content-type': CONTENT_TYPE[encoding] });
        assert.equal(second.statusCode, 200);
        const names = new Set(sink.metrics.map((point) => point.name));
        for (const name of ['http.server.requests', 'http.server.duration.count', 'http.server.duration.p95']) assert.ok(names.has(name), name);
        assert.ok(sink.metrics.filter((point) => point.name === 'http.server.requests').every((point) => point.value > 0));
        if (encoding === 'protobuf') assert.equal(ProtobufMetricsSerializer.deserializeResponse(second.rawPayload).partialSuccess, null);
      });

      it('accepts gzip-compressed bodies', async () => {
        const { app, sink } = setup();
        const response = await post(app, '/v1/traces', gzipSync(await tracePayload(encoding)), {
          'content-type': CONTENT_TYPE[encoding],
          'content-encoding': 'gzip',
        });
        assert.equal(response.statusCode, 200);
        assert.equal(sink.spans.length, 2);
      });
    });
  }

  it('accepts a charset parameter on the content type', async () => {
    const { app, sink } = setup();
    const response = await post(app, '/v1/traces', await tracePayload('json'), { 'content-type': 'application/json; charset=utf-8' });
    assert.equal(response.statusCode, 200);
    assert.equal(sink.spans.length, 2);
  });

  it('reports partial success in JSON, keeping the valid items', async () => {
    const { app, sink } = setup();
    const body = encodeJson({
      resourceSpans: [
        {
          scopeSpans: [
            {
              spans: [
                { traceId: '0af7651916cd43dd8448eb211c80319c', spanId: 'b7ad6b7169203331', startTimeUnixNano: '1', endTimeUnixNano: '2' },
                { traceId: '', spanId: 'b7ad6b7169203332', startTimeUnixNano: '1', endTimeUnixNano: '2' },
              ],
            },
          ],
        },
      ],
    });
    const response = await post(app, '/v1/traces', body, { 'content-type': 'application/json' });
    assert.equal(response.statusCode, 200);
    assert.deepEqual(response.json(), { partialSuccess: { rejectedSpans: '1', errorMessage: '1 rejected: traceId is missing or invalid (1)' } });
    assert.equal(sink.spans.length, 1);
  });

  it('reports rejected data points and log records, storing nothing when everything was rejected', async () => {
    const { app, sink } = setup();
    const metrics = metricsRequest([counter('requests', [{ timeUnixNano: '0', asDouble: 1 }, numberPoint(1, 'NaN')])]);
    const json = await post(app, '/v1/metrics', encodeJson(metrics), { 'content-type': 'application/json' });
    assert.equal(json.statusCode, 200);
    assert.equal(json.json<{ partialSuccess: { rejectedDataPoints: string } }>().partialSuccess.rejectedDataPoints, '2');
    const logs = await post(app, '/v1/logs', emptyLogRecordProtobuf(), { 'content-type': 'application/x-protobuf' });
    assert.equal(logs.statusCode, 200);
    const decoded = ProtobufLogsSerializer.deserializeResponse(logs.rawPayload);
    assert.equal(Number(decoded.partialSuccess?.rejectedLogRecords), 1);
    assert.match(decoded.partialSuccess?.errorMessage ?? '', /timeUnixNano and observedTimeUnixNano are missing/);
    assert.equal(sink.batches.length, 0);
  });

  it('answers 400 with a google.rpc.Status for malformed protobuf', async () => {
    const { app } = setup();
    const response = await post(app, '/v1/traces', Buffer.from([0x0a, 0xff, 0xff, 0xff, 0x0f]), { 'content-type': 'application/x-protobuf' });
    assert.equal(response.statusCode, 400);
    assert.equal(response.headers['content-type'], 'application/x-protobuf');
    const status = rpcStatus(response);
    assert.equal(status.code, 3);
    assert.match(status.message, /^Malformed payload: body is not a valid protobuf ExportTraceServiceRequest/);
  });

  it('answers 400 with { code, message } naming the field for a wrong JSON shape', async () => {
    const { app } = setup();
    const response = await post(app, '/v1/logs', encodeJson({ resourceLogs: [{ scopeLogs: { logRecords: [] } }] }), {
      'content-type': 'application/json',
    });
    assert.equal(response.statusCode, 400);
    assert.deepEqual(response.json(), {
      code: 'OPS_ERR_BAD_PAYLOAD',
      message: 'Malformed payload: resourceLogs[0].scopeLogs must be an array, got object',
    });
    const invalid = await post(app, '/v1/logs', Buffer.from('{'), { 'content-type': 'application/json' });
    assert.equal(invalid.statusCode, 400);
    assert.match(invalid.json<{ message: string }>().message, /not valid JSON/);
  });

  it('answers 400 for a corrupt gzip body', async () => {
    const { app } = setup();
    const response = await post(app, '/v1/traces', Buffer.from('not gzip at all'), {
      'content-type': 'application/json',
      'content-encoding': 'gzip',
    });
    assert.equal(response.statusCode, 400);
    assert.match(response.json<{ message: string }>().message, /gzip body cannot be decompressed/);
  });

  it('answers 413 for a body over the limit, on the wire or after decompression', async () => {
    const { app } = setup({ bodyLimitBytes: 1024 });
    const big = Buffer.alloc(2048, 0x20);
    const wire = await post(app, '/v1/traces', big, { 'content-type': 'application/json' });
    assert.equal(wire.statusCode, 413);
    assert.deepEqual(wire.json(), { code: 'OPS_ERR_BODY_TOO_LARGE', message: 'Request body exceeds the limit of 1024 bytes' });
    const bomb = gzipSync(Buffer.alloc(1_000_000, 0x20));
    assert.ok(bomb.length < 1024);
    const inflated = await post(app, '/v1/traces', bomb, { 'content-type': 'application/x-protobuf', 'content-encoding': 'gzip' });
    assert.equal(inflated.statusCode, 413);
    assert.equal(rpcStatus(inflated).message, 'Request body exceeds the limit of 1024 bytes');
  });

  it('answers 415 naming the type received and the types accepted', async () => {
    const { app } = setup();
    const text = await post(app, '/v1/metrics', Buffer.from('hello'), { 'content-type': 'text/plain' });
    assert.equal(text.statusCode, 415);
    assert.deepEqual(text.json(), {
      code: 'OPS_ERR_UNSUPPORTED_MEDIA_TYPE',
      message: 'Unsupported content type "text/plain"; expected application/x-protobuf or application/json',
    });
    const none = await app.inject({ method: 'POST', url: '/v1/metrics' });
    assert.equal(none.statusCode, 415);
    assert.match(none.json<{ message: string }>().message, /\(none\)/);
    const brotli = await post(app, '/v1/metrics', Buffer.from('{}'), { 'content-type': 'application/json', 'content-encoding': 'br' });
    assert.equal(brotli.statusCode, 415);
    assert.match(brotli.json<{ message: string }>().message, /Content-Encoding "br".*gzip or identity/);
  });

  it('answers 503 with Retry-After when the sink is overloaded, and yields the same rates on retry', async () => {
    const { app, sink } = setup();
    const send = (time: number, value: number) =>
      post(app, '/v1/metrics', encodeJson(metricsRequest([counter('requests', [numberPoint(time, value)])])), {
        'content-type': 'application/json',
      });
    assert.equal((await send(10, 100)).statusCode, 200);
    sink.overload();
    const refused = await send(20, 200);
    assert.equal(refused.statusCode, 503);
    assert.equal(refused.headers['retry-after'], '5');
    assert.deepEqual(refused.json(), { code: 'OPS_ERR_OVERLOADED', message: 'opsloop is overloaded (backlog 5001 > 5000); retry later' });
    sink.failWith = undefined;
    assert.equal((await send(20, 200)).statusCode, 200);
    assert.deepEqual(sink.metrics.map((point) => point.value), [10]);
  });

  it('answers 503 in google.rpc.Status for protobuf requests', async () => {
    const { app, sink } = setup();
    sink.overload();
    const response = await post(app, '/v1/traces', await tracePayload('protobuf'), { 'content-type': 'application/x-protobuf' });
    assert.equal(response.statusCode, 503);
    assert.equal(response.headers['retry-after'], '5');
    assert.equal(rpcStatus(response).code, 14);
  });

  it('answers 500 without details when the sink fails unexpectedly', async () => {
    const { app, sink } = setup();
    sink.failWith = new Error('disk on fire');
    const response = await post(app, '/v1/traces', await tracePayload('json'), { 'content-type': 'application/json' });
    assert.equal(response.statusCode, 500);
    assert.deepEqual(response.json(), { code: 'OPS_ERR_INTERNAL', message: 'Internal error while handling the OTLP request' });
  });

  it('answers 404 in JSON for unknown routes and methods', async () => {
    const { app } = setup();
    const unknown = await post(app, '/v1/profiles', Buffer.from('{}'), { 'content-type': 'application/json' });
    assert.equal(unknown.statusCode, 404);
    assert.deepEqual(unknown.json(), { code: 'OPS_ERR_NOT_FOUND', message: 'POST /v1/profiles not found' });
    const get = await app.inject({ method: 'GET', url: '/v1/traces' });
    assert.equal(get.statusCode, 404);
    assert.equal(get.json<{ code: string }>().code, 'OPS_ERR_NOT_FOUND');
  });

  it('leaves earlier accepted batches intact when later requests fail', async () => {
    const { app, sink } = setup({ bodyLimitBytes: 4096 });
    assert.equal((await post(app, '/v1/traces', await tracePayload('json'), { 'content-type': 'application/json' })).statusCode, 200);
    const stored = structuredClone(sink.batches);
    const failures = [
      await post(app, '/v1/traces', Buffer.from('{"resourceSpans":7}'), { 'content-type': 'application/json' }),
      await post(app, '/v1/traces', Buffer.from([0xff, 0xff]), { 'content-type': 'application/x-protobuf' }),
      await post(app, '/v1/traces', Buffer.alloc(8192, 0x20), { 'content-type': 'application/json' }),
      await post(app, '/v1/traces', Buffer.from('x'), { 'content-type': 'text/csv' }),
    ];
    sink.overload();
    failures.push(await post(app, '/v1/traces', await tracePayload('json'), { 'content-type': 'application/json' }));
    assert.deepEqual(failures.map((response) => response.statusCode), [400, 400, 413, 415, 503]);
    assert.deepEqual(sink.batches, stored);
  });

  it('never crashes on random bytes', async () => {
    const { app } = setup();
    let seed = 42;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed;
    };
    for (let round = 0; round < 150; round++) {
      const bytes = Buffer.from(Array.from({ length: random() % 200 }, () => random() % 256));
      for (const contentType of ['application/x-protobuf', 'application/json']) {
        const response = await post(app, `/v1/${['traces', 'metrics', 'logs'][round % 3]}`, bytes, { 'content-type': contentType });
        assert.ok([200, 400].includes(response.statusCode), `status ${response.statusCode}: ${response.body}`);
      }
    }
  });

  it('refuses a bodyLimitBytes that is not a positive integer', () => {
    assert.throws(() => buildOtlpReceiver({ sink: new RecordingSink(), bodyLimitBytes: 0 }), /bodyLimitBytes must be a positive integer, got 0/);
  });
});

/** An ExportLogsServiceRequest holding one log record with no fields set. */
function emptyLogRecordProtobuf(): Buffer {
  // resourceLogs (1) { scopeLogs (2) { logRecords (2) {} } }
  return Buffer.from([0x0a, 0x04, 0x12, 0x02, 0x12, 0x00]);
}
