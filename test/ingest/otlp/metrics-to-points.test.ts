import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { MetricPoint } from '../../../src/core/records.js';
import { CumulativeState } from '../../../src/ingest/otlp/cumulative-state.js';
import { metricsToPoints } from '../../../src/ingest/otlp/metrics-to-points.js';
import { parseOtlpJson } from '../../../src/ingest/otlp/otlp-json.js';
import {
  attributes,
  counter,
  encodeJson,
  histogram,
  histogramPoint,
  metricsRequest,
  ms,
  nanos,
  numberPoint,
  type Json,
} from '../../fixtures/otlp/json-builders.js';

/** Converts one request and commits, as the receiver does after a successful accept. */
function convert(state: CumulativeState, metrics: Json[], resource?: Record<string, string>) {
  const result = metricsToPoints(parseOtlpJson('metrics', encodeJson(metricsRequest(metrics, resource))), state);
  result.commit();
  return result;
}

function values(points: MetricPoint[], name?: string): number[] {
  return points.filter((point) => name === undefined || point.name === name).map((point) => point.value);
}

describe('metricsToPoints()', () => {
  it('passes gauges through with entity, sorted labels and unit', () => {
    const { points, rejected } = convert(
      new CumulativeState(),
      [{ name: 'queue.depth', unit: '{message}', gauge: { dataPoints: [numberPoint(10, 7, { attrs: { z: 'last', a: 1, service: 'other' } })] } }],
      { 'service.name': 'cart', 'k8s.pod.name': 'cart-abc', 'host.name': 'node-1' },
    );
    assert.equal(rejected, 0);
    assert.deepEqual(points, [
      {
        service: 'cart',
        instance: 'cart-abc',
        host: 'node-1',
        name: 'queue.depth',
        labels: { a: '1', exported_service: 'other', z: 'last' },
        timeMs: ms(10),
        value: 7,
        unit: '{message}',
      },
    ]);
    assert.deepEqual(Object.keys(points[0]!.labels), ['a', 'exported_service', 'z']);
  });

  it('defaults the entity to unknown_service without an instance', () => {
    const { points } = convert(new CumulativeState(), [{ name: 'g', gauge: { dataPoints: [numberPoint(1, 1)] } }], {});
    assert.equal(points[0]!.service, 'unknown_service');
    assert.equal('instance' in points[0]!, false);
  });

  it('turns a cumulative counter into per-second rates; the first point yields nothing', () => {
    const state = new CumulativeState();
    assert.deepEqual(convert(state, [counter('requests', [numberPoint(10, 100)])]).points, []);
    const second = convert(state, [counter('requests', [numberPoint(20, 150)])]).points;
    assert.deepEqual(values(second), [5]);
    assert.equal(second[0]!.unit, '{request}/s');
    assert.equal(second[0]!.timeMs, ms(20));
    assert.deepEqual(values(convert(state, [counter('requests', [numberPoint(30, 150)])]).points), [0]);
  });

  it('treats a decrease as a reset: no negative rate, counting resumes from the new value', () => {
    const state = new CumulativeState();
    convert(state, [counter('requests', [numberPoint(10, 100)])]);
    assert.deepEqual(convert(state, [counter('requests', [numberPoint(20, 4)])]).points, []);
    assert.deepEqual(values(convert(state, [counter('requests', [numberPoint(30, 24)])]).points), [2]);
  });

  it('treats a new start time as a reset even when the value grew', () => {
    const state = new CumulativeState();
    convert(state, [counter('requests', [numberPoint(10, 100, { start: 1 })])]);
    assert.deepEqual(convert(state, [counter('requests', [numberPoint(20, 500, { start: 15 })])]).points, []);
    assert.deepEqual(values(convert(state, [counter('requests', [numberPoint(30, 600, { start: 15 })])]).points), [10]);
  });

  it('ignores out-of-order and duplicate cumulative points', () => {
    const state = new CumulativeState();
    convert(state, [counter('requests', [numberPoint(20, 200)])]);
    assert.deepEqual(convert(state, [counter('requests', [numberPoint(10, 100)])]).points, []);
    assert.deepEqual(convert(state, [counter('requests', [numberPoint(20, 200)])]).points, []);
    assert.deepEqual(values(convert(state, [counter('requests', [numberPoint(30, 300)])]).points), [10]);
  });

  it('orders several points of one series within a request by time', () => {
    const state = new CumulativeState();
    const { points } = convert(state, [counter('requests', [numberPoint(30, 50), numberPoint(10, 10), numberPoint(20, 30)])]);
    assert.deepEqual(values(points), [2, 2]);
  });

  it('keeps series apart by entity and labels', () => {
    const state = new CumulativeState();
    convert(state, [counter('requests', [numberPoint(10, 10, { attrs: { route: '/a' } }), numberPoint(10, 100, { attrs: { route: '/b' } })])]);
    const { points } = convert(state, [
      counter('requests', [numberPoint(20, 20, { attrs: { route: '/a' } }), numberPoint(20, 300, { attrs: { route: '/b' } })]),
    ]);
    assert.deepEqual(
      points.map((point) => [point.labels['route'], point.value]),
      [
        ['/a', 1],
        ['/b', 20],
      ],
    );
    // Same name and labels from another service is another series: its first point sets a baseline.
    assert.deepEqual(convert(state, [counter('requests', [numberPoint(30, 40, { attrs: { route: '/a' } })])], { 'service.name': 'pay' }).points, []);
  });

  it('divides delta counters by their interval', () => {
    const { points } = convert(new CumulativeState(), [counter('requests', [numberPoint(20, 30, { start: 10 })], 1)]);
    assert.deepEqual(values(points), [3]);
  });

  it('passes non-monotonic sums through as levels', () => {
    const sum = { name: 'inflight', sum: { aggregationTemporality: 2, isMonotonic: false, dataPoints: [numberPoint(10, -2)] } };
    assert.deepEqual(values(convert(new CumulativeState(), [sum]).points), [-2]);
  });

  it('derives count/sum rates and interval quantiles from cumulative histograms', () => {
    const state = new CumulativeState();
    const bounds = [10, 50, 100];
    assert.deepEqual(convert(state, [histogram('latency', [histogramPoint(10, [10, 0, 0, 0], bounds, { sum: 50 })])]).points, []);
    // Interval counts: [0, 8, 2, 0] → 10 observations over 10 s.
    const { points } = convert(state, [histogram('latency', [histogramPoint(20, [10, 8, 2, 0], bounds, { sum: 650 })])]);
    const byName = Object.fromEntries(points.map((point) => [point.name, point]));
    assert.equal(byName['latency.count']!.value, 1);
    assert.equal(byName['latency.count']!.unit, '1/s');
    assert.equal(byName['latency.sum']!.value, 60);
    assert.equal(byName['latency.sum']!.unit, 'ms/s');
    // rank 5 of 10 lies 5/8 into (10, 50]; rank 9.5 lies 1.5/2 into (50, 100].
    assert.equal(byName['latency.p50']!.value, 35);
    assert.equal(byName['latency.p95']!.value, 87.5);
    assert.equal(byName['latency.p99']!.value, 97.5);
    assert.equal(byName['latency.p99']!.unit, 'ms');
  });

  it('uses delta histogram buckets directly, closing open buckets with min/max', () => {
    const point = histogramPoint(20, [0, 0, 0, 4], [10, 50, 100], { start: 10, sum: 1000, min: 150, max: 350 });
    const { points } = convert(new CumulativeState(), [histogram('latency', [point], 1)]);
    const byName = Object.fromEntries(points.map((p) => [p.name, p.value]));
    assert.equal(byName['latency.count'], 0.4);
    assert.equal(byName['latency.sum'], 100);
    assert.equal(byName['latency.p50'], 250);
  });

  it('emits summary quantiles as p<q*100> series', () => {
    const summary = {
      name: 'rpc.latency',
      unit: 's',
      summary: {
        dataPoints: [
          {
            timeUnixNano: nanos(10),
            count: '4',
            sum: 2,
            quantileValues: [
              { quantile: 0.5, value: 0.2 },
              { quantile: 0.999, value: 1.5 },
            ],
          },
        ],
      },
    };
    const { points } = convert(new CumulativeState(), [summary]);
    assert.deepEqual(
      points.map((point) => [point.name, point.value]),
      [
        ['rpc.latency.p50', 0.2],
        ['rpc.latency.p99.9', 1.5],
      ],
    );
  });

  it('derives count and sum rates from exponential histograms', () => {
    const state = new CumulativeState();
    const exponential = (time: number, count: number, sum: number): Json => ({
      name: 'size',
      unit: 'By',
      exponentialHistogram: {
        aggregationTemporality: 2,
        dataPoints: [{ timeUnixNano: nanos(time), count: String(count), sum, scale: 3, positive: { offset: 2, bucketCounts: [String(count)] } }],
      },
    });
    convert(state, [exponential(10, 10, 100)]);
    const { points } = convert(state, [exponential(20, 30, 300)]);
    assert.deepEqual(
      points.map((point) => [point.name, point.value, point.unit]),
      [
        ['size.count', 2, '1/s'],
        ['size.sum', 20, 'By/s'],
      ],
    );
  });

  it('rejects invalid points individually and says why', () => {
    const { points, rejected, errorMessage } = convert(new CumulativeState(), [
      {
        name: 'g',
        gauge: {
          dataPoints: [
            numberPoint(10, 1),
            { attributes: attributes({}), timeUnixNano: '0', asDouble: 2 },
            numberPoint(10, 'Infinity'),
            { timeUnixNano: nanos(10) },
          ],
        },
      },
      counter('delta', [{ timeUnixNano: nanos(10), asDouble: 5 }], 1),
      histogram('h', [histogramPoint(10, [1, 2], [1, 2, 3])]),
      { name: '', gauge: { dataPoints: [numberPoint(10, 1)] } },
    ]);
    assert.deepEqual(values(points), [1]);
    assert.equal(rejected, 6);
    assert.match(errorMessage, /^6 rejected: /);
    assert.match(errorMessage, /g: timeUnixNano is missing or zero \(1\)/);
    assert.match(errorMessage, /g: value is not finite \(1\)/);
    assert.match(errorMessage, /g: value is missing/);
    assert.match(errorMessage, /delta: delta point needs a startTimeUnixNano/);
    assert.match(errorMessage, /h: bucketCounts has 2 entries for 3 explicitBounds/);
    assert.match(errorMessage, /metric name is missing/);
  });

  it('forgets a series on a no-recorded-value point (staleness marker)', () => {
    const state = new CumulativeState();
    convert(state, [counter('requests', [numberPoint(10, 10)])]);
    const stale = { ...(numberPoint(20, 0) as Record<string, Json>), flags: 1 };
    assert.deepEqual(convert(state, [counter('requests', [stale])]).points, []);
    assert.deepEqual(convert(state, [counter('requests', [stale])]).rejected, 0);
    // The series starts over: its next point is a baseline, not a rate against the old value.
    assert.deepEqual(convert(state, [counter('requests', [numberPoint(30, 20)])]).points, []);
  });

  it('changes no state until commit(), so a retried request yields the same rates', () => {
    const state = new CumulativeState();
    convert(state, [counter('requests', [numberPoint(10, 100)])]);
    const request = parseOtlpJson('metrics', encodeJson(metricsRequest([counter('requests', [numberPoint(20, 200)])])));
    assert.deepEqual(values(metricsToPoints(request, state).points), [10]); // not committed: e.g. the sink said 503
    assert.deepEqual(values(metricsToPoints(request, state).points), [10]);
  });
});
