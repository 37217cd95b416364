/**
 * The findings pages in a real browser against the real platform: a Trivy report is imported
 * through the API as CI would, #/findings shows the overview and the table, and the finding
 * page shows the score factor by factor and starts remediation.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { onPage, skip, STEP_TIMEOUT_MS, useBrowserPlatform } from '../support/browser-platform.js';

const platform = useBrowserPlatform('opsloop-e2e-findings-');
const REPORT = readFileSync(new URL('../fixtures/findings/trivy-cart.json', import.meta.url), 'utf8');

test('web UI: findings overview, table and a finding moved to remediation', { skip, timeout: 90_000 }, async () => {
  const { opsloop, browser } = platform.started();
  const origin = new URL(opsloop.apiUrl).origin;
  const json = { 'content-type': 'application/json' };
  const catalog = await fetch(`${opsloop.apiUrl}/api/v1/catalog/cart`, { method: 'PUT', headers: json, body: JSON.stringify({ ownerTeam: 'shop', tier: 1, internetFacing: true, images: ['ghcr.io/acme/cart'], runbooks: [] }) });
  assert.equal(catalog.status, 200);
  const imported = await fetch(`${opsloop.apiUrl}/api/v1/findings/import`, { method: 'POST', headers: json, body: REPORT });
  assert.equal(imported.status, 200, await imported.clone().text());

  await onPage(browser, { width: 1280, height: 1000 }, async (page) => {
    await page.goto(`${origin}/#/incidents`);
    await page.getByRole('link', { name: 'Findings' }).click();
    await page.getByTestId('findings-overview').waitFor({ timeout: STEP_TIMEOUT_MS });
    assert.equal(await page.getByTestId('findings-open').textContent(), '4');
    const rows = page.getByTestId('finding-row');
    await rows.first().waitFor({ timeout: STEP_TIMEOUT_MS });
    assert.equal(await rows.count(), 4);

    await page.getByRole('link', { name: 'CVE-2021-23337' }).click();
    await page.getByTestId('score-breakdown').waitFor({ timeout: STEP_TIMEOUT_MS });
    assert.match((await page.getByTestId('finding-title').textContent()) ?? '', /CVE-2021-23337 in lodash/);
    assert.match((await page.getByTestId('score-breakdown').textContent()) ?? '', /severity.*exploitation.*exposure.*runtime.*fix/s);
    assert.match((await page.getByTestId('finding-plan').textContent()) ?? '', /upgrade lodash to 4\.17\.21 in cart/);

    await page.getByRole('button', { name: 'Start remediation' }).click();
    await page.getByTestId('finding-status').filter({ hasText: 'in_remediation' }).waitFor({ timeout: STEP_TIMEOUT_MS });
    assert.match((await page.getByTestId('finding-history').textContent()) ?? '', /open → in_remediation/);
  });
});
