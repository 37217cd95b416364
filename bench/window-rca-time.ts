/**
 * Answer time of root-cause ranking over a stored window (POST /api/v1/rca, the engine's
 * rankWindow): 50 services in a call tree, 30 traces a second for 40 minutes through the real
 * loop into a file store, one service failing in its own code during minutes 35–38; then the
 * 3-minute window of the fault is ranked a few times. The target is ≤ 1 s.
 *
 *   npm run bench:rca-time
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLoop } from '../src/app/loop.js';
import { ConfigSchema } from '../src/core/config.js';
import type { LogRecord, SpanRecord } from '../src/core/records.js';
import { openSqliteStore } from '../src/store/sqlite/index.js';

const SERVICES = 50;
const TRACES_PER_SECOND = 30;
const MINUTES = 40;
const FAULT = { fromMinute: 35, toMinute: 38, service: 5 };
const T0 = Date.parse('2026-03-02T08:00:00Z');
const RUNS = 5;

const name = (i: number): string => `svc-${String(i).padStart(2, '0')}`;
const hex = (n: number, width: number): string => n.toString(16).padStart(width, '0');
let seed = 42;
/** A small deterministic generator (mulberry32), so every run ranks the same data. */
function random(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/** One trace down a random root-to-leaf path of the tree (service i calls 2i+1 and 2i+2). */
function trace(index: number, startMs: number, faulty: boolean): { spans: SpanRecord[]; logs: LogRecord[] } {
  const path = [0];
  for (let next = 1 + Math.floor(random() * 2); next < SERVICES; next = 2 * next + 1 + Math.floor(random() * 2)) path.push(next);
  const failAt = faulty && path.includes(FAULT.service) && random() < 0.5 ? FAULT.service : -1;
  const failing = failAt >= 0;
  const traceId = hex(index, 32);
  const spans: SpanRecord[] = [];
  const logs: LogRecord[] = [];
  let parent: string | undefined;
  let at = startMs;
  // Durations shrink down the path; the faulty service adds 200 ms of its own.
  path.forEach((service, depth) => {
    const own = 5 + random() * 3 + (faulty && service === FAULT.service ? 200 : 0);
    const below = (path.length - depth - 1) * 8;
    const failed = failing && path.indexOf(failAt) >= depth;
    const server: SpanRecord = {
      traceId, spanId: hex(index * 64 + depth * 2, 16), ...(parent ? { parentSpanId: parent } : {}),
      service: name(service), instance: `${name(service)}-pod-${index % 2}`, name: 'handle', kind: 'server',
      startMs: at, durationMs: own + below, status: failed ? 'error' : 'unset', attributes: {},
    };
    spans.push(server);
    if (failed) logs.push({ service: name(service), instance: server.instance!, timeMs: at, severityNumber: 17, severityText: 'ERROR', body: `request ${index} failed: ${service === failAt ? 'null pointer in handler' : 'downstream error'}`, attributes: {} });
    const callee = path[depth + 1];
    if (callee !== undefined) {
      const client: SpanRecord = {
        traceId, spanId: hex(index * 64 + depth * 2 + 1, 16), parentSpanId: server.spanId, service: name(service),
        instance: server.instance!, name: 'call', kind: 'client', startMs: at + 1, durationMs: below, peerService: name(callee),
        status: failing && path.indexOf(failAt) > depth ? 'error' : 'unset', attributes: { 'peer.service': name(callee) },
      };
      spans.push(client);
      parent = client.spanId;
      at += 2;
    }
  });
  return { spans, logs };
}

const dir = mkdtempSync(join(tmpdir(), 'opsloop-window-rca-'));
const store = openSqliteStore({ path: join(dir, 'opsloop.db') });
const loop = createLoop({ config: ConfigSchema.parse({}), store });
try {
  let index = 0;
  let spanCount = 0;
  const ingestStarted = performance.now();
  for (let second = 0; second < MINUTES * 60; second += 10) {
    const minute = second / 60;
    const faulty = minute >= FAULT.fromMinute && minute < FAULT.toMinute;
    const spans: SpanRecord[] = [];
    const logs: LogRecord[] = [];
    for (let s = second; s < second + 10; s++) {
      for (let k = 0; k < TRACES_PER_SECOND; k++) {
        const one = trace(index++, T0 + s * 1000 + Math.floor((k * 1000) / TRACES_PER_SECOND), faulty);
        spans.push(...one.spans);
        logs.push(...one.logs);
      }
    }
    spanCount += spans.length;
    loop.telemetry.accept({ spans, logs });
    await loop.settle();
  }
  const ingestSeconds = (performance.now() - ingestStarted) / 1000;
  console.log(`ingested ${spanCount} spans of ${SERVICES} services over ${MINUTES} min in ${ingestSeconds.toFixed(1)} s`);

  const range = { fromMs: T0 + FAULT.fromMinute * 60_000, toMs: T0 + FAULT.toMinute * 60_000 };
  const wall: number[] = [];
  const cpu: number[] = [];
  let last = loop.rankWindow(range);
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    last = loop.rankWindow(range);
    const used = process.cpuUsage(cpuBefore);
    wall.push(performance.now() - started);
    cpu.push((used.user + used.system) / 1000);
  }
  const median = (values: number[]): string => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!.toFixed(0);
  const top = last.causes[0];
  // CPU time too: on a busy machine wall time mostly measures the other processes.
  console.log(`rankWindow over 3 min: median ${median(wall)} ms wall, ${median(cpu)} ms CPU (target ≤ 1000 ms)`);
  console.log(`symptoms ${JSON.stringify(last.symptoms)}; top cause ${top?.service} (${top?.instance ?? 'no instance'}, score ${top?.score.toFixed(2)}), true ${name(FAULT.service)}`);
  console.log(`evidence: ${top?.evidence}`);
} finally {
  await loop.close();
  store.close();
  rmSync(dir, { recursive: true, force: true });
}
