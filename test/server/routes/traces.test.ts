import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TraceDetailResponseSchema, TraceSearchResponseSchema, type TraceSearchResponse } from '../../../src/core/trace-api.js';
import { FIXED_NOW, startHarness, type Harness } from '../harness.js';
import { sendSpans } from '../span-ingest.js';

const T0 = FIXED_NOW - 30 * 60_000;
const CHECKOUT = '4bf92f3577b34da6a3ce929d0e0e4736';
const HOME = '5b8efff798038103d269b633813fc60c';
const OLD = '0af7651916cd43dd8448eb211c80319c';
const root = '00f067aa0ba902b7';
const order = '00f067aa0ba902b8';
const charge = '00f067aa0ba902b9';
const cart = '00f067aa0ba902ba';

async function search(h: Harness, query: string): Promise<TraceSearchResponse> {
  const response = await h.app.inject({ url: `/api/v1/traces?${query}` });
  assert.equal(response.statusCode, 200, response.body);
  return TraceSearchResponseSchema.parse(response.json());
}

async function failure(h: Harness, url: string): Promise<{ statusCode: number; code: string; message: string }> {
  const response = await h.app.inject({ url });
  return { statusCode: response.statusCode, ...response.json<{ code: string; message: string }>() };
}

const ids = (page: TraceSearchResponse): string[] => page.traces.map((trace) => trace.traceId);

describe('GET /api/v1/traces and /api/v1/traces/{traceId}', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
    await sendSpans(h, {
      frontend: [
        { traceId: CHECKOUT, spanId: root, name: 'GET /checkout', startMs: T0, durationMs: 100, attrs: { 'http.route': '/checkout' } },
        { traceId: HOME, spanId: '1111111111111111', name: 'GET /home', startMs: T0 + 60_000, durationMs: 5 },
      ],
      checkout: [
        { traceId: CHECKOUT, spanId: order, parentSpanId: root, name: 'POST /order', startMs: T0 + 10, durationMs: 80 },
        // Parallel calls: payments 20-80 and cart 15-35 overlap, so the order's own time is 10-15 and 80-90.
        { traceId: CHECKOUT, spanId: charge, parentSpanId: order, name: 'charge', kind: 3, startMs: T0 + 20, durationMs: 60, error: 'card declined', attrs: { 'peer.service': 'payments' } },
        { traceId: CHECKOUT, spanId: cart, parentSpanId: order, name: 'load cart', kind: 3, startMs: T0 + 15, durationMs: 20 },
      ],
      cart: [{ traceId: OLD, spanId: '2222222222222222', name: 'load cart', startMs: T0 - 20 * 60_000, durationMs: 3 }],
    });
  });
  after(() => h.close());

  it('lists traces newest first, each with its root, span and error counts and services', async () => {
    const page = await search(h, '');
    assert.deepEqual(ids(page), [HOME, CHECKOUT, OLD]);
    assert.equal(page.nextCursor, undefined);
    assert.deepEqual(page.traces[1], {
      traceId: CHECKOUT,
      rootService: 'frontend',
      rootOperation: 'GET /checkout',
      startMs: T0,
      durationMs: 100,
      spanCount: 4,
      errorCount: 1,
      services: ['checkout', 'frontend'],
    });
  });

  it('filters by service (one or several), operation, status, duration and time', async () => {
    assert.deepEqual(ids(await search(h, 'service=checkout')), [CHECKOUT]);
    assert.deepEqual(ids(await search(h, 'service=checkout&service=cart')), [CHECKOUT, OLD]);
    assert.deepEqual(ids(await search(h, `operation=${encodeURIComponent('load cart')}`)), [CHECKOUT, OLD]);
    assert.deepEqual(ids(await search(h, `operation=${encodeURIComponent('load cart')}&service=cart`)), [OLD]);
    assert.deepEqual(ids(await search(h, 'status=error')), [CHECKOUT]);
    assert.deepEqual(ids(await search(h, 'status=error&service=frontend')), [], 'the failed span is checkout\'s');
    assert.deepEqual(ids(await search(h, 'status=ok&service=frontend')), [HOME, CHECKOUT]);
    assert.deepEqual(ids(await search(h, 'minDuration=50')), [CHECKOUT]);
    assert.deepEqual(ids(await search(h, 'maxDuration=4')), [OLD]);
    assert.deepEqual(ids(await search(h, 'minDuration=4&maxDuration=10')), [HOME]);
    assert.deepEqual(ids(await search(h, `from=${T0}&to=${T0 + 1_000}`)), [CHECKOUT]);
    assert.deepEqual(ids(await search(h, `from=${T0 + 1}`)), [HOME, CHECKOUT], 'a child span starting in the window brings its trace');
  });

  it('pages with nextCursor: each trace once, none skipped', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await search(h, `limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...ids(page));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    assert.deepEqual(seen, [HOME, CHECKOUT, OLD]);
    assert.equal(pages, 3);
  });

  it('answers one trace with every span: parent links, kinds, status, attributes and self time', async () => {
    const response = await h.app.inject({ url: `/api/v1/traces/${CHECKOUT.toUpperCase()}` });
    assert.equal(response.statusCode, 200, response.body);
    const detail = TraceDetailResponseSchema.parse(response.json());
    assert.equal(detail.trace.traceId, CHECKOUT);
    assert.deepEqual(
      detail.spans.map((span) => [span.name, span.service, span.kind, span.parentSpanId ?? null, span.status, span.selfTimeMs]),
      [
        ['GET /checkout', 'frontend', 'server', null, 'unset', 20],
        ['POST /order', 'checkout', 'server', root, 'unset', 15],
        ['load cart', 'checkout', 'client', order, 'unset', 20],
        ['charge', 'checkout', 'client', order, 'error', 60],
      ],
    );
    const failed = detail.spans.find((span) => span.spanId === charge);
    assert.equal(failed?.statusMessage, 'card declined');
    assert.equal(failed?.peerService, 'payments');
    assert.equal(failed?.instance, 'checkout-1');
    assert.deepEqual(detail.spans[0]?.attributes, { 'http.route': '/checkout' });
  });

  it('answers 404 for an unknown trace and 400 for a malformed id', async () => {
    const missing = await failure(h, '/api/v1/traces/ffffffffffffffffffffffffffffffff');
    assert.equal(missing.statusCode, 404);
    assert.equal(missing.code, 'OPS_ERR_NOT_FOUND');
    assert.match(missing.message, /trace ffffffffffffffffffffffffffffffff not found/);
    for (const id of ['abc', 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz', `${CHECKOUT}00`]) {
      const bad = await failure(h, `/api/v1/traces/${id}`);
      assert.equal(bad.statusCode, 400, id);
      assert.equal(bad.code, 'OPS_ERR_VALIDATION');
      assert.match(bad.message, /params\.traceId: expected a trace id of 32 hex digits/);
    }
  });

  it('answers 400 naming the field for bad filters', async () => {
    const cases: Array<[string, RegExp]> = [
      ['status=failed', /querystring\.status/],
      ['minDuration=-1', /querystring\.minDuration/],
      ['minDuration=10&maxDuration=5', /minDuration \(10\) is above querystring\.maxDuration \(5\)/],
      [`from=${T0 + 1}&to=${T0}`, /querystring\.from .* is after querystring\.to/],
      ['limit=0', /querystring\.limit/],
      ['cursor=nonsense!', /querystring\.cursor: is not a cursor returned by this API/],
    ];
    for (const [query, message] of cases) {
      const bad = await failure(h, `/api/v1/traces?${query}`);
      assert.equal(bad.statusCode, 400, query);
      assert.equal(bad.code, 'OPS_ERR_VALIDATION', query);
      assert.match(bad.message, message, query);
    }
  });

  it('is described in the OpenAPI document', async () => {
    const document = (await h.app.inject({ url: '/api/v1/openapi.json' })).json<{ paths: Record<string, unknown> }>();
    assert.ok(document.paths['/api/v1/traces']);
    assert.ok(document.paths['/api/v1/traces/{traceId}']);
  });
});
