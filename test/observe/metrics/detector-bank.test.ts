import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { MetricPoint } from '../../../src/core/records.js';
import { DetectorBank } from '../../../src/observe/metrics/detector-bank.js';

const settings = { windowPoints: 60, minPoints: 20, threshold: 6, firingPoints: 2, resolvePoints: 3 };

function point(service: string, i: number, value: number): MetricPoint {
  return { name: 'opsloop.service.error_ratio', service, labels: {}, timeMs: 1_700_000_000_000 + i * 10_000, value };
}

describe('DetectorBank', () => {
  it('emits one firing signal per episode start, updates while it lasts, and a resolution', () => {
    const bank = new DetectorBank(settings);
    const signals = [];
    for (let i = 0; i < 80; i++) {
      const faulty = i >= 40 && i < 50;
      signals.push(...bank.observe([point('cart', i, faulty ? 0.5 : 0), point('payment', i, 0)]));
    }
    assert.ok(signals.every((s) => s.service === 'cart'));
    const firing = signals.filter((s) => s.status === 'firing');
    assert.equal(firing[0]?.timeMs, 1_700_000_000_000 + 40 * 10_000, 'onset is the first anomalous point');
    assert.equal(new Set(signals.map((s) => s.fingerprint)).size, 1);
    assert.match(firing[0]?.summary ?? '', /error ratio 50\.0% vs usual 0\.0%/);
    assert.equal(signals.at(-1)?.status, 'resolved');
    assert.equal(firing[0]?.evidence?.series, 'opsloop.service.error_ratio{service="cart"}');
  });

  it('forgets the longest-silent series beyond maxSeries', () => {
    const bank = new DetectorBank({ ...settings, maxSeries: 2 });
    bank.observe([point('a', 0, 1), point('b', 0, 1), point('c', 0, 1)]);
    assert.equal(bank.seriesCount, 2);
  });
});
