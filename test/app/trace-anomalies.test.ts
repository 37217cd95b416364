/**
 * Trace anomalies end to end: spans sent as OTLP/JSON through the OTLP HTTP receiver become an
 * alert with exemplar traces, in an incident, readable through the API; the learned baselines
 * survive a restart (a fault right after it is found), and a fresh start stays quiet.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { SpanRecord } from '../../src/core/records.js';
import { AlertSchema } from '../../src/core/records.js';
import type { SpanOptions } from '../fixtures/otlp/span-builders.js';
import { MINUTE, T0, shopBatches, type Fault } from '../observe/traces/anomalies/shop-workload.js';
import { startHarness, type Harness } from '../server/harness.js';
import { sendSpans } from '../server/span-ingest.js';

const KINDS = { internal: 1, server: 2, client: 3, producer: 4, consumer: 5 } as const;

function spanOptions(span: SpanRecord): SpanOptions {
  const attrs: Record<string, string | number | boolean> = { ...span.attributes };
  if (span.peerService !== undefined) attrs['peer.service'] = span.peerService;
  return {
    traceId: span.traceId,
    spanId: span.spanId,
    ...(span.parentSpanId !== undefined ? { parentSpanId: span.parentSpanId } : {}),
    name: span.name,
    startMs: span.startMs,
    durationMs: span.durationMs,
    kind: KINDS[span.kind],
    ...(span.status === 'error' ? { error: 'request failed' } : {}),
    attrs,
  };
}

/** Sends 30 s of traffic per request, one resource per pod, as a collector batches it. */
async function send(h: Harness, fromMin: number, toMin: number, faults: Fault[] = []): Promise<void> {
  let pending: SpanRecord[] = [];
  const flush = async () => {
    const byPod: Record<string, SpanOptions[]> = {};
    for (const span of pending) (byPod[span.instance ?? ''] ??= []).push(spanOptions(span));
    await sendSpans(h, byPod, (pod) => ({ 'service.name': 'cart', 'service.instance.id': pod }));
    pending = [];
  };
  for (const batch of shopBatches({ fromMs: T0 + fromMin * MINUTE, toMs: T0 + toMin * MINUTE, perSecond: 4, faults, seed: fromMin + 1 })) {
    pending.push(...batch);
    if (pending.length >= 480) await flush();
  }
  if (pending.length > 0) await flush();
}

async function traceAlerts(h: Harness) {
  const response = await h.app.inject({ method: 'GET', url: '/api/v1/alerts' });
  assert.equal(response.statusCode, 200);
  return (response.json() as { alerts: unknown[] }).alerts.map((a) => AlertSchema.parse(a)).filter((a) => a.source === 'traces');
}

const timeout = { fromMs: T0, toMs: Number.POSITIVE_INFINITY, newError: { type: 'TimeoutError', share: 0.2 } };

describe('trace anomalies through OTLP/HTTP', { timeout: 300_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'opsloop-trace-anomalies-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('turns a new error type into an alert with exemplar traces, in an incident, and keeps the baseline across a restart', async () => {
    const storePath = join(dir, 'restart.db');
    const first = await startHarness({ storePath });
    await send(first, 0, 14);
    assert.deepEqual(await traceAlerts(first), [], 'a steady workload raises nothing');
    await send(first, 14, 17, [{ ...timeout, fromMs: T0 + 14 * MINUTE }]);
    const [alert, ...others] = await traceAlerts(first);
    assert.equal(others.length, 0);
    assert.ok(alert);
    assert.equal(alert.name, 'new error type');
    assert.equal(alert.service, 'cart');
    assert.equal(alert.labels.error_type, 'TimeoutError');
    assert.match(alert.summary, /^cart POST \/cart: new error type "TimeoutError" on \d+ spans; trace [0-9a-f]{8}…$/);
    assert.ok(alert.incidentId, 'it reaches an incident');
    const exemplar = alert.traces?.exemplars[0];
    assert.ok(exemplar);
    const trace = await first.app.inject({ method: 'GET', url: `/api/v1/traces/${exemplar.traceId}` });
    assert.equal(trace.statusCode, 200, 'the exemplar is a stored trace');
    await first.close();

    // A restart: the operation's baseline comes back from the store, so a new type right away is news.
    const second = await startHarness({ storePath });
    await send(second, 30, 33, [{ ...timeout, fromMs: T0 + 30 * MINUTE, newError: { type: 'ConnectionReset', share: 0.2 } }]);
    const types = (await traceAlerts(second)).map((a) => `${a.labels.error_type} ${a.status}`).sort();
    assert.deepEqual(types, ['ConnectionReset firing', 'TimeoutError resolved'], 'the old episode is closed at start, the new one found');
    await second.close();
  });

  it('stays quiet after a start with nothing learned, even when the traffic fails from the first minute', async () => {
    const h = await startHarness({ storePath: join(dir, 'fresh.db') });
    await send(h, 0, 6, [timeout]);
    assert.deepEqual(await traceAlerts(h), []);
    await h.close();
  });
});
