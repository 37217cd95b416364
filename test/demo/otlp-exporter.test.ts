import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ExportRejectedError, createExporter, retryAfterMs } from '../../src/demo/otlp-exporter.js';
import { ExportTraceServiceRequest } from '../../src/demo/otlp-proto.js';
import { ShopSimulation } from '../../src/demo/simulation.js';
import type { StepOutput } from '../../src/demo/simulation.js';
import type { Recorder } from './otlp-helpers.js';
import { flattenSpans, startRecorder } from './otlp-helpers.js';

let output: StepOutput;
let recorder: Recorder;
let answers: { status: number; headers?: Record<string, string>; body?: string }[] = [];

before(async () => {
  output = new ShopSimulation({ seed: 3, startMs: Date.UTC(2026, 0, 1), warmupMs: 0, stepMs: 15_000 }).step();
  recorder = await startRecorder((_request, _index, response) => {
    const answer = answers.shift();
    if (!answer) return false;
    response.writeHead(answer.status, answer.headers ?? {}).end(answer.body ?? '');
    return true;
  });
});

after(() => recorder.close());

test('createExporter() sends traces as valid OTLP protobuf with hex ids preserved', async () => {
  recorder.requests.length = 0;
  await createExporter({ otlpUrl: recorder.url, apiUrl: recorder.url }).sendTraces(output.traces);
  const [request] = recorder.requests;
  assert.ok(request);
  assert.equal(request.path, '/v1/traces');
  assert.equal(request.headers['content-type'], 'application/x-protobuf');
  const decoded = ExportTraceServiceRequest.toObject(ExportTraceServiceRequest.decode(request.body), {
    longs: String,
    bytes: String,
    enums: Number,
  });
  // bytes: String decodes to base64; turn back to hex to compare with the JSON form.
  const hex = (b64: unknown) => Buffer.from(String(b64), 'base64').toString('hex');
  const sent = flattenSpans(output.traces);
  const resourceSpans = decoded['resourceSpans'] as { scopeSpans: { spans: Record<string, unknown>[] }[] }[];
  const received = resourceSpans.flatMap((rs) => rs.scopeSpans.flatMap((ss) => ss.spans));
  assert.equal(received.length, sent.length);
  const first = received[0];
  const expected = sent[0];
  assert.ok(first && expected);
  assert.equal(hex(first['traceId']), expected.traceId);
  assert.equal(hex(first['spanId']), expected.spanId);
  assert.equal(first['startTimeUnixNano'], expected.startTimeUnixNano);
  assert.equal(first['name'], expected.name);
  const withParent = received.find((s) => s['parentSpanId']);
  assert.ok(withParent && /^[0-9a-f]{16}$/.test(hex(withParent['parentSpanId'])));
});

test('createExporter() sends metrics and logs as OTLP/JSON and changes to the API', async () => {
  recorder.requests.length = 0;
  const exporter = createExporter({ otlpUrl: `${recorder.url}/`, apiUrl: recorder.url });
  assert.ok(output.metrics);
  await exporter.sendMetrics(output.metrics);
  await exporter.sendLogs(output.logs);
  await exporter.postChange({ service: 'cart', kind: 'deploy', version: '1.13.0', description: 'x', time: 1, source: 'opsloop-demo' });
  assert.deepEqual(recorder.requests.map((r) => r.path), ['/v1/metrics', '/v1/logs', '/api/v1/changes']);
  assert.ok(recorder.requests.every((r) => r.headers['content-type'] === 'application/json'));
  assert.deepEqual(JSON.parse(recorder.requests[0]?.body.toString() ?? ''), output.metrics);
  assert.equal(JSON.parse(recorder.requests[2]?.body.toString() ?? '{}').version, '1.13.0');
});

test('createExporter() waits out 503 and 429 (honouring Retry-After) and drops nothing', async () => {
  recorder.requests.length = 0;
  answers = [
    { status: 503, headers: { 'retry-after': '0' }, body: 'busy' },
    { status: 429, headers: { 'retry-after': '0.05' } },
  ];
  const lines: string[] = [];
  const started = performance.now();
  await createExporter({ otlpUrl: recorder.url, apiUrl: recorder.url, log: (l) => lines.push(l) }).sendLogs(output.logs);
  assert.ok(performance.now() - started >= 45);
  assert.equal(recorder.requests.length, 3);
  assert.ok(recorder.requests.every((r) => r.body.equals(recorder.requests[0]?.body ?? Buffer.alloc(0))));
  assert.equal(lines.length, 2);
});

test('createExporter() throws ExportRejectedError with the body on other errors', async () => {
  answers = [{ status: 400, body: '{"code":"OPS_ERR_BAD_PAYLOAD"}' }];
  await assert.rejects(
    createExporter({ otlpUrl: recorder.url, apiUrl: recorder.url }).sendLogs(output.logs),
    (error: unknown) => error instanceof ExportRejectedError && error.status === 400 && error.body.includes('OPS_ERR_BAD_PAYLOAD'),
  );
});

test('createExporter() stops retrying when its signal aborts', async () => {
  answers = Array.from({ length: 5 }, () => ({ status: 503, headers: { 'retry-after': '10' } }));
  const controller = new AbortController();
  const sending = createExporter({ otlpUrl: recorder.url, apiUrl: recorder.url }).sendLogs(output.logs, controller.signal);
  setTimeout(() => controller.abort(), 50);
  await assert.rejects(sending, { name: 'AbortError' });
  answers = [];
});

test('retryAfterMs() reads delta-seconds and ignores junk', () => {
  assert.equal(retryAfterMs('2'), 2000);
  assert.equal(retryAfterMs(null), undefined);
  assert.equal(retryAfterMs('soon'), undefined);
});
