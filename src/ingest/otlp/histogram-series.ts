/**
 * Histogram and ExponentialHistogram points → `<name>.count` and `<name>.sum` per-second rates,
 * plus (explicit buckets) `<name>.p50/.p95/.p99` estimated from the buckets of one interval.
 * Quantiles come from the interval's counts, not the cumulative ones, so a latency spike shows
 * up in the interval it happened instead of being averaged over the process lifetime.
 */
import { bucketQuantile } from './bucket-quantile.js';
import { intervalIncrease } from './interval-increase.js';
import { forEachPoint, rateUnit, unitOrUndefined, type MetricScope, type PointOutcome } from './metric-series.js';
import type { AggregationTemporality, OtlpExponentialHistogramPoint, OtlpHistogramPoint } from './otlp-types.js';

export const HISTOGRAM_QUANTILES: readonly { suffix: string; quantile: number }[] = [
  { suffix: '.p50', quantile: 0.5 },
  { suffix: '.p95', quantile: 0.95 },
  { suffix: '.p99', quantile: 0.99 },
];

function checkHistogram(point: OtlpHistogramPoint): string | undefined {
  const { bucketCounts, explicitBounds } = point;
  if (bucketCounts.length > 0 && bucketCounts.length !== explicitBounds.length + 1) {
    return `bucketCounts has ${bucketCounts.length} entries for ${explicitBounds.length} explicitBounds (expected bounds + 1)`;
  }
  for (let index = 0; index < explicitBounds.length; index++) {
    const bound = explicitBounds[index] ?? Number.NaN;
    if (!Number.isFinite(bound) || (index > 0 && bound <= (explicitBounds[index - 1] ?? bound))) {
      return 'explicitBounds must be finite and strictly increasing';
    }
  }
  if (point.sum !== undefined && !Number.isFinite(point.sum)) return 'sum is not finite';
  return undefined;
}

export function histogramPoints(
  scope: MetricScope,
  data: { temporality: AggregationTemporality; points: readonly OtlpHistogramPoint[] },
): void {
  const unit = scope.metric.unit;
  forEachPoint(scope, data.points, (point, series): PointOutcome => {
    const problem = checkHistogram(point);
    if (problem !== undefined) return problem;
    const increase = intervalIncrease(scope.stage, data.temporality, {
      key: series.key,
      startNanos: point.startTimeUnixNano,
      timeNanos: point.timeUnixNano,
      counters: [point.count, ...point.bucketCounts],
      sum: point.sum,
      layout: point.explicitBounds.join(','),
    });
    if (increase.kind === 'reject') return increase.reason;
    if (increase.kind === 'none') return undefined;
    const [count = 0, ...buckets] = increase.counters;
    series.emit('.count', count / increase.seconds, '1/s');
    if (increase.sum !== undefined) series.emit('.sum', increase.sum / increase.seconds, rateUnit(unit));
    // min/max of a cumulative point cover the whole lifetime, not this interval: too loose to use.
    const range = data.temporality === 'delta' ? { min: point.min, max: point.max } : {};
    for (const { suffix, quantile } of HISTOGRAM_QUANTILES) {
      const value = bucketQuantile(quantile, point.explicitBounds, buckets, range);
      if (value !== undefined) series.emit(suffix, value, unitOrUndefined(unit));
    }
    return undefined;
  });
}

/** Count and sum only; bucket-based quantiles for exponential histograms are not derived yet. */
export function exponentialHistogramPoints(
  scope: MetricScope,
  data: { temporality: AggregationTemporality; points: readonly OtlpExponentialHistogramPoint[] },
): void {
  forEachPoint(scope, data.points, (point, series): PointOutcome => {
    if (point.sum !== undefined && !Number.isFinite(point.sum)) return 'sum is not finite';
    const increase = intervalIncrease(scope.stage, data.temporality, {
      key: series.key,
      startNanos: point.startTimeUnixNano,
      timeNanos: point.timeUnixNano,
      counters: [point.count],
      sum: point.sum,
      layout: '',
    });
    if (increase.kind === 'reject') return increase.reason;
    if (increase.kind === 'none') return undefined;
    series.emit('.count', (increase.counters[0] ?? 0) / increase.seconds, '1/s');
    if (increase.sum !== undefined) series.emit('.sum', increase.sum / increase.seconds, rateUnit(scope.metric.unit));
    return undefined;
  });
}
