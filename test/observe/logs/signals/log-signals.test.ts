import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigSchema } from '../../../../src/core/config.js';
import type { MetricPoint, MinedLog, Signal } from '../../../../src/core/records.js';
import { createRng } from '../../../../src/demo/prng.js';
import { ERROR_COUNT_METRIC, LogSignals, logSignalSettings, TEMPLATE_COUNT_METRIC } from '../../../../src/observe/logs/signals/index.js';
import { DetectorBank } from '../../../../src/observe/metrics/detector-bank.js';
import { BUCKET_MS, bucketLines, CHECKOUT_TEMPLATES, ERROR, T0 } from './synthetic-logs.js';

const config = ConfigSchema.parse({});
/** Past the detector's learning points (100), with room for its baseline to settle. */
const WARM_BUCKETS = 300;

function logSignals(overrides: Partial<typeof config.logs.signals> = {}): LogSignals {
  const settings = logSignalSettings({ ...config.logs.signals, bucketSeconds: BUCKET_MS / 1000, ...overrides });
  return new LogSignals(settings, new DetectorBank(config.detector));
}

interface Run {
  signals: Signal[];
  points: MetricPoint[];
  /** The bucket whose lines were being fed when each signal came out (same order as signals). */
  emittedAt: number[];
}

/** Feeds buckets [from, to) of checkout's stream, one batch per bucket; `rates` may change a template's mean per bucket. */
function run(
  signals: LogSignals,
  from: number,
  to: number,
  rates: (bucket: number) => Record<string, number> = () => ({}),
  seed = 11,
): Run {
  const rng = createRng(seed + from);
  const out: Run = { signals: [], points: [], emittedAt: [] };
  for (let b = from; b < to; b++) {
    const result = signals.observe(bucketLines(rng, 'checkout', b, CHECKOUT_TEMPLATES, rates(b)));
    out.signals.push(...result.signals);
    out.emittedAt.push(...result.signals.map(() => b));
    out.points.push(...result.points);
  }
  return out;
}

const firing = (signals: readonly Signal[]) => signals.filter((s) => s.status === 'firing');
const bucketOf = (timeMs: number) => (timeMs - T0) / BUCKET_MS;

describe('LogSignals', () => {
  it('raises nothing on a steady stream', () => {
    const { signals, points } = run(logSignals(), 0, 600);
    assert.deepEqual(firing(signals).map((s) => s.summary), []);
    assert.ok(points.some((p) => p.name === TEMPLATE_COUNT_METRIC), 'template counts are fed to the detector');
  });

  it('finds a surge of one template within three buckets and names the template in its evidence', () => {
    const signals = logSignals();
    run(signals, 0, WARM_BUCKETS);
    const surge = run(signals, WARM_BUCKETS, WARM_BUCKETS + 10, () => ({ 't-gc': 60 }));
    const [alarm, ...others] = firing(surge.signals);
    assert.ok(alarm, 'the surge alarms');
    assert.deepEqual(new Set([alarm, ...others].map((s) => s.labels['template_id'])), new Set(['t-gc']), 'only the surging template');
    // A bucket closes while the lines of the bucket after next arrive (one bucket of lateness).
    const emitted = surge.emittedAt[surge.signals.indexOf(alarm)] ?? Infinity;
    assert.ok(emitted <= WARM_BUCKETS + 2 + 2, `alarmed while bucket ${emitted - WARM_BUCKETS} of the surge came in`);
    assert.equal(bucketOf(alarm.timeMs), WARM_BUCKETS, 'onset is the first bucket of the surge');
    assert.equal(alarm.evidence?.metric, TEMPLATE_COUNT_METRIC);
    assert.equal(alarm.evidence?.direction, 'up');
    assert.equal(alarm.logs?.service, 'checkout');
    assert.deepEqual(alarm.logs?.templates.map((t) => t.template), ['gc <*> @<*>s 0%: heap <*>MB goal <*>MB']);
    assert.ok((alarm.logs?.templates[0]?.count ?? 0) > 50);
    const query = new URL(alarm.logs?.query ?? '', 'http://x');
    assert.equal(query.pathname, '/api/v1/logs');
    assert.equal(query.searchParams.get('templateId'), 't-gc');
    assert.equal(Number(query.searchParams.get('from')), alarm.timeMs);
  });

  it('finds a template that stops logging', () => {
    const signals = logSignals();
    run(signals, 0, WARM_BUCKETS);
    const stop = run(signals, WARM_BUCKETS, WARM_BUCKETS + 10, () => ({ 't-order': 0 }));
    const [alarm] = firing(stop.signals);
    assert.equal(alarm?.labels['template_id'], 't-order');
    assert.equal(alarm?.evidence?.direction, 'down');
    assert.ok((alarm?.logs?.fromMs ?? Infinity) < alarm!.timeMs, 'its evidence looks at the lines before the drop');
  });

  it('finds an error burst of a service and names the errors that made it', () => {
    const signals = logSignals();
    run(signals, 0, WARM_BUCKETS);
    const burst = run(signals, WARM_BUCKETS, WARM_BUCKETS + 10, () => ({ 't-timeout': 30 }));
    const errors = firing(burst.signals).find((s) => s.evidence?.metric === ERROR_COUNT_METRIC);
    assert.ok(errors, 'the burst alarms on the service error count');
    assert.ok(bucketOf(errors.timeMs) >= WARM_BUCKETS && bucketOf(errors.timeMs) <= WARM_BUCKETS + 2);
    assert.equal(errors.service, 'checkout');
    assert.match(errors.summary, /^error log lines \d+, \d+\.\d× its usual/);
    assert.equal(errors.logs?.minSeverity, ERROR);
    assert.equal(errors.logs?.templates[0]?.templateId, 't-timeout');
    assert.equal(new URL(errors.logs?.query ?? '', 'http://x').searchParams.get('minSeverity'), String(ERROR));
  });

  it('counts at most templatesPerService templates per service, plus the error count', () => {
    const signals = logSignals({ templatesPerService: 5 });
    const lines: MinedLog[] = [];
    for (let i = 0; i < 1000; i++) {
      lines.push({ service: 'noisy', templateId: `t${i}`, template: `message ${i} <*>`, change: 'created', severityNumber: 9, timeMs: T0 + i * 100 });
    }
    signals.observe(lines);
    const { points } = signals.observe([{ ...(lines[0] as MinedLog), timeMs: T0 + 10 * BUCKET_MS }]);
    const perBucket = new Map<number, number>();
    for (const p of points) perBucket.set(p.timeMs, (perBucket.get(p.timeMs) ?? 0) + 1);
    assert.ok(perBucket.size > 0);
    assert.ok([...perBucket.values()].every((n) => n <= 6), `points per bucket: ${[...perBucket.values()].join(',')}`);
  });
});
