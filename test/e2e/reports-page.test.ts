/**
 * In a real browser against the real platform: the reports page draws a seeded week's report
 * (charts and tables with the known figures), and a stored weekly report opens from its picker.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { weeklyReportId } from '../../src/app/reports/weekly-reports.js';
import { FROM, PERIOD, TO, seedWorld } from '../act/reports/report-world.js';
import { onPage, skip, STEP_TIMEOUT_MS, useBrowserPlatform } from '../support/browser-platform.js';

const platform = useBrowserPlatform('opsloop-e2e-reports-');

test('web UI: the reports page shows a period\'s charts and figures, and stored weekly reports', { skip, timeout: 90_000 }, async () => {
  const { opsloop, browser } = platform.started();
  const { store } = opsloop.engine;
  seedWorld(store);
  const id = weeklyReportId(TO);
  store.reports.save({ id, kind: 'weekly', ...PERIOD, createdMs: TO, report: opsloop.engine.reports.improvement(PERIOD, 2) });
  const origin = new URL(opsloop.apiUrl).origin;

  await onPage(browser, { width: 1280, height: 1000 }, async (page) => {
    await page.goto(`${origin}/#/incidents`);
    await page.getByRole('link', { name: 'Reports' }).click({ timeout: STEP_TIMEOUT_MS });
    await page.getByTestId('report-summary').waitFor({ timeout: STEP_TIMEOUT_MS });

    await page.goto(`${origin}/#/reports?from=${new Date(FROM).toISOString()}&to=${TO}&weeks=2`);
    await page.getByText('2030-01-07 to 2030-01-14').waitFor({ timeout: STEP_TIMEOUT_MS });
    const summary = (await page.getByTestId('report-summary').textContent()) ?? '';
    assert.match(summary, /Alerts84/);
    assert.match(summary, /Night pages30/);
    for (const chart of ['chart-response-trend', 'chart-noisy-sources', 'chart-oncall-load']) {
      assert.equal(await page.getByTestId(chart).locator('canvas').count(), 1, `${chart} has a canvas`);
    }
    assert.match((await page.getByTestId('noisy-alerts').locator('tbody tr').first().textContent()) ?? '', /HighLatencycheckoutalertmanager51/);
    assert.match((await page.getByTestId('never-acted-on').textContent()) ?? '', /2 of 5 alerts/);
    assert.match((await page.getByTestId('recurring').textContent()) ?? '', /db disk fills up/);
    assert.match((await page.getByTestId('automation').textContent()) ?? '', /no runbook executions recorded/);
    assert.match((await page.getByTestId('oncall-load').locator('tbody tr').first().textContent()) ?? '', /^AnaEurope\/Berlin4221$/);

    // A stored weekly report opens from the picker.
    await page.goto(`${origin}/#/reports`);
    await page.getByLabel('Weekly reports').selectOption(id, { timeout: STEP_TIMEOUT_MS });
    await page.waitForURL(/#\/reports\?id=/);
    await page.getByText('2030-01-07 to 2030-01-14').waitFor({ timeout: STEP_TIMEOUT_MS });
  });
});
