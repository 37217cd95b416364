import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { seriesKey } from '../../../src/core/series.js';
import type { Store } from '../../../src/store/store.js';
import { type OpenStore, T0, log, metricPoint, span } from './fixtures.js';

/** TelemetryRepository behaviour every engine must show. */
export function telemetryContract(open: OpenStore): void {
  describe('TelemetryRepository', () => {
    let store: Store;
    beforeEach(() => {
      store = open();
    });
    afterEach(() => store.close());

    it('seriesPoints() returns a series oldest first, both range ends included', () => {
      const points = [2, 0, 3, 1, 4].map((i) => metricPoint({ timeMs: T0 + i * 1000, value: i }));
      store.telemetry.insertMetricPoints(points);
      const got = store.telemetry.seriesPoints(seriesKey(metricPoint()), { fromMs: T0 + 1000, toMs: T0 + 3000 });
      assert.deepEqual(got, [
        { timeMs: T0 + 1000, value: 1 },
        { timeMs: T0 + 2000, value: 2 },
        { timeMs: T0 + 3000, value: 3 },
      ]);
    });

    it('seriesPoints() keeps series apart and overwrites a point sent twice', () => {
      const other = metricPoint({ instance: 'cart-2', value: 99 });
      store.telemetry.insertMetricPoints([metricPoint({ value: 1 }), other]);
      store.telemetry.insertMetricPoints([metricPoint({ value: 2 })]);
      const range = { fromMs: T0, toMs: T0 };
      assert.deepEqual(store.telemetry.seriesPoints(seriesKey(metricPoint()), range), [{ timeMs: T0, value: 2 }]);
      assert.deepEqual(store.telemetry.seriesPoints(seriesKey(other), range), [{ timeMs: T0, value: 99 }]);
      assert.deepEqual(store.telemetry.seriesPoints('no.such{service="x"}', range), []);
    });

    it('listSeries() describes each series with its newest time, filtered by service', () => {
      store.telemetry.insertMetricPoints([
        metricPoint({ timeMs: T0 + 5000 }),
        metricPoint({ timeMs: T0 }),
        metricPoint({ service: 'payments', instance: undefined, labels: {}, name: 'cpu' }),
      ]);
      // An older batch must not move lastMs back.
      store.telemetry.insertMetricPoints([metricPoint({ timeMs: T0 - 5000 })]);
      const all = store.telemetry.listSeries();
      assert.deepEqual(
        all.map((s) => s.key),
        ['cpu{service="payments"}', seriesKey(metricPoint())],
        'sorted by key',
      );
      assert.deepEqual(store.telemetry.listSeries({ service: 'cart' }), [
        {
          key: seriesKey(metricPoint()),
          name: 'http.server.duration.p95',
          service: 'cart',
          instance: 'cart-1',
          labels: { method: 'GET', route: '/add' },
          lastMs: T0 + 5000,
        },
      ]);
      const payments = store.telemetry.listSeries({ service: 'payments' });
      assert.equal(payments.length, 1);
      assert.equal(payments[0]?.instance, undefined);
      assert.equal('instance' in (payments[0] ?? {}), false);
    });

    it('spansOfTrace() round-trips spans in start order and ignores a resent span', () => {
      const root = span({ spanId: 'a', startMs: T0, instance: 'cart-1' });
      const child = span({
        spanId: 'b',
        parentSpanId: 'a',
        startMs: T0 + 1,
        kind: 'client',
        status: 'error',
        statusMessage: 'timeout',
        peerService: 'postgres',
        durationMs: 0.125,
      });
      store.telemetry.insertSpans([child, root, span({ traceId: 'trace-2' })]);
      store.telemetry.insertSpans([root]);
      assert.deepEqual(store.telemetry.spansOfTrace('trace-1'), [root, child]);
      assert.deepEqual(store.telemetry.spansOfTrace('missing'), []);
    });

    it('insertSpans() stores a batch once by the digest of its body, and prunes the digest with the batch', () => {
      const batch = [span({ spanId: 'a', startMs: T0 - 10 }), span({ spanId: 'b', startMs: T0 - 5 })];
      const body = Buffer.from('the request body');
      assert.equal(store.telemetry.insertSpans(batch, { batchBody: body }), true);
      assert.equal(store.telemetry.insertSpans(batch, { batchBody: body }), false, 'a resent batch');
      assert.equal(store.telemetry.insertSpans([span({ spanId: 'c' })], { batchBody: Buffer.from('another body') }), true);
      assert.deepEqual(store.telemetry.spansOfTrace('trace-1').map((s) => s.spanId), ['a', 'b', 'c']);
      assert.equal(store.telemetry.pruneBefore(T0 - 4), 2);
      assert.equal(store.telemetry.insertSpans(batch, { batchBody: body }), true, 'its digest went with its newest span');
    });

    it('recentLogs() returns newest first within the range, by service, up to the limit', () => {
      const logs = [0, 1, 2, 3].map((i) => log({ timeMs: T0 + i * 1000, body: `cart ${i}` }));
      const traced = log({ service: 'payments', timeMs: T0 + 1500, traceId: 't', spanId: 's', instance: 'p-1' });
      store.telemetry.insertLogs([...logs, traced]);
      const range = { fromMs: T0 + 1000, toMs: T0 + 3000 };
      assert.deepEqual(
        store.telemetry.recentLogs({ service: 'cart', range, limit: 10 }).map((l) => l.body),
        ['cart 3', 'cart 2', 'cart 1'],
      );
      assert.deepEqual(store.telemetry.recentLogs({ range, limit: 2 }), [logs[3], logs[2]]);
      assert.deepEqual(store.telemetry.recentLogs({ service: 'payments', range, limit: 10 }), [traced]);
    });

    it('pruneBefore() deletes older points, spans and logs, counts them, and keeps the rest', () => {
      store.telemetry.insertMetricPoints([
        metricPoint({ timeMs: T0 - 2000 }),
        metricPoint({ timeMs: T0 - 1000 }),
        metricPoint({ timeMs: T0 }),
        metricPoint({ name: 'old', timeMs: T0 - 1000 }),
      ]);
      store.telemetry.insertSpans([span({ spanId: 'old', startMs: T0 - 1 }), span({ spanId: 'new' })]);
      store.telemetry.insertLogs([log({ timeMs: T0 - 1 }), log({ body: 'kept' })]);

      assert.equal(store.telemetry.pruneBefore(T0), 5);
      const range = { fromMs: 0, toMs: T0 * 2 };
      assert.deepEqual(store.telemetry.seriesPoints(seriesKey(metricPoint()), range), [{ timeMs: T0, value: 12.5 }]);
      assert.deepEqual(
        store.telemetry.listSeries().map((s) => s.name),
        ['http.server.duration.p95'],
        'a series with no points left is dropped',
      );
      assert.deepEqual(store.telemetry.spansOfTrace('trace-1').map((s) => s.spanId), ['new']);
      assert.deepEqual(store.telemetry.recentLogs({ range, limit: 10 }).map((l) => l.body), ['kept']);
      assert.equal(store.telemetry.pruneBefore(T0), 0);
    });

    it('pruneBefore() removes more rows than one chunk', () => {
      const points = Array.from({ length: 12_000 }, (_, i) => metricPoint({ timeMs: T0 + i }));
      store.telemetry.insertMetricPoints(points);
      store.telemetry.insertLogs(Array.from({ length: 6_000 }, (_, i) => log({ timeMs: T0 + i })));
      assert.equal(store.telemetry.pruneBefore(T0 + 11_000), 11_000 + 6_000);
      assert.equal(store.telemetry.seriesPoints(seriesKey(metricPoint()), { fromMs: 0, toMs: T0 * 2 }).length, 1_000);
    });

    it('seriesPoints() keeps NaN and infinite values as numbers', () => {
      store.telemetry.insertMetricPoints([
        metricPoint({ timeMs: T0, value: Number.NaN }),
        metricPoint({ timeMs: T0 + 1, value: Number.POSITIVE_INFINITY }),
      ]);
      const got = store.telemetry.seriesPoints(seriesKey(metricPoint()), { fromMs: T0, toMs: T0 + 1 });
      assert.deepEqual(got, [
        { timeMs: T0, value: Number.NaN },
        { timeMs: T0 + 1, value: Number.POSITIVE_INFINITY },
      ]);
    });

    it('accepts empty batches', () => {
      store.telemetry.insertMetricPoints([]);
      store.telemetry.insertSpans([]);
      store.telemetry.insertLogs([]);
      assert.deepEqual(store.telemetry.listSeries(), []);
    });
  });
}
