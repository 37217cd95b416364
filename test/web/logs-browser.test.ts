/**
 * The log pages in a real browser against the real platform: OTLP/JSON logs sent to the OTLP
 * port are mined into patterns (row with its count and sparkline, detail with parameters), found
 * by full-text search with the matched word marked (and a hostile body kept as text), followed
 * to their trace, paged with "load more", explained when the query is malformed, and reached
 * from an incident of their service. Uses Debian's chromium through playwright-core, like
 * test/e2e/browser.test.ts; nothing is downloaded.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import type { RunningOpsloop } from '../../src/app/start.js';
import { logRecord, logsRequest, type Json } from '../fixtures/otlp/json-builders.js';
import { skip, STEP_TIMEOUT_MS, useBrowserPlatform } from '../support/browser-platform.js';
import { raiseIncident } from '../support/raise-incident.js';

const TRACE = '5b8efff798038103d269b633813fc60c';
const DECLINED = 'payment failed: card declined for order <*>';
/** More than one page of search results (100), so "load more" has work to do. */
const CACHE_LINES = 130;

const platform = useBrowserPlatform('opsloop-logs-');

test('web UI: log patterns, search with highlighting, trace and incident jumps', { skip, timeout: 120_000 }, async () => {
  const { opsloop, browser } = platform.started();
  const origin = new URL(opsloop.apiUrl).origin;
  const t0 = Date.now() - 5 * 60_000;
  await sendLogs(opsloop, 'checkout', [
    logRecord(t0, 'payment failed: card declined for order 991', { severity: 17, traceId: TRACE }),
    logRecord(t0 + 1_000, 'payment failed: card declined for order 17', { severity: 17 }),
    logRecord(t0 + 2_000, 'payment failed: card declined for order 5', { severity: 17 }),
    logRecord(t0 + 3_000, 'charge accepted <img src=x onerror="window.__injected=1"> declined nothing', { severity: 9, traceId: TRACE }),
  ]);
  await sendLogs(
    opsloop,
    'cart',
    Array.from({ length: CACHE_LINES }, (_, i) => logRecord(t0 + i * 100, `cache warmed for region r${i % 7} in ${10 + i} ms`)),
  );

  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  try {
    // Patterns: the declined template with its count and a drawn sparkline; its detail lists parameter values.
    await page.goto(`${origin}/#/incidents`);
    await page.locator('.nav a', { hasText: 'Logs' }).click();
    await page.waitForURL(/#\/logs$/, { timeout: STEP_TIMEOUT_MS });
    await page.locator('.segmented-links a', { hasText: 'Patterns' }).click();
    await page.waitForURL(/#\/logs\/patterns$/, { timeout: STEP_TIMEOUT_MS });
    const row = page.getByTestId('pattern-row').filter({ hasText: 'card declined' });
    await row.waitFor({ timeout: STEP_TIMEOUT_MS });
    assert.equal(await text(row.locator('.template-text')), DECLINED);
    assert.equal(await text(row.getByTestId('pattern-count')), '3');
    assert.match(await text(row), /checkout/);
    assert.equal(await row.locator('mark.param').count(), 1, 'the parameter is marked');
    const sparkline = row.locator('[data-testid="sparkline"] canvas');
    await sparkline.waitFor({ timeout: STEP_TIMEOUT_MS });
    assert.ok(((await sparkline.boundingBox())?.width ?? 0) >= 80, 'the sparkline drew a canvas');
    assert.equal(await text(page.getByTestId('pattern-row').filter({ hasText: 'cache warmed' }).getByTestId('pattern-count')), String(CACHE_LINES));
    assert.equal(await text(page.locator('.nav a.active')), 'Logs');

    await row.getByTestId('pattern-link').click();
    await page.waitForURL(/#\/logs\/patterns\/[^?]+\?service=checkout/, { timeout: STEP_TIMEOUT_MS });
    const parameters = page.getByTestId('pattern-parameters');
    await parameters.waitFor({ timeout: STEP_TIMEOUT_MS });
    const values = (await parameters.locator('.chip').allTextContents()).map((chip) => chip.trim()).sort();
    assert.deepEqual(values, ['17 ×1', '5 ×1', '991 ×1']);
    assert.equal(await text(page.getByTestId('pattern-count')), '3');

    // From the pattern to its lines: a search filtered by the template.
    await page.getByTestId('pattern-search-link').click();
    await page.waitForURL(/#\/logs\?service=checkout&template=/, { timeout: STEP_TIMEOUT_MS });
    await expectLines(page, 3);

    // Full text: typed and submitted with Enter; the match is a <mark>, the hostile body stays text.
    await page.goto(`${origin}/#/logs`);
    const box = page.getByRole('searchbox', { name: 'Search log text' });
    await box.fill('declined');
    await box.press('Enter');
    await page.waitForURL(/#\/logs\?q=declined$/, { timeout: STEP_TIMEOUT_MS });
    const lines = await expectLines(page, 4);
    const marks = await page.getByTestId('log-results').locator('.log-body mark').allTextContents();
    assert.deepEqual(marks, ['declined', 'declined', 'declined', 'declined']);
    const hostile = page.getByTestId('log-line').filter({ hasText: 'charge accepted' });
    assert.match(await text(hostile.locator('.log-body')), /<img src=x onerror=/);
    assert.equal(await page.getByTestId('log-results').locator('img').count(), 0, 'a body is never parsed as HTML');
    assert.equal(await page.evaluate(() => (window as unknown as { __injected?: number }).__injected), undefined);
    assert.match(lines[0] ?? '', /charge accepted/, 'newest first');

    // A trace id on a line leads to every log of that trace.
    await hostile.getByTestId('log-trace-link').click();
    await page.waitForURL(new RegExp(`#/logs\\?trace=${TRACE}$`), { timeout: STEP_TIMEOUT_MS });
    const traceLines = await expectLines(page, 2);
    assert.ok(traceLines.every((line) => line.includes('checkout')));

    // A malformed query shows the server's reason, not a blank page.
    const retry = page.getByRole('searchbox', { name: 'Search log text' });
    await retry.fill('"unclosed');
    await retry.press('Enter');
    const reason = page.getByTestId('search-error');
    await reason.waitFor({ timeout: STEP_TIMEOUT_MS });
    assert.match(await text(reason), /querystring\.q: .*is not a valid full-text query/);
    assert.match(await text(page.locator('.notice-error')), /FTS5 syntax/);
    // A bad trace id is not the query's fault: its reason, without the full-text syntax help.
    await retry.fill('');
    const trace = page.getByRole('textbox', { name: 'Trace id' });
    await trace.fill('abc');
    await trace.press('Enter');
    await page.waitForURL(/#\/logs\?trace=abc$/, { timeout: STEP_TIMEOUT_MS });
    await page.getByTestId('search-error').filter({ hasText: 'traceId' }).waitFor({ timeout: STEP_TIMEOUT_MS });
    assert.doesNotMatch(await text(page.locator('.notice-error')), /FTS5/);

    // More than a page: the cursor brings the rest, none twice.
    await page.goto(`${origin}/#/logs?service=cart`);
    await expectLines(page, 100);
    assert.match(await text(page.getByTestId('results-count')), /100 logs shown, more below/);
    await page.getByRole('button', { name: /Load 100 more/ }).click();
    await expectLines(page, CACHE_LINES);
    assert.equal(await page.getByRole('button', { name: /Load 100 more/ }).count(), 0);

    // From an incident of checkout to its error logs in the incident's window.
    const incident = await raiseIncident(opsloop, 'checkout');
    await page.goto(`${origin}/#/incidents/${encodeURIComponent(incident.id)}`);
    const preview = page.locator('.incident-logs');
    await preview.getByTestId('log-line').first().waitFor({ timeout: STEP_TIMEOUT_MS });
    assert.equal(await preview.getByTestId('log-line').count(), 3, 'the three checkout errors, not the info line');
    await page.getByTestId('incident-logs-link').click();
    await page.waitForURL(/#\/logs\?service=checkout&severity=error&from=\d+&to=\d+$/, { timeout: STEP_TIMEOUT_MS });
    const errors = await expectLines(page, 3);
    assert.ok(errors.every((line) => /card declined/.test(line)));
    const chips = (await page.locator('.filter-chip').allTextContents()).map((chip) => chip.replace('×', '').trim());
    assert.deepEqual(chips, ['checkout'], 'the service filter shows the incident\'s services');

    assert.deepEqual(pageErrors, [], 'the page threw errors');
  } finally {
    await page.close();
  }
});

/** Waits until the results list shows exactly `count` lines, and returns their text. */
async function expectLines(page: Page, count: number): Promise<string[]> {
  const lines = page.getByTestId('log-results').getByTestId('log-line');
  await page.waitForFunction(
    (expected) => document.querySelectorAll('[data-testid="log-results"] [data-testid="log-line"]').length === expected,
    count,
    { timeout: STEP_TIMEOUT_MS },
  );
  return lines.allTextContents();
}

async function text(locator: { textContent(options?: { timeout?: number }): Promise<string | null> }): Promise<string> {
  return ((await locator.textContent({ timeout: STEP_TIMEOUT_MS })) ?? '').trim();
}

/** OTLP/JSON to the OTLP port, as an exporter sends it; the logs are stored before the 200. */
async function sendLogs(running: RunningOpsloop, service: string, records: Json[]): Promise<void> {
  const response = await fetch(new URL('/v1/logs', running.otlpUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(logsRequest(records, { 'service.name': service })),
  });
  assert.equal(response.status, 200, await response.text());
  await running.engine.settle();
}
