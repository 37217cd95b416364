/**
 * The UI in a real browser against the real platform: an Alertmanager alert for `payment`
 * becomes an incident, the incident page names payment as the top cause, and Acknowledge
 * changes the status. Uses Debian's chromium through playwright-core; nothing is downloaded.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Locator } from 'playwright-core';
import type { RunningOpsloop } from '../../src/app/start.js';
import type { Incident } from '../../src/core/records.js';
import { onPage, skip, STEP_TIMEOUT_MS, useBrowserPlatform } from '../support/browser-platform.js';


const platform = useBrowserPlatform('opsloop-e2e-');

test('web UI: incident page ranks payment first and Acknowledge changes the status', { skip, timeout: 90_000 }, async () => {
  const { opsloop, browser } = platform.started();
  const origin = new URL(opsloop.apiUrl).origin;
  const incident = await raisePaymentIncident(opsloop);

  await onPage(browser, { width: 1280, height: 900 }, async (page) => {
    await page.goto(`${origin}/#/incidents`);
    // Navigate the way a person does: from the list to the incident.
    await page.locator('[data-testid="incident-row"] a', { hasText: incident.title }).click({ timeout: STEP_TIMEOUT_MS });
    await page.waitForURL(`**/#/incidents/${encodeURIComponent(incident.id)}`, { timeout: STEP_TIMEOUT_MS });

    const topCause = page.getByTestId('top-cause');
    await topCause.waitFor({ timeout: STEP_TIMEOUT_MS });
    assert.equal((await topCause.textContent())?.trim(), 'payment');

    const status = page.getByTestId('incident-status');
    assert.equal(await textOf(status), 'triggered');
    await page.getByRole('button', { name: 'Acknowledge' }).click();
    await page.getByTestId('incident-status').filter({ hasText: 'acknowledged' }).waitFor({ timeout: STEP_TIMEOUT_MS });
    assert.equal(await page.getByRole('button', { name: 'Acknowledge' }).isDisabled(), true);

    // The click went through the API, not just the page's state.
    const after = await getJson<{ incident: Incident }>(`${opsloop.apiUrl}/api/v1/incidents/${encodeURIComponent(incident.id)}`);
    assert.equal(after.incident.status, 'acknowledged');
  });
});

/** A firing Alertmanager alert for payment, through the public webhook, then the incident it opened. */
async function raisePaymentIncident(running: RunningOpsloop): Promise<Incident> {
  const startsAt = new Date(Date.now() - 60_000).toISOString();
  const labels = { alertname: 'PaymentErrorRate', service: 'payment', severity: 'critical' };
  const response = await fetch(`${running.apiUrl}/api/v1/integrations/alertmanager`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      version: '4',
      groupKey: '{}:{alertname="PaymentErrorRate"}',
      truncatedAlerts: 0,
      status: 'firing',
      receiver: 'opsloop',
      groupLabels: { alertname: 'PaymentErrorRate' },
      commonLabels: labels,
      commonAnnotations: { summary: 'payment 5xx ratio above 5%' },
      externalURL: 'http://alertmanager.example:9093',
      alerts: [{ status: 'firing', labels, annotations: { summary: 'payment 5xx ratio above 5%' }, startsAt, endsAt: '0001-01-01T00:00:00Z', fingerprint: 'e2e0payment0001' }],
    }),
  });
  assert.equal(response.status, 200, `alertmanager webhook answered ${response.status}: ${await response.text()}`);
  await running.engine.settle();
  const { incidents } = await getJson<{ incidents: Incident[] }>(`${running.apiUrl}/api/v1/incidents?status=triggered`);
  const incident = incidents.find((candidate) => candidate.services.includes('payment'));
  assert.ok(incident, `no triggered incident for payment; got ${JSON.stringify(incidents)}`);
  return incident;
}

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  assert.equal(response.ok, true, `GET ${url} answered ${response.status}`);
  return (await response.json()) as T;
}

async function textOf(locator: Locator): Promise<string | undefined> {
  await locator.waitFor({ timeout: STEP_TIMEOUT_MS });
  return (await locator.textContent())?.trim();
}
