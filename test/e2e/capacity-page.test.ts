/**
 * The capacity page in a real browser against the real platform: a pod whose memory grows
 * towards its Kubernetes limit is sent as OTLP/JSON, like a Collector would; the live loop
 * raises a capacity alert, and #/capacity charts the forecast with its exhaustion time and lists
 * the pod in the right-sizing table with its over-provisioned CPU.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Alert } from '../../src/core/records.js';
import { onPage, skip, STEP_TIMEOUT_MS, useBrowserPlatform } from '../support/browser-platform.js';

const platform = useBrowserPlatform('opsloop-e2e-capacity-');
const MINUTE = 60_000;
const MIB = 2 ** 20;

test('web UI: the capacity page charts a leak heading for its limit and right-sizes the pod', { skip, timeout: 90_000 }, async () => {
  const { opsloop, browser } = platform.started();
  const origin = new URL(opsloop.apiUrl).origin;
  const sent = await fetch(`${opsloop.otlpUrl}/v1/metrics`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(leakingPod(Date.now())) });
  assert.equal(sent.status, 200);
  await opsloop.engine.settle();
  const { alerts } = (await (await fetch(`${opsloop.apiUrl}/api/v1/alerts?status=firing`)).json()) as { alerts: Alert[] };
  assert.ok(alerts.some((alert) => alert.source === 'capacity' && alert.service === 'cart'), `a capacity alert for cart; got ${JSON.stringify(alerts.map((a) => a.name))}`);

  await onPage(browser, { width: 1280, height: 1000 }, async (page) => {
    await page.goto(`${origin}/#/incidents`);
    await page.getByRole('link', { name: 'Capacity' }).click();
    const card = page.getByTestId('capacity-forecast').filter({ hasText: 'memory · cart-7d9f-x2' });
    await card.waitFor({ timeout: STEP_TIMEOUT_MS });
    assert.match((await card.getByTestId('capacity-eta').textContent()) ?? '', /Runs out in \d+h/);
    await card.locator('canvas').first().waitFor({ timeout: STEP_TIMEOUT_MS });

    const rows = page.getByTestId('rightsizing-row').filter({ hasText: 'cart-7d9f-x2' });
    await rows.first().waitFor({ timeout: STEP_TIMEOUT_MS });
    const cpu = rows.filter({ hasText: 'CPU' });
    assert.match((await cpu.textContent()) ?? '', /over-provisioned/);
  });
});

/** Six hours of a cart pod, every 5 min: memory +1 MiB/min towards 768 MiB, CPU ~0.1 of 1 requested core. */
function leakingPod(nowMs: number): unknown {
  const times = Array.from({ length: 73 }, (_, i) => nowMs - (72 - i) * 5 * MINUTE);
  const gauge = (name: string, unit: string, value: (i: number) => number) => ({
    name,
    unit,
    gauge: { dataPoints: times.map((t, i) => ({ timeUnixNano: `${t}000000`, asDouble: value(i) })) },
  });
  return {
    resourceMetrics: [
      {
        resource: {
          attributes: [
            { key: 'service.name', value: { stringValue: 'cart' } },
            { key: 'k8s.pod.name', value: { stringValue: 'cart-7d9f-x2' } },
          ],
        },
        scopeMetrics: [
          {
            scope: { name: 'e2e' },
            metrics: [
              gauge('process.memory.usage', 'By', (i) => (300 + 5 * i) * MIB),
              gauge('k8s.container.memory.limit', 'By', () => 768 * MIB),
              gauge('k8s.container.memory.request', 'By', () => 1024 * MIB),
              gauge('container.cpu.usage', '{cpu}', (i) => 0.1 + (i % 4) * 0.01),
              gauge('k8s.container.cpu.request', '{cpu}', () => 1),
              gauge('k8s.container.cpu.limit', '{cpu}', () => 2),
            ],
          },
        ],
      },
    ],
  };
}
