/**
 * In a real browser against the real platform: the runbook list shows a runbook, its page
 * dry-runs it, and the execution page shows its steps as they end.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { onPage, skip, STEP_TIMEOUT_MS, useBrowserPlatform } from '../support/browser-platform.js';

const platform = useBrowserPlatform('opsloop-e2e-runbooks-');

const RUNBOOK = `id: restart-cart
name: Restart cart
inputs:
  service: { type: string, default: cart }
steps:
  - id: restart
    type: http
    url: 'http://shop.invalid/services/{{ inputs.service }}/restart'
  - id: settle
    type: wait
    seconds: 1
  - id: note
    type: notify
    text: 'restarted {{ inputs.service }} (HTTP {{ steps.restart.status }})'
`;

test('web UI: the runbook list opens a runbook, a dry run shows its steps', { skip, timeout: 90_000 }, async () => {
  const { opsloop, browser } = platform.started();
  opsloop.engine.runbooks.catalog.save(RUNBOOK, 'e2e', Date.now());
  const origin = new URL(opsloop.apiUrl).origin;

  await onPage(browser, { width: 1280, height: 1000 }, async (page) => {
    await page.goto(`${origin}/#/incidents`);
    await page.getByRole('link', { name: 'Runbooks' }).click({ timeout: STEP_TIMEOUT_MS });
    await page.getByTestId('runbook-table').waitFor({ timeout: STEP_TIMEOUT_MS });
    await page.getByTestId('runbook-link').filter({ hasText: 'Restart cart' }).click({ timeout: STEP_TIMEOUT_MS });

    // The editor holds the YAML, and the server checks it.
    await page.getByTestId('runbook-source').waitFor({ timeout: STEP_TIMEOUT_MS });
    assert.match(await page.getByTestId('runbook-source').inputValue(), /id: restart-cart/);
    await page.getByTestId('validate-runbook').click();
    await page.getByTestId('runbook-valid').waitFor({ timeout: STEP_TIMEOUT_MS });

    await page.getByTestId('dry-run').click();
    await page.waitForURL(/#\/runbook-executions\//, { timeout: STEP_TIMEOUT_MS });
    await page.getByTestId('execution-page').getByText('dry run').first().waitFor({ timeout: STEP_TIMEOUT_MS });
    // Every step ends (a dry run does nothing), polled live into the list.
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="execution-step"]').length === 3, undefined, { timeout: STEP_TIMEOUT_MS });
    const steps = await page.getByTestId('execution-step').allTextContents();
    assert.deepEqual(
      steps.map((text) => /(restart|settle|note)/.exec(text)?.[1]),
      ['restart', 'settle', 'note'],
    );
    for (const text of steps) assert.match(text, /succeeded/);
    assert.match(steps[0] ?? '', /shop\.invalid\/services\/cart\/restart/, 'the dry run shows what it would have sent');
  });
});
