/**
 * Gauge and Sum points. Gauges and non-monotonic sums are levels and pass through; monotonic
 * sums are counters and become per-second rates (anomaly detection wants "requests per
 * second", not an ever-growing total).
 */
import { intervalIncrease } from './interval-increase.js';
import {
  forEachPoint,
  rateUnit,
  unitOrUndefined,
  type MetricScope,
  type PointOutcome,
  type PointSeries,
} from './metric-series.js';
import type { AggregationTemporality, OtlpNumberPoint } from './otlp-types.js';

function checkValue(point: OtlpNumberPoint): number | string {
  if (point.value === undefined) return 'value is missing (neither asDouble nor asInt)';
  if (!Number.isFinite(point.value)) return 'value is not finite';
  return point.value;
}

export function gaugePoints(scope: MetricScope, points: readonly OtlpNumberPoint[]): void {
  const unit = unitOrUndefined(scope.metric.unit);
  forEachPoint(scope, points, (point, series): PointOutcome => {
    const value = checkValue(point);
    if (typeof value === 'string') return value;
    series.emit('', value, unit);
    return undefined;
  });
}

function counterRate(
  scope: MetricScope,
  temporality: AggregationTemporality,
  point: OtlpNumberPoint,
  series: PointSeries,
): PointOutcome {
  const value = checkValue(point);
  if (typeof value === 'string') return value;
  if (value < 0) return 'monotonic sum is negative';
  const increase = intervalIncrease(scope.stage, temporality, {
    key: series.key,
    startNanos: point.startTimeUnixNano,
    timeNanos: point.timeUnixNano,
    counters: [value],
    sum: undefined,
    layout: '',
  });
  if (increase.kind === 'reject') return increase.reason;
  if (increase.kind === 'increase') {
    series.emit('', (increase.counters[0] ?? 0) / increase.seconds, rateUnit(scope.metric.unit));
  }
  return undefined;
}

export function sumPoints(
  scope: MetricScope,
  data: { temporality: AggregationTemporality; monotonic: boolean; points: readonly OtlpNumberPoint[] },
): void {
  if (!data.monotonic) {
    gaugePoints(scope, data.points);
    return;
  }
  forEachPoint(scope, data.points, (point, series) => counterRate(scope, data.temporality, point, series));
}
