import assert from 'node:assert/strict';
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
});
