import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { createLoop } from '../../src/app/loop.js';
import { ConfigSchema } from '../../src/core/config.js';
import { OpsError } from '../../src/core/errors.js';
import type { MetricPoint, Signal } from '../../src/core/records.js';
import { openSqliteStore } from '../../src/store/sqlite/index.js';

const T = 1_790_000_000_000;

function loopWith(overrides: Record<string, unknown> = {}) {
  const config = ConfigSchema.parse({ logLevel: 'silent', ...overrides });
  return createLoop({ config, store: openSqliteStore({ path: ':memory:' }), now: () => T + 3_600_000 });
}

const external = (status: Signal['status'], timeMs: number, service = 'payment'): Signal => ({
  kind: 'alert',
  source: 'alertmanager',
  fingerprint: `fp-${service}`,
  name: 'HighErrorRate',
  service,
  status,
  severity: 'critical',
  timeMs,
  summary: 'errors above 5%',
  labels: {},
});

describe('createLoop', () => {
  it('stores external alerts and their incident before acceptSignals returns', () => {
    const loop = loopWith();
    loop.signals.acceptSignals([external('firing', T)]);
    const [alert] = loop.store.alerts.list();
    assert.equal(alert?.status, 'firing');
    assert.ok(alert?.incidentId);
    assert.equal(loop.store.incidents.get(alert.incidentId)?.status, 'triggered');
  });

  it('ranks causes once the bus settles, and retitles the incident after the top cause', async () => {
    const loop = loopWith();
    loop.signals.acceptSignals([external('firing', T)]);
    await loop.settle();
    const [incident] = loop.store.incidents.list();
    assert.equal(incident?.causes[0]?.service, 'payment');
    assert.equal(incident?.title, 'payment: HighErrorRate');
    assert.ok(loop.store.incidents.timeline(incident.id).some((e) => e.kind === 'rca'));
  });

  it('resolves an incident by itself once its alerts stayed clear for the quiet period of event time', async () => {
    const loop = loopWith({ correlation: { quietSeconds: 60 } });
    loop.signals.acceptSignals([external('firing', T), external('resolved', T + 30_000)]);
    const metric = (timeMs: number): MetricPoint => ({ name: 'up', service: 'cart', labels: {}, timeMs, value: 1 });
    loop.telemetry.accept({ metrics: [metric(T + 60_000)] });
    await loop.settle();
    assert.equal(loop.store.incidents.list()[0]?.status, 'triggered', 'not quiet long enough yet');
    loop.telemetry.accept({ metrics: [metric(T + 100_000)] });
    await loop.settle();
    const [incident] = loop.store.incidents.list();
    assert.equal(incident?.status, 'resolved');
    assert.equal(incident?.resolvedMs, T + 30_000);
    // Through the lifecycle rules, as a person's resolve: the resolution is kept, updatedMs never goes back.
    assert.equal(incident?.resolution, 'all alerts cleared');
    assert.ok((incident?.updatedMs ?? 0) >= T + 30_000);
    const status = loop.store.incidents.timeline(incident!.id).filter((entry) => entry.kind === 'status').map((entry) => entry.message);
    assert.deepEqual(status, ['triggered', 'resolved automatically: all alerts cleared']);
  });

  it('puts a change to an incident service on its timeline', async () => {
    const loop = loopWith();
    loop.signals.acceptSignals([external('firing', T)]);
    loop.signals.acceptChanges([{ id: 'chg_1', service: 'payment', kind: 'deploy', timeMs: T - 20_000, description: 'release', version: 'v9', source: 'ci' }]);
    await loop.settle();
    const [incident] = loop.store.incidents.list();
    assert.ok(loop.store.incidents.timeline(incident!.id).some((e) => e.kind === 'change' && e.message.includes('v9')));
    assert.match(incident!.causes[0]!.evidence, /deploy v9/);
  });

  it('refuses telemetry with OPS_ERR_OVERLOADED when analysis is too far behind, and stores nothing of it', () => {
    const loop = loopWith({ ingest: { maxBacklog: 1 } });
    const point: MetricPoint = { name: 'up', service: 'cart', labels: {}, timeMs: T, value: 1 };
    loop.telemetry.accept({ metrics: [point] });
    loop.telemetry.accept({ metrics: [{ ...point, timeMs: T + 1 }] });
    assert.throws(
      () => loop.telemetry.accept({ metrics: [{ ...point, timeMs: T + 2 }] }),
      (error: unknown) => error instanceof OpsError && error.code === 'OPS_ERR_OVERLOADED',
    );
    const key = loop.store.telemetry.listSeries()[0]?.key ?? '';
    assert.equal(loop.store.telemetry.seriesPoints(key, { fromMs: T, toMs: T + 10 }).length, 2);
  });

  it('keeps learned baselines across a restart: an anomaly fires at once, with no cold start', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'opsloop-loop-'));
    const path = join(dir, 'opsloop.db');
    const config = ConfigSchema.parse({ logLevel: 'silent' });
    const point = (i: number, value: number): MetricPoint => ({
      name: 'opsloop.service.latency_p95',
      service: 'cart',
      labels: {},
      timeMs: T + i * 10_000,
      value,
    });
    const anomalies = (loop: ReturnType<typeof createLoop>) => {
      const seen: Signal[] = [];
      loop.bus.subscribe('signals', (signals) => {
        seen.push(...signals.filter((s) => s.kind === 'anomaly'));
      });
      return seen;
    };
    try {
      const first = createLoop({ config, store: openSqliteStore({ path }), now: () => T });
      for (let i = 0; i < 150; i++) first.telemetry.accept({ metrics: [point(i, 50 + (i % 5))] });
      await first.close();
      first.store.close();

      const store = openSqliteStore({ path });
      const second = createLoop({ config, store, now: () => T });
      const seen = anomalies(second);
      second.telemetry.accept({ metrics: [point(150, 500)] });
      second.telemetry.accept({ metrics: [point(151, 500)] });
      await second.settle();
      assert.equal(seen[0]?.status, 'firing', 'the restored detector knows the baseline');
      assert.equal(seen[0]?.service, 'cart');
      await second.close();
      store.close();

      // Control: without the snapshot a fresh detector is in cold start and stays quiet.
      const fresh = createLoop({ config, store: openSqliteStore({ path: ':memory:' }), now: () => T });
      const quiet = anomalies(fresh);
      fresh.telemetry.accept({ metrics: [point(150, 500)] });
      fresh.telemetry.accept({ metrics: [point(151, 500)] });
      await fresh.settle();
      assert.deepEqual(quiet, []);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('skips unreadable detector snapshots with a warning instead of failing to start', () => {
    const store = openSqliteStore({ path: ':memory:' });
    store.modelState.saveMany([
      { key: 'a', kind: 'series-detector', state: 'not json', updatedMs: T },
      { key: 'b', kind: 'series-detector', state: '{"name":"up","state":{"version":0}}', updatedMs: T },
    ]);
    const warnings: unknown[] = [];
    const logger = { error: () => undefined, info: () => undefined, warn: (fields: unknown) => warnings.push(fields) };
    createLoop({ config: ConfigSchema.parse({ logLevel: 'silent' }), store, logger, now: () => T });
    assert.deepEqual(warnings, [{ skipped: 2 }]);
    store.close();
  });
});
