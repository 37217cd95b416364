import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { Store } from '../../../src/store/store.js';
import { type OpenStore, T0, alert, metricPoint, span } from './fixtures.js';

/** WindowRepository behaviour every engine must show: the reads behind root causes of a window. */
export function windowsContract(open: OpenStore): void {
  describe('WindowRepository', () => {
    let store: Store;
    beforeEach(() => {
      store = open();
    });
    afterEach(() => store.close());

    it('seriesIn() gives series with a point in the window, with their history, oldest first', () => {
      const busy = { name: 'queue.depth', service: 'orders', instance: 'orders-1', labels: { queue: 'email' } };
      const ended = { name: 'queue.depth', service: 'billing', labels: {} };
      store.telemetry.insertMetricPoints([
        ...[0, 1, 2, 3].map((i) => metricPoint({ ...busy, timeMs: T0 + i * 10, value: 1.5 + i })),
        metricPoint({ ...ended, timeMs: T0 + 5, value: 7 }),
      ]);
      const series = store.windows.seriesIn({ fromMs: T0 + 20, toMs: T0 + 25 }, T0 + 10);
      assert.equal(series.length, 1);
      assert.deepEqual(
        { name: series[0]?.name, service: series[0]?.service, instance: series[0]?.instance, labels: series[0]?.labels },
        { name: 'queue.depth', service: 'orders', instance: 'orders-1', labels: { queue: 'email' } },
      );
      assert.deepEqual(series[0]?.points, [
        { timeMs: T0 + 10, value: 2.5 },
        { timeMs: T0 + 20, value: 3.5 },
      ]);
    });

    it('spanOutcomes() tells failures that arise in a span from those passed up by a child, and unanswered calls', () => {
      const t = (n: number) => `${'0'.repeat(31)}${n.toString(16)}`;
      store.telemetry.insertSpans([
        // Trace 1: payment fails on its own; checkout's server span fails because of it.
        span({ traceId: t(1), spanId: 'a', service: 'checkout', instance: 'checkout-1', status: 'error', durationMs: 50 }),
        span({ traceId: t(1), spanId: 'b', parentSpanId: 'a', service: 'checkout', instance: 'checkout-1', kind: 'client', peerService: 'payment', status: 'error', durationMs: 45, startMs: T0 + 1 }),
        span({ traceId: t(1), spanId: 'c', parentSpanId: 'b', service: 'payment', status: 'error', durationMs: 40, startMs: T0 + 2 }),
        // A successful answer with its size; failed ones do not count towards sizes.
        span({ traceId: t(3), spanId: 'f', service: 'payment', durationMs: 5, startMs: T0 + 7, attributes: { 'http.response.body.size': 120 } }),
        span({ traceId: t(3), spanId: 'g', service: 'payment', status: 'error', durationMs: 5, startMs: T0 + 8, attributes: { 'http.response.body.size': 999 } }),
        // Trace 2: a call to a service that never answered.
        span({ traceId: t(2), spanId: 'd', service: 'checkout', instance: 'checkout-1', status: 'error', durationMs: 30, startMs: T0 + 5 }),
        span({ traceId: t(2), spanId: 'e', parentSpanId: 'd', service: 'checkout', instance: 'checkout-1', kind: 'client', peerService: 'fraud', status: 'error', durationMs: 25, startMs: T0 + 6 }),
      ]);
      const byTarget = new Map(store.windows.spanOutcomes({ fromMs: T0, toMs: T0 + 10 }).map((o) => [`${o.service}>${o.peer ?? ''}`, o]));
      const { bodyLogBytes, ...payment } = byTarget.get('payment>') ?? { bodyLogBytes: Number.NaN };
      assert.deepEqual(payment, { service: 'payment', spans: 3, errors: 2, ownErrors: 2, unansweredCalls: 0, selfMs: 50, bodies: 1, firstOwnErrorMs: T0 + 2 });
      assert.ok(Math.abs(bodyLogBytes - Math.log(121)) < 1e-9, `ln(1 + 120) summed, got ${bodyLogBytes}`);
      assert.deepEqual(byTarget.get('checkout>'), { service: 'checkout', instance: 'checkout-1', spans: 2, errors: 2, ownErrors: 0, unansweredCalls: 0, selfMs: 10, bodies: 0, bodyLogBytes: 0 });
      assert.equal(byTarget.get('checkout>payment')?.ownErrors, 0);
      assert.deepEqual(byTarget.get('checkout>fraud'), {
        service: 'checkout', instance: 'checkout-1', peer: 'fraud', spans: 1, errors: 1, ownErrors: 1, unansweredCalls: 1, selfMs: 25, bodies: 0, bodyLogBytes: 0, firstOwnErrorMs: T0 + 6,
      });
      assert.equal(store.windows.spanCount({ fromMs: T0, toMs: T0 + 10 }), 7);
      // A sixteenth of the traces: those whose id ends in 0, here none.
      assert.deepEqual(store.windows.spanOutcomes({ fromMs: T0, toMs: T0 + 10 }, 1 / 16), []);
    });

    it('alertsOverlapping() gives alerts active at some time in the window', () => {
      store.alerts.save(alert({ id: 'before', fingerprint: 'f1', startsMs: T0 - 100, lastSeenMs: T0 - 50 }));
      store.alerts.save(alert({ id: 'during', fingerprint: 'f2', startsMs: T0 - 100, lastSeenMs: T0 + 5 }));
      store.alerts.save(alert({ id: 'after', fingerprint: 'f3', startsMs: T0 + 20, lastSeenMs: T0 + 30 }));
      assert.deepEqual(store.windows.alertsOverlapping({ fromMs: T0, toMs: T0 + 10 }, 10).map((a) => a.id), ['during']);
    });
  });
}
