import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ShopSimulation } from '../../src/demo/simulation.js';
import type { StepOutput } from '../../src/demo/simulation.js';
import { attr, durationMs, flattenLogs, flattenMetrics, flattenSpans } from './otlp-helpers.js';

const START = Date.UTC(2026, 0, 1, 12);

function steps(seed: number, count: number, warmupMs = 20 * 60_000): StepOutput[] {
  const simulation = new ShopSimulation({ seed, startMs: START, warmupMs, stepMs: 5_000 });
  return Array.from({ length: count }, () => simulation.step());
}

test('ShopSimulation gives identical payloads for one seed and different ones for another', () => {
  assert.deepEqual(steps(42, 30), steps(42, 30));
  assert.notDeepEqual(steps(42, 3), steps(43, 3));
});

test('ShopSimulation emits connected traces: client→server across services, parents enclose children', () => {
  const outputs = steps(1, 24);
  const spans = outputs.flatMap((o) => flattenSpans(o.traces));
  const byId = new Map(spans.map((s) => [s.spanId, s]));
  const services = new Set(spans.map((s) => s.service));
  assert.ok(services.size >= 8, `services ${[...services].join(',')}`);
  assert.ok(!services.has('postgres') && !services.has('kafka'), 'uninstrumented services export no spans');

  let crossService = 0;
  for (const span of spans) {
    if (span.parentSpanId === undefined) {
      assert.equal(span.service, 'frontend');
      continue;
    }
    const parent = byId.get(span.parentSpanId);
    assert.ok(parent, `parent of ${span.name} in the same export`);
    assert.equal(parent.traceId, span.traceId);
    if (span.kind === 2) {
      // SERVER span: its parent is the caller's CLIENT span naming this service.
      assert.equal(parent.kind, 3);
      assert.notEqual(parent.service, span.service);
      assert.equal(attr(parent, 'peer.service'), span.service);
      assert.equal(attr(parent, 'server.address'), span.service);
      crossService++;
    }
    if (span.kind === 5) {
      assert.equal(parent.kind, 4, 'consumer is a child of the producer');
      assert.equal(parent.service, 'checkout');
      assert.equal(span.service, 'shipping');
      assert.equal(attr(parent, 'messaging.system'), 'kafka');
      assert.equal(attr(parent, 'messaging.destination.name'), 'orders');
      assert.equal(attr(span, 'messaging.destination.name'), 'orders');
      assert.ok(BigInt(span.startTimeUnixNano) >= BigInt(parent.endTimeUnixNano));
    } else {
      assert.ok(BigInt(span.startTimeUnixNano) >= BigInt(parent.startTimeUnixNano), `${span.name} starts inside ${parent.name}`);
      assert.ok(BigInt(span.endTimeUnixNano) <= BigInt(parent.endTimeUnixNano), `${span.name} ends inside ${parent.name}`);
    }
  }
  assert.ok(crossService > 100);

  const database = spans.filter((s) => attr(s, 'db.system') === 'postgresql');
  assert.ok(database.length > 50);
  for (const span of database) {
    assert.equal(span.kind, 3);
    assert.equal(attr(span, 'server.address'), 'postgres');
    assert.ok(['cart', 'checkout', 'inventory'].includes(span.service));
    assert.ok(attr(span, 'db.operation.name'));
  }
  const names = new Set(spans.map((s) => s.name));
  for (const name of ['GET /api/cart', 'POST /charge', 'publish orders', 'process orders', 'INSERT orders']) {
    assert.ok(names.has(name), name);
  }
});

test('ShopSimulation keeps traffic at 4–8 requests/s with a small baseline error ratio', () => {
  const outputs = steps(9, 12 * 20);
  const roots = outputs.flatMap((o) => flattenSpans(o.traces)).filter((s) => s.parentSpanId === undefined);
  const perSecond = roots.length / (outputs.length * 5);
  assert.ok(perSecond >= 4 && perSecond <= 8, `rate ${perSecond}`);
  const errorRatio = roots.filter((s) => s.status.code === 2).length / roots.length;
  assert.ok(errorRatio < 0.012, `error ratio ${errorRatio}`);
  const latencies = roots.map(durationMs).sort((a, b) => a - b);
  assert.ok((latencies[Math.floor(latencies.length / 2)] ?? 0) < 100);
});

test('ShopSimulation exports metrics every 15 s: gauges, cumulative counters and histograms', () => {
  const outputs = steps(2, 12);
  const withMetrics = outputs.filter((o) => o.metrics);
  assert.equal(withMetrics.length, 4);
  const series = withMetrics.map((o) => flattenMetrics(o.metrics ?? { resourceMetrics: [] }));
  const first = series[0] ?? [];
  const names = new Set(first.map((m) => m.name));
  for (const name of ['process.cpu.utilization', 'process.memory.usage', 'http.server.requests', 'http.server.request.duration']) {
    assert.ok(names.has(name), name);
  }
  assert.ok(first.some((m) => m.service === 'postgres'), 'postgres exports its own metrics');
  for (const metric of first) {
    if ('gauge' in metric && metric.name === 'process.cpu.utilization') {
      const value = metric.gauge.dataPoints[0]?.asDouble ?? -1;
      assert.ok(value > 0 && value < 1);
    }
    if ('histogram' in metric) {
      for (const point of metric.histogram.dataPoints) {
        assert.equal(point.bucketCounts.length, point.explicitBounds.length + 1);
        assert.equal(point.bucketCounts.reduce((s, c) => s + Number(c), 0), Number(point.count));
      }
    }
  }
  // Cumulative: the frontend's total request count never decreases between exports.
  const totals = series.map((all) =>
    all
      .filter((m) => m.service === 'frontend' && m.name === 'http.server.requests')
      .flatMap((m) => ('sum' in m ? m.sum.dataPoints : []))
      .reduce((s, p) => s + Number(p.asInt), 0),
  );
  for (let i = 1; i < totals.length; i++) assert.ok((totals[i] ?? 0) > (totals[i - 1] ?? 0));
});

test('ShopSimulation logs a few INFO lines per instance per step, with trace context', () => {
  const logs = steps(5, 4).flatMap((o) => flattenLogs(o.logs));
  const services = new Set(logs.map((l) => l.service));
  assert.ok(services.size >= 8);
  const info = logs.filter((l) => l.severityText === 'INFO');
  assert.ok(info.length >= 4 * 8);
  assert.ok(info.some((l) => l.traceId !== undefined && /^[0-9a-f]{32}$/.test(l.traceId)));
});
