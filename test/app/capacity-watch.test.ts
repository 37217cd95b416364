import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createLoop } from '../../src/app/loop.js';
import { ConfigSchema } from '../../src/core/config.js';
import type { MetricPoint } from '../../src/core/records.js';
import { openSqliteStore } from '../../src/store/sqlite/index.js';

const T = Date.UTC(2030, 0, 1);
const MINUTE = 60_000;
const MIB = 2 ** 20;

function memory(timeMs: number, value: number): MetricPoint[] {
  const entity = { service: 'cart', instance: 'cart-1', labels: {}, timeMs };
  return [
    { ...entity, name: 'process.memory.usage', value, unit: 'By' },
    { ...entity, name: 'k8s.container.memory.limit', value: 512 * MIB, unit: 'By' },
  ];
}

describe('capacity alerts through the loop', () => {
  it('raises an alert and an incident when memory is forecast to reach its limit, and resolves it once it no longer is', async () => {
    const config = ConfigSchema.parse({ logLevel: 'silent', capacity: { historyHours: 2, evaluateMinutes: 15, alertAheadHours: 24 } });
    const loop = createLoop({ config, store: openSqliteStore({ path: ':memory:' }), now: () => T });
    const capacityAlerts = () => loop.store.alerts.list().filter((alert) => alert.source === 'capacity');

    // A leak: 200 MiB growing 1 MiB a minute, so 512 MiB is 5 h away after three hours.
    for (let m = 0; m <= 180; m++) {
      loop.telemetry.accept({ metrics: memory(T + m * MINUTE, (200 + m) * MIB) });
      await loop.settle();
    }
    const [raised] = capacityAlerts();
    assert.equal(raised?.status, 'firing');
    assert.equal(raised.service, 'cart');
    assert.equal(raised.labels.resource, 'memory');
    assert.match(raised.summary, /memory of cart-1 \(process\.memory\.usage\) reaches its limit in \d/);
    assert.ok(raised.incidentId, 'it joined the normal alert → incident flow');
    assert.equal(loop.store.incidents.get(raised.incidentId)?.status, 'triggered');
    const before = raised.lastSeenMs;

    // Restarted and flat: after two hours of history without growth the alert resolves.
    for (let m = 181; m <= 360; m++) {
      loop.telemetry.accept({ metrics: memory(T + m * MINUTE, 150 * MIB) });
      await loop.settle();
    }
    const after = capacityAlerts();
    assert.equal(after.length, 1, 'one fingerprint per series: evaluations update the same alert');
    assert.equal(after[0]?.status, 'resolved');
    assert.ok((after[0]?.lastSeenMs ?? 0) >= before);
    await loop.close();
  });

  it('re-forecasts from the latest restart when one is recorded: a runbook restart resolves a leak\'s alert at once', async () => {
    const config = ConfigSchema.parse({ logLevel: 'silent', capacity: { historyHours: 2, evaluateMinutes: 15, alertAheadHours: 24 } });
    const loop = createLoop({ config, store: openSqliteStore({ path: ':memory:' }), now: () => T });
    const capacityAlert = () => loop.store.alerts.list().find((alert) => alert.source === 'capacity');
    for (let m = 0; m <= 180; m++) {
      loop.telemetry.accept({ metrics: memory(T + m * MINUTE, (200 + m) * MIB) });
      await loop.settle();
    }
    assert.equal(capacityAlert()?.status, 'firing');
    loop.signals.acceptChanges([{ id: 'chg1', service: 'cart', kind: 'runbook', timeMs: T + 180 * MINUTE, description: 'Runbook demo-restart step restart acted on cart', source: 'opsloop runbooks' }]);
    loop.telemetry.accept({ metrics: memory(T + 181 * MINUTE, 150 * MIB) });
    await loop.settle();
    assert.equal(capacityAlert()?.status, 'resolved', 'at once, not at the next periodic evaluation');
    await loop.close();
  });

  it('raises nothing for a flat series', async () => {
    const config = ConfigSchema.parse({ logLevel: 'silent', capacity: { historyHours: 2, evaluateMinutes: 15 } });
    const loop = createLoop({ config, store: openSqliteStore({ path: ':memory:' }), now: () => T });
    for (let m = 0; m <= 180; m++) {
      loop.telemetry.accept({ metrics: memory(T + m * MINUTE, (300 + (m % 7)) * MIB) });
      await loop.settle();
    }
    assert.deepEqual(loop.store.alerts.list().filter((alert) => alert.source === 'capacity'), []);
    assert.equal(loop.capacityForecasts({ historyMs: 7_200_000, horizonMs: 86_400_000, points: false, limit: 10 }).forecasts.length, 1);
    await loop.close();
  });
});
