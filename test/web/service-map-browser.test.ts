/**
 * The service map in a real browser against the real platform: shop traces sent as OTLP/JSON to
 * the OTLP port are drawn by cytoscape (checked through the instance the page exposes, since a
 * canvas has no DOM), listed in the accessible tables, coloured by health after an alert, opened
 * in the drill-down by clicking the node on the canvas, and reached from an incident with its
 * services highlighted and from the services page. Uses Debian's chromium through playwright-core.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import type { RunningOpsloop } from '../../src/app/start.js';
import type { Incident } from '../../src/core/records.js';
import { shopTraces } from '../fixtures/otlp/shop-traces.js';
import { spanJson, tracesRequest } from '../fixtures/otlp/span-builders.js';
import { skip, STEP_TIMEOUT_MS, useBrowserPlatform } from '../support/browser-platform.js';

const platform = useBrowserPlatform('opsloop-map-');

interface DrawnGraph {
  nodes: Array<{ id: string; health: string; kind: string; classes: string[] }>;
  edges: Array<{ id: string; label: string }>;
}

test('web UI: service map drawn with health, drill-down on click, reached from an incident and the services page', { skip, timeout: 120_000 }, async () => {
  const { opsloop, browser } = platform.started();
  const origin = new URL(opsloop.apiUrl).origin;
  const traces = shopTraces({ t0: Date.now() - 4 * 60_000, traces: 60, failEvery: 6 });
  for (const [service, spans] of Object.entries(traces)) await sendSpans(opsloop, service, spans.map(spanJson));
  const incident = await raiseIncident(opsloop, 'checkout');

  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  try {
    await page.goto(`${origin}/#/services`);
    await page.getByTestId('services-map-link').click();
    await page.waitForURL(/#\/map$/, { timeout: STEP_TIMEOUT_MS });
    await page.getByTestId('map-node-row').nth(4).waitFor({ timeout: STEP_TIMEOUT_MS });
    assert.equal(await text(page.locator('.nav a.active')), 'Map');

    // Drawn: five nodes of their kinds, four labelled edges, checkout red after its critical alert.
    const drawn = await drawnGraph(page);
    assert.deepEqual(drawn.nodes.map((node) => `${node.id}:${node.kind}`).sort(), ['checkout:service', 'frontend:service', 'orders:queue', 'postgres:database', 'shipping:service']);
    assert.equal(drawn.nodes.find((node) => node.id === 'checkout')?.health, 'failing');
    assert.equal(drawn.nodes.find((node) => node.id === 'frontend')?.health, 'ok');
    assert.deepEqual(drawn.edges.map((edge) => edge.id).sort(), ['checkout→orders', 'checkout→postgres', 'frontend→checkout', 'orders→shipping']);
    assert.match(drawn.edges.find((edge) => edge.id === 'frontend→checkout')?.label ?? '', /\/(s|min) · p95 \d+/);
    // The same graph as tables, for those who cannot see the canvas.
    assert.equal(await page.getByTestId('map-edge-row').count(), 4);
    assert.match(await text(page.getByTestId('map-node-row').filter({ hasText: 'postgres' })), /database · postgresql/);
    assert.match(await text(page.locator('.map-legend')), /Failing/);

    // A click on the drawn node opens its drill-down.
    await clickNode(page, 'checkout');
    await page.waitForURL(/#\/map\?service=checkout/, { timeout: STEP_TIMEOUT_MS });
    const drilldown = page.getByTestId('service-drilldown');
    await drilldown.getByTestId('drilldown-operations').waitFor({ timeout: STEP_TIMEOUT_MS });
    assert.match(await text(drilldown.getByTestId('drilldown-operations')), /POST \/api\/checkout/);
    assert.match(await text(drilldown.getByTestId('drilldown-instances')), /checkout-pod-1\s*node-a/);
    assert.match(await text(drilldown), /Callers\s*frontend/);
    assert.match(await text(drilldown), /orders fail/, 'its firing alert');
    assert.match((await drilldown.getByTestId('drilldown-logs-link').getAttribute('href')) ?? '', /^#\/logs\?service=checkout/);
    assert.match((await drilldown.getByTestId('drilldown-metrics-link').getAttribute('href')) ?? '', /^#\/metrics\?key=opsloop\.service\.latency_p95/);
    // Following a callee from the drill-down selects it.
    await drilldown.getByRole('button', { name: 'postgres' }).click();
    await page.waitForURL(/service=postgres/, { timeout: STEP_TIMEOUT_MS });
    await page.getByTestId('service-drilldown').filter({ hasText: 'Not instrumented' }).waitFor({ timeout: STEP_TIMEOUT_MS });

    // The incident shows its neighbourhood on the map, its top cause chosen …
    await page.goto(`${origin}/#/incidents/${incident.id}`);
    const incidentCanvas = page.getByTestId('incident-map').getByTestId('service-map-canvas');
    await incidentCanvas.waitFor({ timeout: STEP_TIMEOUT_MS });
    assert.match((await incidentCanvas.getAttribute('aria-label')) ?? '', /this incident's window: checkout outlined/);
    const embedded = await drawnGraph(page);
    assert.ok(embedded.nodes.find((node) => node.id === 'checkout')?.classes.includes('chosen'), 'the top cause is chosen');
    assert.ok(embedded.nodes.find((node) => node.id === 'checkout')?.classes.includes('highlight'));
    // … and links to the full map with its services highlighted.
    await page.getByTestId('incident-map-link').click();
    await page.waitForURL(/#\/map\?highlight=checkout&from=\d+&to=\d+/, { timeout: STEP_TIMEOUT_MS });
    await page.getByTestId('map-node-row').nth(4).waitFor({ timeout: STEP_TIMEOUT_MS });
    const highlighted = await drawnGraph(page);
    assert.deepEqual(highlighted.nodes.filter((node) => node.classes.includes('highlight')).map((node) => node.id), ['checkout']);
    assert.ok(highlighted.nodes.find((node) => node.id === 'frontend')?.classes.includes('faded'));
    assert.deepEqual(pageErrors, []);
  } finally {
    await page.close();
  }
});

async function sendSpans(running: RunningOpsloop, service: string, spans: ReturnType<typeof spanJson>[]): Promise<void> {
  const response = await fetch(new URL('/v1/traces', running.otlpUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(tracesRequest(spans, { 'service.name': service, 'k8s.pod.name': `${service}-pod-1`, 'k8s.node.name': 'node-a' })),
  });
  assert.equal(response.status, 200, await response.text());
  await running.engine.settle();
}

async function raiseIncident(running: RunningOpsloop, service: string): Promise<Incident> {
  const response = await fetch(`${running.apiUrl}/api/v1/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: `${service} failing`, service, severity: 'critical', summary: 'orders fail' }),
  });
  assert.equal(response.status, 202, await response.text());
  await running.engine.settle();
  const list = (await (await fetch(`${running.apiUrl}/api/v1/incidents`)).json()) as { incidents: Incident[] };
  const incident = list.incidents.find((candidate) => candidate.services.includes(service));
  assert.ok(incident, `an incident for ${service}`);
  return incident;
}

/** What cytoscape drew, read from the instance the page exposes for tests; waits for the layout. */
async function drawnGraph(page: Page): Promise<DrawnGraph> {
  await page.waitForFunction(() => (window.__opsloopServiceMap?.nodes().length ?? 0) > 0, undefined, { timeout: STEP_TIMEOUT_MS });
  return page.evaluate(() => {
    const cy = window.__opsloopServiceMap;
    if (!cy) throw new Error('no service map instance');
    return {
      nodes: cy.nodes().map((node) => ({ id: node.id(), health: String(node.data('health')), kind: String(node.data('kind')), classes: node.classes() })),
      edges: cy.edges().map((edge) => ({ id: edge.id(), label: String(edge.data('label')) })),
    };
  });
}

/** Clicks where the node is drawn on the canvas, as a person would. */
async function clickNode(page: Page, id: string): Promise<void> {
  const position = await page.evaluate((nodeId) => window.__opsloopServiceMap?.getElementById(nodeId).renderedPosition(), id);
  const box = await page.getByTestId('service-map-canvas').boundingBox();
  assert.ok(position && box, `node ${id} is drawn`);
  await page.mouse.click(box.x + position.x, box.y + position.y);
}

async function text(locator: ReturnType<Page['locator']>): Promise<string> {
  return ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();
}
