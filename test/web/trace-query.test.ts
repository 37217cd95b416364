import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseExplorerQuery } from '../../web/src/explorer-query.js';
import { formatMillis } from '../../web/src/format.js';
import { axisTicks, serviceColour, waterfall } from '../../web/src/trace-layout.js';
import { incidentTracesHref, redSeriesLinks, traceEvidenceSearchHref, traceHref, traceSearchHref, type TraceSearchQuery } from '../../web/src/trace-query.js';
import type { TraceSpan } from '../../web/src/types.js';
import { parseRoute } from '../../web/src/use-hash-route.js';

const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';

const span = (spanId: string, startMs: number, durationMs: number, parentSpanId?: string): TraceSpan => ({
  spanId,
  service: 'cart',
  name: spanId,
  kind: 'server',
  startMs,
  durationMs,
  selfTimeMs: durationMs,
  status: 'unset',
  attributes: {},
  ...(parentSpanId !== undefined ? { parentSpanId } : {}),
});

describe('trace URLs', () => {
  it('round-trips every search filter', () => {
    const query: TraceSearchQuery = {
      services: ['cart', 'pay ments'],
      operation: 'GET /a&b=c',
      status: 'error',
      minDurationMs: 12.5,
      maxDurationMs: 900,
      range: { kind: 'fixed', fromMs: 1000, toMs: 2000 },
    };
    assert.deepEqual(parseRoute(traceSearchHref(query)), { page: 'traces', query });
    assert.deepEqual(parseRoute('#/traces'), { page: 'traces', query: { services: [] } });
    assert.deepEqual(parseRoute('#/traces?status=bad&min=-3&max=x'), { page: 'traces', query: { services: [] } }, 'unreadable filters are dropped');
  });

  it("opens an incident's failed traces: its services, errors only, its window", () => {
    assert.deepEqual(parseRoute(incidentTracesHref(['cart', 'payments'], { fromMs: 1000, toMs: 2000 })), {
      page: 'traces',
      query: { services: ['cart', 'payments'], status: 'error', range: { kind: 'fixed', fromMs: 1000, toMs: 2000 } },
    });
  });

  it("opens a trace anomaly's similar spans: its operation past the usual p99, or failed, from the onset", () => {
    const evidence = { service: 'cart', operation: 'POST /cart', spanKind: 'server' as const, observed: 0.14, usual: 0.01, spans: 600, strength: 0.9, exemplars: [] };
    const window = { fromMs: 1000, toMs: 2000 };
    const range = { kind: 'fixed', ...window };
    assert.deepEqual(parseRoute(traceEvidenceSearchHref({ ...evidence, kind: 'latency_outliers', threshold: 120.4 }, window)), {
      page: 'traces',
      query: { services: ['cart'], operation: 'POST /cart', minDurationMs: 121, range },
    });
    assert.deepEqual(parseRoute(traceEvidenceSearchHref({ ...evidence, kind: 'new_error_type', errorType: 'TimeoutError' }, window)), {
      page: 'traces',
      query: { services: ['cart'], operation: 'POST /cart', status: 'error', range },
    });
  });

  it('names a trace and a picked span', () => {
    assert.deepEqual(parseRoute(traceHref(TRACE)), { page: 'trace', traceId: TRACE, spanId: undefined });
    assert.deepEqual(parseRoute(traceHref(TRACE, 'abc')), { page: 'trace', traceId: TRACE, spanId: 'abc' });
  });

  it("links a span to its service's RED series around it in the metric explorer", () => {
    const links = redSeriesLinks('cart', 1_000_000_000);
    assert.deepEqual(links.map((link) => link.label), ['request rate', 'error ratio', 'p95 latency']);
    const explorer = parseExplorerQuery((links[1]?.href ?? '').split('?')[1] ?? '');
    assert.equal(explorer.key, 'opsloop.service.error_ratio{service="cart"}');
    assert.deepEqual(explorer.range, { kind: 'fixed', fromMs: 1_000_000_000 - 900_000, toMs: 1_000_000_000 + 900_000 });
  });
});

describe('waterfall()', () => {
  it('puts each span under its parent, siblings by start, on the trace time axis', () => {
    const layout = waterfall([span('late-child', 60, 40, 'root'), span('root', 0, 100), span('grandchild', 20, 10, 'early-child'), span('early-child', 10, 30, 'root')]);
    assert.equal(layout.startMs, 0);
    assert.equal(layout.durationMs, 100);
    assert.deepEqual(
      layout.rows.map((row) => [row.span.spanId, row.depth, row.left, row.width]),
      [
        ['root', 0, 0, 1],
        ['early-child', 1, 0.1, 0.3],
        ['grandchild', 2, 0.2, 0.1],
        ['late-child', 1, 0.6, 0.4],
      ],
    );
  });

  it('shows a span whose parent is missing as a root, and survives a parent loop', () => {
    const orphan = waterfall([span('a', 0, 10, 'missing'), span('b', 5, 1, 'a')]);
    assert.deepEqual(orphan.rows.map((row) => [row.span.spanId, row.depth]), [['a', 0], ['b', 1]]);
    const loop = waterfall([span('x', 0, 10, 'y'), span('y', 1, 5, 'x')]);
    assert.deepEqual(loop.rows.map((row) => row.span.spanId).sort(), ['x', 'y']);
  });
});

describe('trace formatting', () => {
  it('spaces axis ticks evenly and gives services stable colours', () => {
    assert.deepEqual(axisTicks(100), [0, 25, 50, 75, 100]);
    assert.equal(serviceColour('cart', ['payments', 'cart']), serviceColour('cart', ['cart', 'payments']));
    assert.notEqual(serviceColour('cart', ['cart', 'payments']), serviceColour('payments', ['cart', 'payments']));
  });

  it('writes span durations from microseconds to minutes', () => {
    assert.equal(formatMillis(0.125), '0.13 ms');
    assert.equal(formatMillis(12.345), '12.3 ms');
    assert.equal(formatMillis(1234), '1.23 s');
    assert.equal(formatMillis(125_000), '2m 5s');
  });
});
