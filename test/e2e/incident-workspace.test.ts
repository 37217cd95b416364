/**
 * The incident workspace in a real browser against the real platform: two incidents of the same
 * failure, an earlier one resolved with a note; on the new one a person acknowledges, writes a
 * note, and follows the similar incident to the earlier one and its resolution.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RunningOpsloop } from '../../src/app/start.js';
import type { Incident, TimelineEntry } from '../../src/core/records.js';
import { onPage, skip, STEP_TIMEOUT_MS, useBrowserPlatform } from '../support/browser-platform.js';

const platform = useBrowserPlatform('opsloop-e2e-workspace-');

test('web UI: acknowledge, add a note, open a similar incident', { skip, timeout: 90_000 }, async () => {
  const { opsloop, browser } = platform.started();
  const origin = new URL(opsloop.apiUrl).origin;
  const day = 24 * 3_600_000;
  const earlier = await raise(opsloop, { region: 'eu-1' }, Date.now() - 3 * day);
  await post(opsloop, `/api/v1/incidents/${earlier.id}/resolve`, { by: 'oncall', resolution: 'raised the connection pool to 50' });
  const current = await raise(opsloop, { region: 'eu-2' }, Date.now() - 60_000);
  assert.notEqual(current.id, earlier.id);

  await onPage(browser, { width: 1280, height: 1000 }, async (page) => {
    await page.goto(`${origin}/#/incidents/${encodeURIComponent(current.id)}`);
    await page.getByRole('button', { name: 'Acknowledge' }).click({ timeout: STEP_TIMEOUT_MS });
    await page.getByTestId('incident-status').filter({ hasText: 'acknowledged' }).waitFor({ timeout: STEP_TIMEOUT_MS });

    await page.getByTestId('timeline-text').fill('pool exhausted again, same as last week');
    await page.getByTestId('add-note').click();
    await page.getByTestId('incident-timeline').getByText('pool exhausted again, same as last week').waitFor({ timeout: STEP_TIMEOUT_MS });

    const similar = page.getByTestId('similar-incidents');
    await similar.getByText('Resolved: raised the connection pool to 50').waitFor({ timeout: STEP_TIMEOUT_MS });
    await similar.getByTestId('similar-link').first().click();
    await page.waitForURL(`**/#/incidents/${encodeURIComponent(earlier.id)}`, { timeout: STEP_TIMEOUT_MS });
    await page.getByTestId('incident-status').filter({ hasText: 'resolved' }).waitFor({ timeout: STEP_TIMEOUT_MS });

    // The clicks went through the API, not just the page's state.
    const detail = await getJson<{ incident: Incident; timeline: TimelineEntry[] }>(`${opsloop.apiUrl}/api/v1/incidents/${encodeURIComponent(current.id)}`);
    assert.equal(detail.incident.status, 'acknowledged');
    assert.ok(detail.timeline.some((entry) => entry.kind === 'note' && entry.by === 'web' && entry.message === 'pool exhausted again, same as last week'));
  });
});

/** A critical generic event for `orders` (labels make each one its own alert), then its incident. */
async function raise(running: RunningOpsloop, labels: Record<string, string>, timeMs: number): Promise<Incident> {
  await post(running, '/api/v1/events', {
    name: 'DbPoolExhausted',
    service: 'orders',
    severity: 'critical',
    summary: 'orders cannot get a database connection',
    labels: { pool: 'orders-db', ...labels },
    time: timeMs,
  });
  await running.engine.settle();
  const { incidents } = await getJson<{ incidents: Incident[] }>(`${running.apiUrl}/api/v1/incidents?status=triggered`);
  const incident = incidents.find((candidate) => candidate.startedMs === timeMs);
  assert.ok(incident, `no triggered incident started at ${timeMs}; got ${JSON.stringify(incidents)}`);
  return incident;
}

async function post(running: RunningOpsloop, path: string, body: object): Promise<void> {
  const response = await fetch(`${running.apiUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  assert.ok(response.ok, `POST ${path} answered ${response.status}: ${await response.text()}`);
}

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  assert.equal(response.ok, true, `GET ${url} answered ${response.status}`);
  return (await response.json()) as T;
}
