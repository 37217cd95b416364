/**
 * The on-call pages in a real browser against the real platform: users and a schedule created
 * through the API, the On call page names who is on call now and lists the coming shifts, and
 * "Send test" on the notifications page reaches a local webhook receiver. Uses Debian's
 * chromium through playwright-core, like test/e2e/browser.test.ts; nothing is downloaded.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RunningOpsloop } from '../../src/app/start.js';
import { skip, STEP_TIMEOUT_MS, useBrowserPlatform } from '../support/browser-platform.js';
import { startHttpSink } from '../support/http-sink.js';

const platform = useBrowserPlatform('opsloop-oncall-');

test('web UI: who is on call now, the coming shifts, and a channel test send', { skip, timeout: 90_000 }, async () => {
  const { opsloop, browser } = platform.started();
  const origin = new URL(opsloop.apiUrl).origin;
  const sink = await startHttpSink();
  // An override over the whole test makes the answer independent of the hour the test runs at.
  const now = Date.now();
  await post(opsloop, '/api/v1/users', { id: 'ana', name: 'Ana Lima', email: 'ana@example.com' });
  await post(opsloop, '/api/v1/users', { id: 'ben', name: 'Ben Okafor', email: 'ben@example.com' });
  await post(opsloop, '/api/v1/schedules', {
    id: 'primary', name: 'Primary', timeZone: 'Europe/Berlin',
    layers: [{ name: 'daily', users: ['ana'], start: '2024-01-01T09:00', rotation: { every: 1, unit: 'days' } }],
    overrides: [{ userId: 'ben', fromMs: now - 3_600_000, toMs: now + 3_600_000 }],
  });
  await post(opsloop, '/api/v1/notifications/channels', { id: 'ops-hook', name: 'Ops hook', type: 'webhook', url: `${sink.url}/ops` });

  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  try {
    await page.goto(`${origin}/#/incidents`);
    await page.locator('.nav a', { hasText: 'On call' }).click();
    await page.waitForURL(/#\/oncall$/, { timeout: STEP_TIMEOUT_MS });
    const person = page.getByTestId('oncall-person');
    await person.waitFor({ timeout: STEP_TIMEOUT_MS });
    assert.equal((await person.textContent())?.trim(), 'Ben Okafor');
    const shifts = page.getByTestId('upcoming-shifts').locator('tbody tr');
    await shifts.first().waitFor({ timeout: STEP_TIMEOUT_MS });
    assert.deepEqual((await shifts.locator('td:first-child').allTextContents()).slice(0, 2), ['ben', 'ana'], 'the override, then the rotation');

    await page.locator('a', { hasText: 'Channels and rules' }).click();
    await page.waitForURL(/#\/notifications$/, { timeout: STEP_TIMEOUT_MS });
    await page.getByTestId('channel-row').filter({ hasText: 'Ops hook' }).getByRole('button', { name: 'Send test' }).click();
    await page.getByTestId('test-result').filter({ hasText: 'sent' }).waitFor({ timeout: STEP_TIMEOUT_MS });
    assert.equal(sink.received.length, 1);
    assert.equal((JSON.parse(sink.received[0]?.body ?? '{}') as { event: string }).event, 'test');
    assert.deepEqual(pageErrors, [], 'the page threw errors');
  } finally {
    await page.close();
    await sink.close();
  }
});

async function post(running: RunningOpsloop, path: string, body: object): Promise<void> {
  const response = await fetch(`${running.apiUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  assert.equal(response.status, 201, `${path}: ${await response.text()}`);
}
