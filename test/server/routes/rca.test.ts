import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { RcaResponseSchema, type RcaResponse } from '../../../src/core/rca-api.js';
import { POD, type FaultyShopOptions } from '../../fixtures/otlp/faulty-shop.js';
import { ingestFaultyShop } from '../faulty-shop-ingest.js';
import { startHarness, type Harness } from '../harness.js';

/** Long past: the window is analysed from what is stored, not from live state. */
const T0 = Date.parse('2026-03-02T10:00:00Z');
const SHOP: FaultyShopOptions = { t0: T0, minutes: 36, fault: { fromMinute: 30, toMinute: 33 } };
const minute = (m: number): number => T0 + m * 60_000;

async function rca(h: Harness, body: unknown): Promise<RcaResponse> {
  const response = await h.app.inject({ method: 'POST', url: '/api/v1/rca', payload: body as Record<string, unknown> });
  assert.equal(response.statusCode, 200, response.body);
  return RcaResponseSchema.parse(response.json());
}

async function rejection(h: Harness, body: unknown): Promise<{ statusCode: number; code: string; message: string }> {
  const response = await h.app.inject({ method: 'POST', url: '/api/v1/rca', payload: body as Record<string, unknown> });
  return { statusCode: response.statusCode, ...response.json<{ code: string; message: string }>() };
}

describe('POST /api/v1/rca', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
    await ingestFaultyShop(h, SHOP);
  });
  after(() => h.close());

  it('names the service whose own spans fail first, with its pod and plain-words evidence, over a past window', async () => {
    const body = await rca(h, { from: new Date(minute(30)).toISOString(), to: new Date(minute(33)).toISOString() });
    const [top, ...rest] = body.causes;
    assert.ok(top, 'a cause');
    assert.equal(top.service, 'payment', JSON.stringify(body.causes, null, 2));
    assert.equal(top.instance, POD.payment);
    assert.ok(top.score > 0.5, `score ${top.score}`);
    assert.match(top.evidence, /payment|spans|error|calls/);
    assert.match(top.evidence, /nothing it calls explains it/);
    // Its callers only pass the failure on: ranked below it and called symptoms.
    for (const cause of rest) assert.ok(cause.score < top.score);
    const checkout = rest.find((cause) => cause.service === 'checkout');
    if (checkout) assert.match(checkout.evidence, /symptom: its callee payment/, JSON.stringify(body.causes, null, 2));
    assert.ok(body.symptoms.spans > 0 && body.symptoms.logs > 0, JSON.stringify(body.symptoms));
    assert.equal(body.fromMs, minute(30));
    // The issue asks for the answer time: printed with the test.
    console.log(`# POST /api/v1/rca over 3 min of 4 services: ${body.tookMs} ms`);
  });

  it('takes epoch milliseconds as well as RFC 3339', async () => {
    const body = await rca(h, { from: minute(30), to: minute(33) });
    assert.equal(body.causes[0]?.service, 'payment');
    assert.equal(body.toMs, minute(33));
  });

  it('finds no strong cause in a quiet window', async () => {
    const body = await rca(h, { from: minute(20), to: minute(23) });
    assert.ok(body.causes.every((cause) => cause.score < 0.5), JSON.stringify(body.causes, null, 2));
  });

  it('finds nothing in a window with no data', async () => {
    const body = await rca(h, { from: minute(-600), to: minute(-590) });
    assert.deepEqual(body.causes, []);
  });

  it('rejects a window that ends before it starts, is empty or is longer than a day', async () => {
    const reversed = await rejection(h, { from: minute(33), to: minute(30) });
    assert.equal(reversed.statusCode, 400);
    assert.equal(reversed.code, 'OPS_ERR_VALIDATION');
    assert.match(reversed.message, /body\.from .* must be before body\.to/);
    assert.equal((await rejection(h, { from: minute(30), to: minute(30) })).statusCode, 400);
    const long = await rejection(h, { from: minute(0), to: minute(0) + 25 * 3_600_000 });
    assert.equal(long.statusCode, 400);
    assert.match(long.message, /25\.0 h long; at most 24 h/);
  });

  it('rejects times that are neither epoch milliseconds nor RFC 3339, and missing bounds', async () => {
    const bad = await rejection(h, { from: 'yesterday', to: minute(33) });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.message, /body\.from/);
    const missing = await rejection(h, { from: minute(30) });
    assert.equal(missing.statusCode, 400);
    assert.match(missing.message, /body\.to/);
  });
});
