import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createDemo } from '../../src/demo/index.js';
import { ExportRejectedError } from '../../src/demo/index.js';
import { ExportTraceServiceRequest } from '../../src/demo/otlp-proto.js';
import type { Responder } from './otlp-helpers.js';
import { startRecorder } from './otlp-helpers.js';

const START = Date.UTC(2026, 0, 1, 8);

async function record(options: { seed: number; untilMs: number; respond?: Responder; warmupMinutes?: number }) {
  const recorder = await startRecorder(options.respond);
  const demo = createDemo({
    otlpUrl: recorder.url,
    apiUrl: recorder.url,
    seed: options.seed,
    speed: Number.POSITIVE_INFINITY,
    startMs: START,
    warmupMinutes: options.warmupMinutes ?? 1,
  });
  try {
    await demo.run({ untilMs: options.untilMs });
  } finally {
    await recorder.close();
  }
  return { demo, requests: recorder.requests };
}

test('createDemo() sends the same payloads for the same seed, over all three OTLP signals', async () => {
  const untilMs = START + 2 * 60_000;
  const a = await record({ seed: 21, untilMs });
  const b = await record({ seed: 21, untilMs });
  assert.equal(a.demo.nowMs(), untilMs);
  assert.deepEqual(new Set(a.requests.map((r) => r.path)), new Set(['/v1/traces', '/v1/metrics', '/v1/logs']));
  assert.equal(a.requests.length, b.requests.length);
  for (const [i, request] of a.requests.entries()) {
    assert.equal(request.path, b.requests[i]?.path);
    assert.ok(request.body.equals(b.requests[i]?.body ?? Buffer.alloc(0)), `request ${i} differs`);
  }
  const traces = a.requests.filter((r) => r.path === '/v1/traces');
  assert.equal(traces.length, 24, 'one trace export per 5 s step');
  for (const request of traces) assert.ok(ExportTraceServiceRequest.decode(request.body));
  assert.equal(a.requests.filter((r) => r.path === '/v1/metrics').length, 8, 'one metrics export per 15 s');
});

test('createDemo() starts the first fault 30 s after warm-up and posts a bad deploy as a change', async () => {
  // Seed 14's schedule opens with bad_deploy (the full schedule is covered in fault-effects.test.ts).
  const firstFaultMs = START + 90_000;
  const before = await record({ seed: 14, untilMs: firstFaultMs });
  assert.deepEqual(before.demo.faults(), []);
  assert.equal(before.requests.filter((r) => r.path === '/api/v1/changes').length, 0);

  const { demo, requests } = await record({ seed: 14, untilMs: firstFaultMs + 10_000 });
  const [fault] = demo.faults();
  assert.ok(fault);
  assert.deepEqual({ kind: fault.kind, start: fault.start, end: fault.end }, { kind: 'bad_deploy', start: firstFaultMs, end: firstFaultMs + 180_000 });
  const changes = requests.filter((r) => r.path === '/api/v1/changes');
  assert.equal(changes.length, 1);
  const change = JSON.parse(changes[0]?.body.toString() ?? '{}');
  assert.deepEqual(
    { service: change.service, kind: change.kind, time: change.time },
    { service: fault.service, kind: 'deploy', time: fault.start },
  );
  assert.match(change.version, /^\d+\.\d+\.\d+$/);
  // The change goes out before the telemetry of the step it happened in.
  const changeIndex = requests.findIndex((r) => r.path === '/api/v1/changes');
  assert.equal(requests[changeIndex + 1]?.path, '/v1/traces');
});

test('createDemo() retries a 503 during a run and loses nothing', async () => {
  let refused = 0;
  const respond: Responder = (request, _index, response) => {
    if (request.path !== '/v1/traces' || refused >= 2) return false;
    refused++;
    response.writeHead(503, { 'retry-after': '0' }).end();
    return true;
  };
  const { requests } = await record({ seed: 5, untilMs: START + 60_000, respond });
  assert.equal(refused, 2);
  assert.equal(requests.filter((r) => r.path === '/v1/traces').length, 12 + 2);
});

test('createDemo() rejects run() with the server answer on a non-retryable error', async () => {
  const respond: Responder = (_request, _index, response) => {
    response.writeHead(400, { 'content-type': 'application/json' }).end('{"message":"bad span"}');
    return true;
  };
  await assert.rejects(record({ seed: 5, untilMs: START + 60_000, respond }), (error: unknown) => {
    return error instanceof ExportRejectedError && error.body.includes('bad span');
  });
});

test('createDemo() paces steps after warm-up and stop() ends a run early', async () => {
  const recorder = await startRecorder();
  try {
    const paced = createDemo({ otlpUrl: recorder.url, apiUrl: recorder.url, seed: 1, speed: 100, startMs: START, warmupMinutes: 0, stepSeconds: 1 });
    const started = performance.now();
    await paced.run({ untilMs: START + 20_000 });
    const elapsed = performance.now() - started;
    // 20 simulated seconds at 100x take at least 200 ms of real time.
    assert.ok(elapsed >= 190 && elapsed < 3000, `elapsed ${elapsed}`);

    const slow = createDemo({ otlpUrl: recorder.url, apiUrl: recorder.url, seed: 1, speed: 1, startMs: START, warmupMinutes: 0 });
    const running = slow.run();
    setTimeout(() => slow.stop(), 30);
    const stopStarted = performance.now();
    await running;
    assert.ok(performance.now() - stopStarted < 1000, 'stop() interrupts the wait for the next step');
    assert.equal(slow.nowMs(), START, 'no step was due yet');

    const controller = new AbortController();
    controller.abort();
    await slow.run({ signal: controller.signal });
    assert.equal(slow.nowMs(), START);
  } finally {
    await recorder.close();
  }
});

test('createDemo() checks its options', () => {
  const base = { otlpUrl: 'http://x', apiUrl: 'http://x', seed: 1, startMs: START };
  assert.throws(() => createDemo({ ...base, speed: 0 }), RangeError);
  assert.throws(() => createDemo({ ...base, speed: 1, stepSeconds: -1 }), RangeError);
  assert.throws(() => createDemo({ ...base, speed: 1, startMs: Number.NaN }), RangeError);
});
