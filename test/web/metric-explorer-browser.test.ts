/**
 * The metric explorer in a real browser against the real platform: a level shift in a metric
 * becomes an incident; its top cause links to the explorer, which charts the series with its
 * band and score and lists the episode. Uses Debian's chromium through playwright-core, like
 * test/e2e/browser.test.ts; nothing is downloaded.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import type { RunningOpsloop } from '../../src/app/start.js';
import type { Incident, MetricPoint } from '../../src/core/records.js';
import { seriesKey } from '../../src/core/series.js';
import { skip, STEP_TIMEOUT_MS, useBrowserPlatform } from '../support/browser-platform.js';

const STEP_MS = 10_000;
const SERIES = { name: 'queue.depth', service: 'orders', labels: { queue: 'email' } };

const platform = useBrowserPlatform('opsloop-explorer-');

test('web UI: an incident cause opens the metric explorer with chart, score and episode', { skip, timeout: 90_000 }, async () => {
  const { opsloop, browser } = platform.started();
  const origin = new URL(opsloop.apiUrl).origin;
  const incident = await raiseLevelShiftIncident(opsloop);

  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  try {
    await page.goto(`${origin}/#/incidents/${encodeURIComponent(incident.id)}`);
    await page.getByTestId('explore-cause').first().click({ timeout: STEP_TIMEOUT_MS });
    await page.waitForURL(/#\/metrics\?key=.*&from=\d+&to=\d+$/, { timeout: STEP_TIMEOUT_MS });

    const key = seriesKey(SERIES);
    assert.equal((await page.getByTestId('explorer-key').textContent({ timeout: STEP_TIMEOUT_MS }))?.trim(), key);
    await expectCharts(page);
    const episode = page.getByTestId('episode-row').first();
    await episode.waitFor({ timeout: STEP_TIMEOUT_MS });
    assert.match((await episode.textContent()) ?? '', /↑ up.*queue\.depth/);
    // The picker shows which series is open, and the nav which page.
    assert.equal(await page.locator('[data-testid="series-list"] a[aria-current="true"]').getAttribute('title'), key);
    assert.equal((await page.locator('.nav a.active').textContent())?.trim(), 'Metrics');

    // A preset range is a new URL and a new chart of the same series.
    await page.getByRole('tab', { name: 'Last 1 h' }).click();
    await page.waitForURL(/#\/metrics\?key=.*&range=1h$/, { timeout: STEP_TIMEOUT_MS });
    await expectCharts(page);
    assert.deepEqual(pageErrors, [], 'the page threw errors');
  } finally {
    await page.close();
  }
});

/** Both charts drew a canvas, and the legends name what the explorer promises to show. */
async function expectCharts(page: Page): Promise<void> {
  for (const testId of ['value-chart', 'score-chart']) {
    // Found and measured in the page in one step, until it is drawn at size: the explorer can
    // swap its plots while the series' first answer arrives, so a canvas found first and measured
    // after may be gone by then (CI, 2026-11-29).
    const box = await page
      .waitForFunction(
        (id) => {
          const rect = document.querySelector(`[data-testid="${id}"] canvas`)?.getBoundingClientRect();
          return rect !== undefined && rect.width > 300 && rect.height > 50 ? { width: rect.width, height: rect.height } : false;
        },
        testId,
        { timeout: STEP_TIMEOUT_MS },
      )
      .then((handle) => handle.jsonValue())
      .catch(() => null);
    assert.ok(box, `${testId}: no canvas drawn wider than 300 and taller than 50 px within ${STEP_TIMEOUT_MS} ms`);
  }
  const legend = (await page.getByTestId('value-chart').locator('.u-legend').textContent()) ?? '';
  for (const label of ['queue.depth', 'expected', 'band low', 'band high', 'anomalous']) assert.ok(legend.includes(label), `value legend "${legend}" lacks ${label}`);
  assert.match((await page.getByTestId('score-chart').locator('.u-legend').textContent()) ?? '', /anomaly score/);
}

/**
 * 200 calm points of a queue depth, then 8 at three times the level, ending now: the live
 * detector opens an episode, which becomes an alert and an incident with `orders` as its cause.
 */
async function raiseLevelShiftIncident(running: RunningOpsloop): Promise<Incident> {
  const count = 208;
  const startMs = Date.now() - count * STEP_MS;
  const metrics: MetricPoint[] = Array.from({ length: count }, (_, i) => ({
    ...SERIES,
    timeMs: startMs + i * STEP_MS,
    value: (i < 200 ? 100 : 300) + ((i * 7919) % 5) - 2,
  }));
  running.engine.telemetry.accept({ metrics });
  await running.engine.settle();
  const response = await fetch(`${running.apiUrl}/api/v1/incidents?status=triggered`);
  const { incidents } = (await response.json()) as { incidents: Incident[] };
  const incident = incidents.find((candidate) => candidate.causes.some((cause) => cause.series === seriesKey(SERIES)));
  assert.ok(incident, `no incident with a cause on ${seriesKey(SERIES)}; got ${JSON.stringify(incidents)}`);
  return incident;
}
