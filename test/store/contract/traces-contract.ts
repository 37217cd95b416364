import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { SpanRecord } from '../../../src/core/records.js';
import type { Store, TraceSearchQuery } from '../../../src/store/store.js';
import { type OpenStore, T0, span } from './fixtures.js';

/**
 * Three traces: A (frontend → cart, cart fails slowly), B (frontend → payments, all fine, fast),
 * C (cart alone, its root missing), started 10 s apart, oldest first.
 */
function traces(): SpanRecord[] {
  return [
    span({ traceId: 'a', spanId: 'a1', service: 'frontend', name: 'GET /checkout', startMs: T0, durationMs: 900 }),
    span({ traceId: 'a', spanId: 'a2', parentSpanId: 'a1', service: 'cart', name: 'load cart', startMs: T0 + 10, durationMs: 800, status: 'error' }),
    span({ traceId: 'b', spanId: 'b1', service: 'frontend', name: 'GET /pay', startMs: T0 + 10_000, durationMs: 50 }),
    span({ traceId: 'b', spanId: 'b2', parentSpanId: 'b1', service: 'payments', name: 'charge', startMs: T0 + 10_005, durationMs: 40, status: 'unset' }),
    span({ traceId: 'c', spanId: 'c2', parentSpanId: 'gone', service: 'cart', name: 'load cart', startMs: T0 + 20_000, durationMs: 20 }),
    span({ traceId: 'c', spanId: 'c3', parentSpanId: 'c2', service: 'cart', name: 'read cache', startMs: T0 + 20_001, durationMs: 5 }),
  ];
}

/** TraceRepository behaviour every engine must show. */
export function tracesContract(open: OpenStore): void {
  describe('TraceRepository', () => {
    let store: Store;
    beforeEach(() => {
      store = open();
      store.telemetry.insertSpans(traces());
    });
    afterEach(() => store.close());

    const ids = (query: Omit<TraceSearchQuery, 'limit'>): string[] => store.traces.search({ limit: 10, ...query }).traces.map((t) => t.traceId);

    it('search() lists every trace newest first with its summary', () => {
      const page = store.traces.search({ limit: 10 });
      assert.deepEqual(
        page.traces.map((t) => t.traceId),
        ['c', 'b', 'a'],
      );
      assert.equal(page.next, undefined);
      assert.deepEqual(page.traces[2], {
        traceId: 'a',
        rootService: 'frontend',
        rootOperation: 'GET /checkout',
        startMs: T0,
        durationMs: 900,
        spanCount: 2,
        errorCount: 1,
        services: ['cart', 'frontend'],
      });
      // No root stored: the earliest span stands in.
      assert.equal(page.traces[0]?.rootOperation, 'load cart');
      assert.equal(page.traces[0]?.durationMs, 20);
    });

    it('search() keeps traces with a span matching every filter', () => {
      assert.deepEqual(ids({ service: 'cart' }), ['c', 'a']);
      assert.deepEqual(ids({ service: 'cart', operation: 'load cart' }), ['c', 'a']);
      assert.deepEqual(ids({ services: ['payments', 'cart'] }), ['c', 'b', 'a']);
      assert.deepEqual(ids({ services: ['payments', 'nosuch'] }), ['b']);
      assert.deepEqual(ids({ operation: 'charge' }), ['b']);
      assert.deepEqual(ids({ status: 'error' }), ['a']);
      assert.deepEqual(ids({ status: 'ok', service: 'cart' }), ['c'], 'unset counts as ok');
      assert.deepEqual(ids({ status: 'error', service: 'frontend' }), [], 'the error and the service must be on one span');
      assert.deepEqual(ids({ minDurationMs: 500 }), ['a']);
      assert.deepEqual(ids({ maxDurationMs: 10 }), ['c']);
      assert.deepEqual(ids({ minDurationMs: 30, maxDurationMs: 60 }), ['b']);
      assert.deepEqual(ids({ fromMs: T0 + 10_000, toMs: T0 + 10_000 }), ['b']);
      assert.deepEqual(ids({ fromMs: T0 + 10_001 }), ['c', 'b'], 'a trace is in the window when a span starts in it');
      assert.deepEqual(ids({ service: 'nosuch' }), []);
    });

    it('search() pages with a cursor: each trace once, none skipped, even when a trace has many matching spans', () => {
      store.telemetry.insertSpans(
        Array.from({ length: 5 }, (_, i) => span({ traceId: 'b', spanId: `b-extra-${i}`, parentSpanId: 'b1', service: 'payments', startMs: T0 + 10_010 + i })),
      );
      const seen: string[] = [];
      let after = undefined as TraceSearchQuery['after'];
      for (let pages = 0; pages < 10; pages++) {
        const page = store.traces.search({ limit: 1, ...(after ? { after } : {}) });
        seen.push(...page.traces.map((t) => t.traceId));
        after = page.next;
        if (!after) break;
      }
      assert.deepEqual(seen, ['c', 'b', 'a']);
    });

    it('summaries() summarises the traces asked for that exist', () => {
      const summaries = store.traces.summaries(['b', 'missing']);
      assert.equal(summaries.length, 1);
      assert.deepEqual(summaries[0], {
        traceId: 'b',
        rootService: 'frontend',
        rootOperation: 'GET /pay',
        startMs: T0 + 10_000,
        durationMs: 50,
        spanCount: 2,
        errorCount: 0,
        services: ['frontend', 'payments'],
      });
      assert.deepEqual(store.traces.summaries([]), []);
    });

    it('search() and summaries() count a span sent again in another batch once', () => {
      const [failed] = traces().filter((s) => s.status === 'error');
      assert.ok(failed);
      store.telemetry.insertSpans([failed]);
      const [summary] = store.traces.summaries([failed.traceId]);
      assert.equal(summary?.spanCount, 2);
      assert.equal(summary?.errorCount, 1);
      const found = store.traces.search({ status: 'error', limit: 10 }).traces;
      assert.deepEqual(found.map((trace) => trace.traceId), [failed.traceId]);
      assert.deepEqual(store.telemetry.spansOfTrace(failed.traceId).map((s) => s.spanId), ['a1', 'a2']);
    });

    it('pruning takes old spans out of search', () => {
      store.telemetry.pruneBefore(T0 + 15_000);
      assert.deepEqual(ids({}), ['c']);
    });
  });
}
