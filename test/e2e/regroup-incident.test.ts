/**
 * Why-grouped and split in a real browser against the real platform: two alerts of one service
 * group into one incident; the page says why, and a person splits the second one off into a new
 * incident, which the page then shows.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RunningOpsloop } from '../../src/app/start.js';
import type { Alert, Incident } from '../../src/core/records.js';
import { onPage, skip, STEP_TIMEOUT_MS, useBrowserPlatform } from '../support/browser-platform.js';

const platform = useBrowserPlatform('opsloop-e2e-regroup-');

test('web UI: see why an alert was grouped, split it off into a new incident', { skip, timeout: 90_000 }, async () => {
  const { opsloop, browser } = platform.started();
  const origin = new URL(opsloop.apiUrl).origin;
  const startMs = Date.now() - 60_000;
  await raise(opsloop, 'CheckoutLatencyHigh', 'checkout p95 latency above its band', startMs);
  await raise(opsloop, 'CheckoutDiskFull', 'checkout volume /data is 97% full', startMs + 10_000);
  const { incidents } = await getJson<{ incidents: Incident[] }>(`${opsloop.apiUrl}/api/v1/incidents?status=triggered`);
  assert.equal(incidents.length, 1, `the two alerts should group into one incident; got ${JSON.stringify(incidents)}`);
  const [original] = incidents;
  assert.ok(original);
  const disk = (await alertsOf(opsloop, original.id)).find((alert) => alert.name === 'CheckoutDiskFull');
  assert.ok(disk?.correlation, 'the joined alert carries its grouping decision');
  const { reason } = disk.correlation;

  await onPage(browser, { width: 1280, height: 1000 }, async (page) => {
    await page.goto(`${origin}/#/incidents/${encodeURIComponent(original.id)}`);
    await page.getByTestId('why-reason').filter({ hasText: reason }).waitFor({ timeout: STEP_TIMEOUT_MS });
    assert.match(reason, /^joined: same service checkout/);

    const splitOff = page.getByTestId('split-off');
    assert.equal(await splitOff.isDisabled(), true, 'nothing ticked, nothing to split');
    await page.getByRole('checkbox', { name: 'Split off CheckoutDiskFull' }).check();
    await splitOff.click();
    await page.waitForURL((url) => /#\/incidents\//.test(url.hash) && !url.hash.endsWith(encodeURIComponent(original.id)), { timeout: STEP_TIMEOUT_MS });
    const newId = decodeURIComponent(new URL(page.url()).hash.replace('#/incidents/', ''));
    // The new incident's page shows the moved alert, which now says an operator split it.
    await page.getByTestId('why-reason').filter({ hasText: 'split' }).waitFor({ timeout: STEP_TIMEOUT_MS });

    // The click went through the API: the disk alert lives in the new incident, the latency alert stayed.
    assert.deepEqual((await alertsOf(opsloop, newId)).map((alert) => [alert.name, alert.correlation?.outcome]), [['CheckoutDiskFull', 'split']]);
    assert.deepEqual((await alertsOf(opsloop, original.id)).map((alert) => alert.name), ['CheckoutLatencyHigh']);
  });
});

async function raise(running: RunningOpsloop, name: string, summary: string, timeMs: number): Promise<void> {
  const response = await fetch(`${running.apiUrl}/api/v1/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, service: 'checkout', severity: 'critical', summary, time: timeMs }),
  });
  assert.ok(response.ok, `POST /api/v1/events answered ${response.status}: ${await response.text()}`);
  await running.engine.settle();
}

async function alertsOf(running: RunningOpsloop, incidentId: string): Promise<Alert[]> {
  return (await getJson<{ alerts: Alert[] }>(`${running.apiUrl}/api/v1/incidents/${encodeURIComponent(incidentId)}`)).alerts;
}

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  assert.equal(response.ok, true, `GET ${url} answered ${response.status}`);
  return (await response.json()) as T;
}
