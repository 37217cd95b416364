import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { IncidentListResponseSchema } from '../../../src/core/api.js';
import { IncidentAlertsResponseSchema, IncidentStatsResponseSchema } from '../../../src/core/incident-api.js';
import { startHarness, type Harness } from '../harness.js';
import { logRecord } from '../../fixtures/otlp/json-builders.js';
import { sendLogs } from '../log-ingest.js';
import { raise, sendEvent } from './raise.js';

const MIN = 60_000;

describe('incident reads from outside', () => {
  let h: Harness;
  const ids: Record<string, string> = {};
  before(async () => {
    h = await startHarness();
    // Three incidents on separate days: resolved (event time), resolved, still open.
    ids.a = (await raise(h, { name: 'disk full', service: 'db', time: '2024-05-01T10:00:00Z', labels: { volume: 'data' } })).id;
    await sendEvent(h, { name: 'disk full', service: 'db', time: '2024-05-01T10:20:00Z', status: 'resolved', labels: { volume: 'data' } });
    ids.b = (await raise(h, { name: 'errors up', service: 'cart', time: '2024-05-02T10:00:00Z' })).id;
    await sendEvent(h, { name: 'errors up', service: 'cart', time: '2024-05-02T10:05:00Z', status: 'resolved' });
    ids.c = (await raise(h, { name: 'latency up', service: 'search', time: '2024-05-03T10:00:00Z' })).id;
    // Telemetry moves event time on, so the quiet ones resolve themselves.
    await sendLogs(h, [logRecord(Date.parse('2024-05-04T00:00:00Z'), 'heartbeat')], 'other');
  });
  after(() => h.close());

  const list = async (query: string) => {
    const response = await h.app.inject({ url: `/api/v1/incidents?${query}` });
    assert.equal(response.statusCode, 200, response.body);
    return IncidentListResponseSchema.parse(response.json());
  };

  it('lists the incidents overlapping a window, in RFC 3339 or epoch ms', async () => {
    const may2 = await list('from=2024-05-02T00:00:00Z&to=2024-05-02T23:59:59Z');
    assert.deepEqual(may2.incidents.map((i) => i.id), [ids.b]);
    // Open incidents overlap every window after their start.
    const later = await list(`from=${Date.parse('2024-05-03T12:00:00Z')}&to=${Date.parse('2024-05-03T13:00:00Z')}`);
    assert.ok(later.incidents.some((i) => i.id === ids.c));
    assert.ok(!later.incidents.some((i) => i.id === ids.a || i.id === ids.b));
    // Resolved within the window's first minutes still overlaps it.
    const tail = await list('from=2024-05-01T10:19:00Z&to=2024-05-01T11:00:00Z');
    assert.deepEqual(tail.incidents.map((i) => i.id), [ids.a]);
  });

  it('pages with nextCursor until the list is exhausted', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await list(`from=2024-05-01T00:00:00Z&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      assert.ok(page.incidents.length <= 1);
      seen.push(...page.incidents.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    assert.deepEqual(seen, [ids.c, ids.b, ids.a]);
  });

  it('answers 400 for bad times, an inverted window and a forged cursor', async () => {
    const cases: Array<[string, RegExp]> = [
      ['from=yesterday', /querystring\.from.*expected epoch milliseconds or an RFC 3339 time/],
      ['from=2024-05-02T00:00:00Z&to=2024-05-01T00:00:00Z', /querystring\.from .* is after querystring\.to/],
      ['cursor=not-a-cursor', /querystring\.cursor is not a cursor returned by this API/],
    ];
    for (const [query, message] of cases) {
      const response = await h.app.inject({ url: `/api/v1/incidents?${query}` });
      assert.equal(response.statusCode, 400, query);
      assert.match(response.json<{ message: string }>().message, message);
    }
  });

  it('GET …/alerts returns the grouped alerts with labels and source; 404 for an unknown incident', async () => {
    const response = await h.app.inject({ url: `/api/v1/incidents/${ids.a}/alerts` });
    const body = IncidentAlertsResponseSchema.parse(response.json());
    assert.equal(body.incidentId, ids.a);
    assert.equal(body.alerts.length, 1);
    assert.equal(body.alerts[0]?.labels.volume, 'data');
    assert.equal(body.alerts[0]?.source, 'events');
    assert.equal((await h.app.inject({ url: '/api/v1/incidents/inc_missing/alerts' })).statusCode, 404);
  });

  it('GET /api/v1/incidents/stats gives MTTR from the resolutions in the window', async () => {
    const response = await h.app.inject({ url: '/api/v1/incidents/stats?from=2024-05-01T00:00:00Z&to=2024-05-02T23:59:59Z' });
    assert.equal(response.statusCode, 200, response.body);
    const stats = IncidentStatsResponseSchema.parse(response.json());
    assert.equal(stats.count, 2);
    assert.equal(stats.mtta, undefined);
    // Auto-resolved at the last alert's end: 20 min and 5 min.
    assert.deepEqual(stats.mttr, { count: 2, meanMs: 12.5 * MIN, p50Ms: 12.5 * MIN, p90Ms: 18.5 * MIN });
    assert.deepEqual(stats.byService.map((s) => s.service), ['cart', 'db']);
    const missing = await h.app.inject({ url: '/api/v1/incidents/stats?from=2024-05-01T00:00:00Z' });
    assert.equal(missing.statusCode, 400);
    assert.match(missing.json<{ message: string }>().message, /querystring\.to/);
  });
});
