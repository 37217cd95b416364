/**
 * Log signals end to end through the public HTTP APIs: OTLP/JSON logs of a service in, and
 * after a bad release an incident whose alerts carry log evidence (the new ERROR template, the
 * error burst, sample lines, and a query that lists the lines) out.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AlertListResponseSchema, IncidentDetailResponseSchema, IncidentListResponseSchema, LogSearchResponseSchema } from '../../../src/core/api.js';
import type { Alert } from '../../../src/core/records.js';
import { createRng } from '../../../src/demo/prng.js';
import { logRecord } from '../../fixtures/otlp/json-builders.js';
import type { Json } from '../../fixtures/otlp/json-builders.js';
import { FIXED_NOW, startHarness, type Harness } from '../harness.js';
import { sendLogs } from '../log-ingest.js';

const BUCKET_MS = 10_000;
const T0 = Math.floor((FIXED_NOW - 3 * 3_600_000) / BUCKET_MS) * BUCKET_MS;
const STEADY_BUCKETS = 80;
const RELEASE_BUCKETS = 6;
const BAD_LINE = "Unhandled rejection in POST /api/cart: TypeError: Cannot read properties of undefined (reading 'currencyCode')";

/** One bucket of cart's logs: requests at INFO, now and then a known error; after the release, a new error on most requests. */
function bucket(rng: ReturnType<typeof createRng>, index: number, released: boolean): Json[] {
  const lines: Json[] = [];
  const at = () => T0 + index * BUCKET_MS + Math.floor(rng.uniform(0, BUCKET_MS));
  for (let i = rng.poisson(20); i > 0; i--) lines.push(logRecord(at(), `Fetched cart for user u${rng.int(1, 9999)}: ${rng.int(0, 6)} item(s)`));
  for (let i = rng.poisson(10); i > 0; i--) lines.push(logRecord(at(), `Added product p${rng.int(1, 99)} (quantity ${rng.int(1, 3)}) to cart of user u${rng.int(1, 9999)}`));
  if (rng.chance(0.3)) lines.push(logRecord(at(), 'Error handling GET /api/cart: CartStore operation failed: Connection terminated unexpectedly', { severity: 17 }));
  if (released) for (let i = 15 + rng.poisson(5); i > 0; i--) lines.push(logRecord(at(), `${BAD_LINE} version=v2.1.0`, { severity: 17 }));
  return lines.sort((a, b) => String((a as { timeUnixNano: string }).timeUnixNano).localeCompare(String((b as { timeUnixNano: string }).timeUnixNano)));
}

describe('log signals through the API', () => {
  let h: Harness;
  let alerts: Alert[];

  before(async () => {
    h = await startHarness({ config: { detector: { learnPoints: 30 }, logs: { signals: { bucketSeconds: 10, warmupLines: 500 } } } });
    const rng = createRng(4);
    for (let b = 0; b < STEADY_BUCKETS + RELEASE_BUCKETS + 3; b++) {
      const released = b >= STEADY_BUCKETS && b < STEADY_BUCKETS + RELEASE_BUCKETS;
      await sendLogs(h, bucket(rng, b, released));
    }
    alerts = AlertListResponseSchema.parse((await h.app.inject({ url: '/api/v1/alerts?limit=1000' })).json()).alerts;
  });
  after(() => h.close());

  it('raises no log alert on steady traffic, only once the release starts', () => {
    const releaseMs = T0 + STEADY_BUCKETS * BUCKET_MS;
    assert.ok(alerts.length > 0, 'the release alarms');
    assert.deepEqual(alerts.filter((a) => a.startsMs < releaseMs).map((a) => a.summary), []);
  });

  it('alerts on the new ERROR template with the template, sample lines and a query that finds them', async () => {
    const alert = alerts.find((a) => a.name === 'new ERROR log template');
    assert.ok(alert, `alerts: ${alerts.map((a) => a.name).join(', ')}`);
    assert.equal(alert.service, 'cart');
    const evidence = alert.logs;
    assert.match(evidence?.templates[0]?.template ?? '', /^Unhandled rejection in POST <\*>: TypeError: Cannot read properties of undefined \(reading 'currencyCode'\) version=<\*>$/);
    assert.ok((evidence?.samples.length ?? 0) > 0);
    assert.ok(evidence?.samples.every((s) => s.body.startsWith(BAD_LINE) && s.severityText !== '' && s.templateId === evidence.templates[0]?.templateId));
    const listed = LogSearchResponseSchema.parse((await h.app.inject({ url: `${evidence?.query ?? ''}&limit=1000` })).json()).logs;
    assert.ok(listed.length >= 15, `the query lists the release's lines (${listed.length})`);
    assert.ok(listed.every((log) => log.body.startsWith(BAD_LINE)));
    assert.ok(evidence?.samples.every((s) => listed.some((log) => log.id === s.id)), 'samples are stored lines, by id');
  });

  it('alerts on the error burst of the service, naming the error template that made it', () => {
    const burst = alerts.find((a) => a.evidence?.metric === 'log.errors.count');
    assert.ok(burst, `alerts: ${alerts.map((a) => `${a.name} ${a.summary}`).join('; ')}`);
    assert.equal(burst.service, 'cart');
    assert.equal(burst.logs?.minSeverity, 17);
    assert.match(burst.logs?.templates[0]?.template ?? '', /^Unhandled rejection/);
    assert.ok(burst.logs?.samples.every((s) => s.severityText === 'ERROR'));
  });

  it('puts the log alerts on one incident of the service, whose evidence reaches the lines', async () => {
    const { incidents } = IncidentListResponseSchema.parse((await h.app.inject({ url: '/api/v1/incidents' })).json());
    assert.equal(incidents.length, 1);
    const detail = IncidentDetailResponseSchema.parse((await h.app.inject({ url: `/api/v1/incidents/${incidents[0]?.id}` })).json());
    assert.deepEqual(detail.incident.services, ['cart']);
    assert.equal(detail.incident.causes[0]?.service, 'cart');
    assert.ok(detail.alerts.length >= 2 && detail.alerts.every((a) => a.logs !== undefined && a.logs.samples.length > 0));
  });
});
