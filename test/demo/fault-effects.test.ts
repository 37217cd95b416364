/**
 * Runs the simulation through its first five faults (one of each kind) and checks that each
 * leaves the footprint the platform is meant to detect.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { Fault, FaultKind } from '../../src/core/api.js';
import { ShopSimulation } from '../../src/demo/simulation.js';
import type { DemoChange } from '../../src/demo/simulation.js';
import type { FlatSpan } from './otlp-helpers.js';
import { attr, flattenLogs, flattenMetrics, flattenSpans, selfTimesMs } from './otlp-helpers.js';

const START = Date.UTC(2026, 0, 1, 8);
const SEED = 7;

interface Observed {
  spans: FlatSpan[];
  logs: ReturnType<typeof flattenLogs>;
  metrics: ReturnType<typeof flattenMetrics>;
}

const baseline: Observed = { spans: [], logs: [], metrics: [] };
const during = new Map<FaultKind, Observed>();
const changes: DemoChange[] = [];
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
    faults = simulation.faults();
    const active = faults.find((f) => f.start <= output.fromMs && output.toMs <= f.end);
    if (faults.length === 5) lastEnd = faults[4]?.end ?? lastEnd;
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

test('fault schedule fixture: seed 7 crashes a service with synchronous callers', () => {
  assert.deepEqual(new Set(faults.map((f) => f.kind)).size, 5);
  assert.notEqual(faultOf('crash').service, 'shipping');
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
