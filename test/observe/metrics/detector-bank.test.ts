import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { MetricPoint } from '../../../src/core/records.js';
import { ConfigSchema } from '../../../src/core/config.js';
import { DetectorBank } from '../../../src/observe/metrics/detector-bank.js';

const settings = ConfigSchema.parse({}).detector;

/** Deterministic noise in [0, 0.004]: a healthy error ratio. */
function jitter(i: number): number {
  return 0.002 + 0.002 * Math.sin(i * 12.9898);
}

function point(service: string, i: number, value: number): MetricPoint {
  return { name: 'opsloop.service.error_ratio', service, labels: {}, timeMs: 1_700_000_000_000 + i * 10_000, value };
}

describe('DetectorBank', () => {
  it('emits one firing signal per episode start, updates while it lasts, and a resolution', () => {
    const bank = new DetectorBank(settings);
    const signals = [];
    for (let i = 0; i < 200; i++) {
      const faulty = i >= 150 && i < 160;
      signals.push(...bank.observe([point('cart', i, faulty ? 0.5 : jitter(i)), point('payment', i, jitter(i + 7))]));
    }
    assert.ok(signals.every((s) => s.service === 'cart'));
    const firing = signals.filter((s) => s.status === 'firing');
    assert.equal(firing[0]?.timeMs, 1_700_000_000_000 + 150 * 10_000, 'onset is the first anomalous point');
    assert.equal(new Set(signals.map((s) => s.fingerprint)).size, 1);
    assert.match(firing[0]?.summary ?? '', /^error ratio 50\.0%, \d+\.\d× its usual 0\.\d% \(score/);
    assert.equal(signals.at(-1)?.status, 'resolved');
    assert.equal(firing[0]?.evidence?.series, 'opsloop.service.error_ratio{service="cart"}');
  });

  it('forgets the longest-silent series beyond maxSeries', () => {
    const bank = new DetectorBank({ ...settings, maxSeries: 2 });
    bank.observe([point('a', 0, 1), point('b', 0, 1), point('c', 0, 1)]);
    assert.equal(bank.seriesCount, 2);
  });

  it('restores learned series from a snapshot and skips unreadable ones', () => {
    const learned = new DetectorBank(settings);
    for (let i = 0; i < 150; i++) learned.observe([point('cart', i, jitter(i))]);
    const entries = JSON.parse(JSON.stringify(learned.snapshot())) as Array<{ key: string; name: string; state: unknown }>;
    const bank = new DetectorBank(settings);
    const counts = bank.restore([...entries, { key: 'bad', name: 'x', state: { series: { service: 'a', labels: {} }, detector: { version: 1 } } }, { key: 'worse', name: 'x', state: 'garbage' }]);
    assert.deepEqual(counts, { restored: 1, skipped: 2 });
    assert.equal(bank.seriesCount, 1);
    // Learned: a few anomalous points open an episode, with no 100-point cold start.
    const signals = [150, 151, 152].flatMap((i) => bank.observe([point('cart', i, 0.5)]));
    assert.equal(signals[0]?.status, 'firing');
  });

  it('snapshots only the series seen since the last changed-only snapshot', () => {
    const bank = new DetectorBank(settings);
    bank.observe([point('a', 0, 1), point('b', 0, 1)]);
    assert.equal(bank.snapshot(true).length, 2);
    bank.observe([point('a', 1, 1)]);
    assert.deepEqual(bank.snapshot(true).map((e) => e.key), [learnedKey('a')]);
    assert.equal(bank.snapshot().length, 2, 'a full snapshot still has every series');
  });
});

function learnedKey(service: string): string {
  return `opsloop.service.error_ratio{service="${service}"}`;
}
