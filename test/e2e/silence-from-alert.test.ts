/**
 * In a real browser against the real platform: an alert fires, the alert list offers
 * "Silence…" on its row, the form comes prefilled with the alert's labels, Preview says it
 * would mute that alert, Save creates the silence (through the API, audited) and the
 * silences page lists it.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AuditEntry, SilenceView } from '../../src/core/silence-api.js';
import { onPage, skip, STEP_TIMEOUT_MS, useBrowserPlatform } from '../support/browser-platform.js';

const platform = useBrowserPlatform('opsloop-e2e-silence-');

test('web UI: silence an alert from the alert list, with a preview before saving', { skip, timeout: 90_000 }, async () => {
  const { opsloop, browser } = platform.started();
  const origin = new URL(opsloop.apiUrl).origin;
  const sent = await fetch(`${opsloop.apiUrl}/api/v1/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'ReplicaLag', service: 'postgres', severity: 'error', labels: { cluster: 'eu-1' }, summary: 'replica 40 s behind' }),
  });
  assert.equal(sent.status, 202);

  await onPage(browser, { width: 1280, height: 900 }, async (page) => {
    await page.goto(`${origin}/#/alerts`);
    const row = page.getByTestId('alert-row').filter({ hasText: 'ReplicaLag' });
    await row.getByRole('button', { name: 'Silence…' }).click({ timeout: STEP_TIMEOUT_MS });

    const form = page.getByRole('form', { name: 'New silence' });
    await form.waitFor({ timeout: STEP_TIMEOUT_MS });
    assert.equal(await form.getByLabel('Matcher 1 name').inputValue(), 'service');
    assert.equal(await form.getByLabel('Matcher 1 value').inputValue(), 'postgres');
    assert.equal(await form.getByLabel('Matcher 2 name').inputValue(), 'cluster');
    assert.equal(await form.getByRole('button', { name: 'Save silence' }).isDisabled(), true, 'no save before a preview');

    await form.getByLabel('Reason').fill('failover drill');
    await form.getByLabel('Created by').fill('dana');
    await form.getByRole('button', { name: 'Preview' }).click();
    const preview = page.getByTestId('silence-preview');
    await preview.waitFor({ timeout: STEP_TIMEOUT_MS });
    assert.match((await preview.textContent()) ?? '', /Would mute 1 firing alert.*ReplicaLag on postgres/);
    await form.getByRole('button', { name: 'Save silence' }).click();
    await form.waitFor({ state: 'detached', timeout: STEP_TIMEOUT_MS });

    // The alert now shows it is silenced, and the silences page lists the new silence.
    await row.getByTestId('alert-silenced').waitFor({ timeout: STEP_TIMEOUT_MS });
    await page.getByRole('link', { name: 'Silences' }).click();
    const silenceRow = page.getByTestId('silence-row').filter({ hasText: 'failover drill' });
    await silenceRow.waitFor({ timeout: STEP_TIMEOUT_MS });
    assert.match((await silenceRow.textContent()) ?? '', /service="postgres", cluster="eu-1"/);

    const { silences } = (await (await fetch(`${opsloop.apiUrl}/api/v1/silences?state=active`)).json()) as { silences: SilenceView[] };
    assert.equal(silences.length, 1);
    assert.equal(silences[0]?.createdBy, 'dana');
    const { entries } = (await (await fetch(`${opsloop.apiUrl}/api/v1/audit?subjectKind=silence`)).json()) as { entries: AuditEntry[] };
    assert.deepEqual(entries.map((e) => `${e.action} by ${e.actor}${e.route ? ' via the API' : ''}`), ['silence.create by anonymous via the API', 'silence.create by dana']);

    // Expire from the page.
    await silenceRow.getByRole('button', { name: 'Expire' }).click();
    await silenceRow.waitFor({ state: 'detached', timeout: STEP_TIMEOUT_MS });
  });
});
