/**
 * The trace pages in a real browser against the real platform: OTLP/JSON spans sent to the OTLP
 * port are found by trace search (filtered to the failed one), opened as a waterfall (nesting,
 * service colours, the failed span marked), a span picked for its attributes and self time,
 * followed to the trace's logs and back from a log line, and reached from an incident. Debian's chromium through
 * playwright-core, like test/web/logs-browser.test.ts; nothing is downloaded.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RunningOpsloop } from '../../src/app/start.js';
import { logRecord, logsRequest, type Json } from '../fixtures/otlp/json-builders.js';
import { type SpanOptions, spanJson, tracesRequest } from '../fixtures/otlp/span-builders.js';
import { skip, STEP_TIMEOUT_MS, useBrowserPlatform } from '../support/browser-platform.js';
import { raiseIncident } from '../support/raise-incident.js';

const CHECKOUT = '4bf92f3577b34da6a3ce929d0e0e4736';
const HOME = '5b8efff798038103d269b633813fc60c';
const ROOT = '00f067aa0ba902b7';
const ORDER = '00f067aa0ba902b8';
const CHARGE = '00f067aa0ba902b9';
const CART = '00f067aa0ba902ba';

const platform = useBrowserPlatform('opsloop-traces-');

test('web UI: trace search, waterfall, span details and the jumps to logs and back', { skip, timeout: 120_000 }, async () => {
  const { opsloop, browser } = platform.started();
  const origin = new URL(opsloop.apiUrl).origin;
  const t0 = Date.now() - 5 * 60_000;
  await sendSpans(opsloop, 'frontend', [
    { traceId: CHECKOUT, spanId: ROOT, name: 'GET /checkout', startMs: t0, durationMs: 120 },
    { traceId: HOME, spanId: '1111111111111111', name: 'GET /home', startMs: t0 + 60_000, durationMs: 4 },
  ]);
  await sendSpans(opsloop, 'checkout', [
    { traceId: CHECKOUT, spanId: ORDER, parentSpanId: ROOT, name: 'POST /order', startMs: t0 + 10, durationMs: 100 },
    { traceId: CHECKOUT, spanId: CART, parentSpanId: ORDER, name: 'load cart', kind: 3, startMs: t0 + 15, durationMs: 20 },
    {
      traceId: CHECKOUT,
      spanId: CHARGE,
      parentSpanId: ORDER,
      name: 'charge',
      kind: 3,
      startMs: t0 + 40,
      durationMs: 60,
      error: 'card declined',
      attrs: { 'peer.service': 'payments', 'http.status_code': 502 },
    },
  ]);
  await sendLogs(opsloop, 'checkout', [logRecord(t0 + 90, 'payment failed: card declined for order 991', { severity: 17, traceId: CHECKOUT, spanId: CHARGE })]);

  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  try {
    // Search: both traces, newest first; then only the failed one.
    await page.goto(`${origin}/#/incidents`);
    await page.locator('.nav a', { hasText: 'Traces' }).click();
    await page.waitForURL(/#\/traces$/, { timeout: STEP_TIMEOUT_MS });
    await expectRows(page, 2);
    assert.match(await text(page.getByTestId('trace-row').first()), /frontend: GET \/home/);
    await page.getByRole('combobox', { name: 'Status' }).selectOption('error');
    await page.waitForURL(/#\/traces\?status=error$/, { timeout: STEP_TIMEOUT_MS });
    await expectRows(page, 1);
    const row = page.getByTestId('trace-row').first();
    assert.match(await text(row), /frontend: GET \/checkout/);
    assert.match(await text(row), /4bf92f35/);
    assert.equal(await text(page.locator('.nav a.active')), 'Traces');

    // The waterfall: nested by parent, siblings by start, the failed span marked.
    await row.getByTestId('trace-link').click();
    await page.waitForURL(new RegExp(`#/traces/${CHECKOUT}$`), { timeout: STEP_TIMEOUT_MS });
    const rows = page.getByTestId('waterfall-row');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="waterfall-row"]').length === 4, null, { timeout: STEP_TIMEOUT_MS });
    const shape = await rows.evaluateAll((items) => items.map((item) => [item.getAttribute('data-span-id'), item.getAttribute('data-depth')]));
    assert.deepEqual(shape, [
      [ROOT, '0'],
      [ORDER, '1'],
      [CART, '2'],
      [CHARGE, '2'],
    ]);
    assert.equal(await page.getByTestId('span-error-mark').count(), 1);
    const failed = rows.filter({ has: page.getByTestId('span-error-mark') });
    assert.equal(await failed.getAttribute('data-span-id'), CHARGE);
    const bars = await rows.locator('.waterfall-bar').evaluateAll((items) => items.map((item) => item.getBoundingClientRect()));
    assert.ok(bars[0] && bars[3] && bars[3].left > bars[0].left && bars[3].width < bars[0].width, 'a child bar starts later and is shorter than the root');
    assert.match(await text(page.getByTestId('trace-title')), /frontend: GET \/checkout/);

    // A picked span: its status, attributes, self time and links.
    await failed.locator('a').click();
    await page.waitForURL(new RegExp(`#/traces/${CHECKOUT}\\?span=${CHARGE}$`), { timeout: STEP_TIMEOUT_MS });
    const details = page.getByTestId('span-details');
    await details.waitFor({ timeout: STEP_TIMEOUT_MS });
    assert.match(await text(details), /card declined/);
    assert.match(await text(page.getByTestId('span-attributes')), /peer\.service\s*payments/);
    assert.equal(await text(page.getByTestId('span-self-time')), '60 ms');
    const metrics = await page.getByTestId('span-metrics-link').evaluateAll((links) => links.map((link) => decodeURIComponent(link.getAttribute('href') ?? '')));
    assert.equal(metrics.length, 3);
    assert.match(metrics[0] ?? '', /^#\/metrics\?key=opsloop\.service\.request_rate\{service="checkout"\}&from=\d+&to=\d+$/);
    await rows.filter({ hasText: 'POST /order' }).locator('a').click();
    await page.waitForURL(new RegExp(`span=${ORDER}$`), { timeout: STEP_TIMEOUT_MS });
    await page.getByTestId('span-self-time').filter({ hasText: '20 ms' }).waitFor({ timeout: STEP_TIMEOUT_MS });

    // To the trace's logs, and from its log line back to the trace.
    await page.getByTestId('span-logs-link').click();
    await page.waitForURL(new RegExp(`#/logs\\?trace=${CHECKOUT}$`), { timeout: STEP_TIMEOUT_MS });
    const line = page.getByTestId('log-results').getByTestId('log-line');
    await line.first().waitFor({ timeout: STEP_TIMEOUT_MS });
    assert.equal(await line.count(), 1);
    await line.getByTestId('log-trace-view-link').click();
    await page.waitForURL(new RegExp(`#/traces/${CHECKOUT}$`), { timeout: STEP_TIMEOUT_MS });
    await page.getByTestId('waterfall').waitFor({ timeout: STEP_TIMEOUT_MS });

    // An unknown trace says so instead of a blank page.
    await page.goto(`${origin}/#/traces/ffffffffffffffffffffffffffffffff`);
    await page.locator('.notice', { hasText: 'No spans of trace' }).waitFor({ timeout: STEP_TIMEOUT_MS });

    // From an incident of checkout to the traces in which a checkout span failed in its window.
    const incidentId = (await raiseIncident(opsloop, 'checkout')).id;
    await page.goto(`${origin}/#/incidents/${encodeURIComponent(incidentId)}`);
    await page.getByTestId('incident-traces-link').click();
    await page.waitForURL(/#\/traces\?service=checkout&status=error&from=\d+&to=\d+$/, { timeout: STEP_TIMEOUT_MS });
    await expectRows(page, 1);
    assert.match(await text(page.getByTestId('trace-row').first()), /4bf92f35/);

    assert.deepEqual(pageErrors, [], 'the page threw errors');
  } finally {
    await page.close();
  }
});

async function expectRows(page: import('playwright-core').Page, count: number): Promise<void> {
  await page.waitForFunction((expected) => document.querySelectorAll('[data-testid="trace-row"]').length === expected, count, { timeout: STEP_TIMEOUT_MS });
}

async function text(locator: { textContent(options?: { timeout?: number }): Promise<string | null> }): Promise<string> {
  return ((await locator.textContent({ timeout: STEP_TIMEOUT_MS })) ?? '').trim();
}

/** OTLP/JSON to the OTLP port, as an exporter sends it; stored before the 200. */
async function sendSpans(running: RunningOpsloop, service: string, spans: SpanOptions[]): Promise<void> {
  await post(running, '/v1/traces', tracesRequest(spans.map(spanJson), { 'service.name': service }));
}

async function sendLogs(running: RunningOpsloop, service: string, records: Json[]): Promise<void> {
  await post(running, '/v1/logs', logsRequest(records, { 'service.name': service }));
}

async function post(running: RunningOpsloop, path: string, body: Json): Promise<void> {
  const response = await fetch(new URL(path, running.otlpUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  assert.equal(response.status, 200, await response.text());
  await running.engine.settle();
}
