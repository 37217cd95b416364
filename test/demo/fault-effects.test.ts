/**
 * Runs the simulation through its first cycle of faults (one of each kind) and checks that each
 * leaves the footprint the platform is meant to detect.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { Fault, FaultKind } from '../../src/core/api.js';
import { FaultKindSchema } from '../../src/core/api.js';
import { ShopSimulation } from '../../src/demo/simulation.js';
import type { DemoChange } from '../../src/demo/simulation.js';
import type { FlatSpan } from './otlp-helpers.js';
import { attr, durationMs, flattenLogs, flattenMetrics, flattenSpans, selfTimesMs } from './otlp-helpers.js';

const START = Date.UTC(2026, 0, 1, 8);
/** Seed 13's first cycle puts the memory leak and the network delay on pods of two-pod cart. */
const SEED = 13;
const KINDS = FaultKindSchema.options.length;

interface Observed {
  spans: FlatSpan[];
  logs: ReturnType<typeof flattenLogs>;
  metrics: ReturnType<typeof flattenMetrics>;
}

const baseline: Observed = { spans: [], logs: [], metrics: [] };
const during = new Map<FaultKind, Observed>();
const changes: DemoChange[] = [];
/** Every log line of the run, for lines at fault transitions (OOM kill, restart). */
const allLogs: ReturnType<typeof flattenLogs> = [];
let faults: Fault[] = [];

function faultOf(kind: FaultKind): Fault {
  const fault = faults.find((f) => f.kind === kind);
  assert.ok(fault, `a ${kind} fault was injected`);
  return fault;
}

before(() => {
  const simulation = new ShopSimulation({ seed: SEED, startMs: START, warmupMs: 60_000, stepMs: 5_000 });
  let lastEnd = Number.POSITIVE_INFINITY;
  while (simulation.nowMs() < lastEnd) {
    const output = simulation.step();
    changes.push(...output.changes);
    allLogs.push(...flattenLogs(output.logs));
    faults = simulation.faults();
    const active = faults.find((f) => f.start <= output.fromMs && output.toMs <= f.end);
    if (faults.length === KINDS) lastEnd = faults[KINDS - 1]?.end ?? lastEnd;
    const firstStart = faults[0]?.start ?? Number.POSITIVE_INFINITY;
    // Baseline: the warm-up and the minute before the first fault.
    const seen = active ? during.get(active.kind) ?? { spans: [], logs: [], metrics: [] } : output.toMs <= firstStart ? baseline : undefined;
    if (!seen) continue;
    if (active) during.set(active.kind, seen);
    seen.spans.push(...flattenSpans(output.traces));
    seen.logs.push(...flattenLogs(output.logs));
    if (output.metrics) seen.metrics.push(...flattenMetrics(output.metrics));
  }
});

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function ownServerSpans(seen: Observed, service: string): FlatSpan[] {
  return seen.spans.filter((s) => s.service === service && (s.kind === 2 || s.kind === 5));
}

function medianSelfTime(seen: Observed, service: string): number {
  return median(selfTimesMs(ownServerSpans(seen, service), seen.spans));
}

test('fault schedule fixture: the seed covers every kind and crashes a service with synchronous callers', () => {
  assert.deepEqual(new Set(faults.map((f) => f.kind)).size, KINDS);
  assert.notEqual(faultOf('crash').service, 'shipping');
  assert.equal(faultOf('memory_leak').service, 'cart');
  assert.equal(faultOf('network_delay').service, 'cart');
});

test('crash: the service emits nothing, callers fail fast with ECONNREFUSED and return errors', () => {
  const { service } = faultOf('crash');
  const seen = during.get('crash');
  assert.ok(seen);
  assert.equal(seen.spans.filter((s) => s.service === service).length, 0);
  assert.equal(seen.logs.filter((l) => l.service === service).length, 0);
  assert.equal(seen.metrics.filter((m) => m.service === service).length, 0);
  const refused = seen.spans.filter((s) => s.kind === 3 && attr(s, 'peer.service') === service);
  assert.ok(refused.length > 20);
  for (const span of refused) {
    assert.equal(span.status.code, 2);
    assert.equal(span.status.message, `connect ECONNREFUSED ${service}:8080`);
    assert.ok(Number(BigInt(span.endTimeUnixNano) - BigInt(span.startTimeUnixNano)) < 5e6, 'fails within 5 ms');
    const parent: FlatSpan | undefined = seen.spans.find((s) => s.spanId === span.parentSpanId);
    assert.equal(parent?.status.code, 2, 'the caller returns an error');
  }
  assert.ok(seen.logs.some((l) => l.severityText === 'ERROR' && l.body.stringValue.includes('ECONNREFUSED')));
});

test('latency: the service own self-time grows by 300–800 ms', () => {
  const { service } = faultOf('latency');
  const seen = during.get('latency');
  assert.ok(seen);
  const increase = medianSelfTime(seen, service) - medianSelfTime(baseline, service);
  assert.ok(increase > 300 && increase < 800, `self-time grew by ${increase} ms`);
});

test('error_burst: about 40% of the service requests fail and callers see error spans', () => {
  const { service } = faultOf('error_burst');
  const seen = during.get('error_burst');
  assert.ok(seen);
  const own = ownServerSpans(seen, service);
  const ratio = own.filter((s) => s.status.code === 2).length / own.length;
  assert.ok(ratio > 0.3 && ratio < 0.55, `error ratio ${ratio}`);
  const baseOwn = ownServerSpans(baseline, service);
  assert.ok(baseOwn.filter((s) => s.status.code === 2).length / baseOwn.length < 0.02);
  if (service !== 'shipping') {
    const failedCalls = seen.spans.filter((s) => s.kind === 3 && attr(s, 'peer.service') === service && s.status.code === 2);
    assert.ok(failedCalls.length > 10);
    assert.ok(failedCalls.every((s) => attr(s, 'http.response.status_code') === 500));
  }
  assert.ok(seen.logs.some((l) => l.service === service && l.severityText === 'ERROR' && l.traceId && l.spanId));
});

test('cpu_saturation: CPU gauge near 1 and own latency two to three times higher', () => {
  const { service } = faultOf('cpu_saturation');
  const seen = during.get('cpu_saturation');
  assert.ok(seen);
  const cpu = (w: Observed) =>
    w.metrics
      .filter((m) => m.service === service && m.name === 'process.cpu.utilization')
      .map((m) => ('gauge' in m ? (m.gauge.dataPoints[0]?.asDouble ?? 0) : 0));
  const saturated = cpu(seen);
  assert.ok(saturated.length > 0 && saturated.every((v) => v >= 0.9 && v <= 1), `cpu ${saturated.join(',')}`);
  assert.ok(cpu(baseline).every((v) => v < 0.5));
  const ratio = medianSelfTime(seen, service) / medianSelfTime(baseline, service);
  assert.ok(ratio > 1.7 && ratio < 3.5, `self-time ratio ${ratio}`);
});

test('bad_deploy: a deploy change is posted, the version changes and a new error template appears', () => {
  const fault = faultOf('bad_deploy');
  const seen = during.get('bad_deploy');
  assert.ok(seen);
  const deploy = changes.find((c) => c.service === fault.service && c.time === fault.start);
  assert.ok(deploy, 'change at the fault start');
  assert.equal(deploy.kind, 'deploy');
  const own = ownServerSpans(seen, fault.service);
  assert.ok(own.every((s) => s.version === deploy.version));
  assert.ok(ownServerSpans(baseline, fault.service).every((s) => s.version !== deploy.version));
  const ratio = own.filter((s) => s.status.code === 2).length / own.length;
  assert.ok(ratio > 0.15 && ratio < 0.35, `error ratio ${ratio}`);
  const errors = seen.logs.filter((l) => l.service === fault.service && l.severityText === 'ERROR');
  assert.ok(errors.some((l) => l.body.stringValue.includes(`version=${deploy.version}`)));
  const rollback = changes.find((c) => c.service === fault.service && c.time === fault.end);
  assert.ok(rollback && rollback.version !== deploy.version, 'rolled back when the fault ends');
});

function gaugeOf(seen: Observed, pod: string, name: string): number[] {
  return seen.metrics
    .filter((m) => m.pod === pod && m.name === name)
    .map((m) => {
      if ('gauge' in m) return m.gauge.dataPoints[0]?.asDouble ?? Number(m.gauge.dataPoints[0]?.asInt);
      if ('sum' in m) return Number(m.sum.dataPoints[0]?.asInt);
      return Number.NaN;
    });
}

function otherPod(service: string, pod: string | undefined): string {
  const other = baseline.spans.find((s) => s.service === service && s.pod !== pod)?.pod;
  assert.ok(other, `${service} has a second pod`);
  return other;
}

test('memory_leak: memory and heap climb on the faulty pod only, GC pauses slow it, and it is OOM-killed at the end', () => {
  const fault = faultOf('memory_leak');
  const seen = during.get('memory_leak');
  assert.ok(seen && fault.instance);
  const memory = gaugeOf(seen, fault.instance, 'process.memory.usage');
  const first = memory[0] ?? 0;
  const last = memory.at(-1) ?? 0;
  assert.ok(last > 2 * first, `memory ${first} → ${last}`);
  const healthy = gaugeOf(seen, otherPod(fault.service, fault.instance), 'process.memory.usage');
  assert.ok(Math.max(...healthy) < 1.3 * Math.min(...healthy), `healthy pod memory ${healthy.join(',')}`);
  const heap = gaugeOf(seen, fault.instance, 'v8js.memory.heap.used');
  assert.ok((heap.at(-1) ?? 0) > 2 * (heap[0] ?? Number.POSITIVE_INFINITY), 'the runtime heap gauge climbs too');

  const ownSpans = (pod: string) => seen.spans.filter((s) => s.pod === pod && s.kind === 2);
  const slowShare = (spans: FlatSpan[]) => spans.filter((s) => durationMs(s) > 40).length / spans.length;
  assert.ok(slowShare(ownSpans(fault.instance)) > 0.1, 'GC pauses stall requests on the leaking pod');
  assert.ok(slowShare(ownSpans(otherPod(fault.service, fault.instance))) < 0.02);
  assert.ok(seen.logs.some((l) => l.pod === fault.instance && l.severityText === 'WARN' && l.body.stringValue.includes('Mark-Compact')));

  const oom = allLogs.find((l) => l.pod === fault.instance && l.body.stringValue.includes('JavaScript heap out of memory'));
  assert.ok(oom, 'the OOM kill is logged');
  assert.ok(allLogs.some((l) => l.pod === fault.instance && l.body.stringValue.startsWith('Server started') && BigInt(l.timeUnixNano) > BigInt(oom.timeUnixNano)));
});

test('network_delay: callers wait longer for the faulty pod while its own self-time is unchanged', () => {
  const fault = faultOf('network_delay');
  const seen = during.get('network_delay');
  assert.ok(seen && fault.instance);
  const serverPod = new Map(seen.spans.filter((s) => s.kind === 2).map((s) => [s.parentSpanId, s.pod]));
  const callsTo = (pod: string) => seen.spans.filter((s) => s.kind === 3 && attr(s, 'peer.service') === fault.service && serverPod.get(s.spanId) === pod).map(durationMs);
  const extra = median(callsTo(fault.instance)) - median(callsTo(otherPod(fault.service, fault.instance)));
  // 150–350 ms on the answer, and as much again on cart's own database request leaving the pod.
  assert.ok(extra > 150 && extra < 700, `client-side extra latency ${extra} ms`);

  const self = (w: Observed, pod: string) => median(selfTimesMs(w.spans.filter((s) => s.pod === pod && s.kind === 2), w.spans));
  const ratio = self(seen, fault.instance) / self(baseline, fault.instance);
  assert.ok(ratio > 0.7 && ratio < 1.4, `server self-time ratio ${ratio}`);
  const ownErrors = seen.spans.filter((s) => s.pod === fault.instance && s.status.code === 2);
  assert.ok(ownErrors.length <= 2, 'the delayed pod itself does not fail');
});

test('wrong_response: the callee answers 200 and stays healthy in its own spans and logs; its caller throws and logs', () => {
  const fault = faultOf('wrong_response');
  const seen = during.get('wrong_response');
  assert.ok(seen);
  const own = ownServerSpans(seen, fault.service);
  assert.ok(own.length > 20);
  assert.ok(own.filter((s) => s.status.code === 2).length / own.length < 0.02, 'callee spans stay OK');
  assert.equal(seen.logs.filter((l) => l.service === fault.service && l.severityText === 'ERROR').length, 0);

  const calls = seen.spans.filter((s) => s.kind === 3 && attr(s, 'peer.service') === fault.service);
  assert.ok(calls.every((s) => s.status.code !== 2 && attr(s, 'http.response.status_code') === 200), 'client spans see a successful 200');
  const tiny = calls.filter((s) => Number(attr(s, 'http.response.body.size')) < 100);
  assert.ok(tiny.length > 0.3 * calls.length, 'spoilt answers are far smaller');

  const byId = new Map(seen.spans.map((s) => [s.spanId, s]));
  const failedCallers = tiny.map((s) => byId.get(s.parentSpanId ?? '')).filter((p): p is FlatSpan => p?.status.code === 2);
  assert.ok(failedCallers.length > 0.9 * tiny.length, 'the caller fails on each spoilt answer');
  for (const caller of failedCallers) {
    assert.notEqual(caller.service, fault.service);
    assert.ok(caller.events?.some((e) => e.name === 'exception' && attr(e, 'exception.type') !== undefined), 'with an exception event of its own');
  }
  const callerLogs = seen.logs.filter((l) => l.service === failedCallers[0]?.service && l.severityText === 'ERROR');
  assert.ok(callerLogs.some((l) => l.body.stringValue.includes(`${fault.service} response`)));
});
