import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { capacityFingerprint, capacitySignals } from '../../../src/act/capacity/capacity-alerts.js';
import type { CapacityForecast } from '../../../src/core/capacity-api.js';

const HOUR = 3_600_000;
const NOW = Date.UTC(2030, 0, 1);

function forecast(key: string, exhaustion: CapacityForecast['exhaustion']): CapacityForecast {
  return {
    key,
    name: 'process.memory.usage',
    service: 'cart',
    instance: 'cart-1',
    resource: 'memory',
    limit: 512 * 2 ** 20,
    limitFrom: 'k8s.container.memory.limit{service="cart",instance="cart-1"}',
    current: { timeMs: NOW, value: 400 * 2 ** 20 },
    utilisation: 400 / 512,
    exhaustion,
    model: { kind: 'holt', stepMs: 300_000 },
  };
}

describe('capacitySignals()', () => {
  const options = { nowMs: NOW, aheadMs: 72 * HOUR };

  it('fires for a series forecast to run out within the warning time, critical within a third of it', () => {
    const signals = capacitySignals(
      [
        forecast('a', { exhaustedNow: false, expectedMs: NOW + 60 * HOUR, earliestMs: NOW + 40 * HOUR }),
        forecast('b', { exhaustedNow: false, expectedMs: NOW + 10 * HOUR }),
        forecast('c', { exhaustedNow: false, expectedMs: NOW + 100 * HOUR }),
        forecast('d', { exhaustedNow: false }),
      ],
      new Set(),
      options,
    );
    assert.deepEqual(signals.map((s) => [s.fingerprint, s.status, s.severity]), [
      [capacityFingerprint('a'), 'firing', 'warning'],
      [capacityFingerprint('b'), 'firing', 'critical'],
    ]);
    const [first] = signals;
    assert.equal(first?.source, 'capacity');
    assert.equal(first?.service, 'cart');
    assert.equal(first?.instance, 'cart-1');
    assert.match(first?.summary ?? '', /memory of cart-1 \(process\.memory\.usage\) reaches its limit in 2\.5 d \(between 40 h and beyond the horizon\); now at 78\.1 % of its limit 512 MiB/);
  });

  it('resolves a firing alert whose forecast no longer runs out, or that is no longer forecast at all', () => {
    const firing = new Set([capacityFingerprint('a'), capacityFingerprint('gone')]);
    const signals = capacitySignals([forecast('a', { exhaustedNow: false, expectedMs: NOW + 200 * HOUR })], firing, options);
    assert.deepEqual(signals.map((s) => [s.fingerprint, s.status]).sort(), [
      [capacityFingerprint('a'), 'resolved'],
      [capacityFingerprint('gone'), 'resolved'],
    ].sort());
  });

  it('fires at once for a series at its limit, and says nothing about a quiet one that was not firing', () => {
    const signals = capacitySignals([forecast('full', { exhaustedNow: true, expectedMs: NOW }), forecast('calm', { exhaustedNow: false })], new Set(), options);
    assert.equal(signals.length, 1);
    assert.equal(signals[0]?.severity, 'critical');
    assert.match(signals[0]?.summary ?? '', /is at its limit/);
  });
});
