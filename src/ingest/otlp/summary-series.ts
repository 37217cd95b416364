/**
 * Summary points → one gauge per reported quantile, `<name>.p<q*100>` (0.5 → p50,
 * 0.999 → p99.9), plus `<name>.count`/`.sum` rates. Summaries are cumulative by definition.
 */
import { intervalIncrease } from './interval-increase.js';
import { forEachPoint, rateUnit, unitOrUndefined, type MetricScope, type PointOutcome } from './metric-series.js';
import type { OtlpSummaryPoint } from './otlp-types.js';

export function quantileSuffix(quantile: number): string {
  // Rounded so 0.95 * 100 = 94.99999999999999 still reads p95.
  return `.p${Math.round(quantile * 100 * 1e6) / 1e6}`;
}

function checkSummary(point: OtlpSummaryPoint): string | undefined {
  for (const { quantile, value } of point.quantiles) {
    if (!(quantile >= 0 && quantile <= 1)) return `quantile ${quantile} is outside [0, 1]`;
    if (!Number.isFinite(value)) return `value of quantile ${quantile} is not finite`;
  }
  if (!Number.isFinite(point.sum)) return 'sum is not finite';
  return undefined;
}

export function summaryPoints(scope: MetricScope, points: readonly OtlpSummaryPoint[]): void {
  const unit = scope.metric.unit;
  forEachPoint(scope, points, (point, series): PointOutcome => {
    const problem = checkSummary(point);
    if (problem !== undefined) return problem;
    for (const { quantile, value } of point.quantiles) series.emit(quantileSuffix(quantile), value, unitOrUndefined(unit));
    const increase = intervalIncrease(scope.stage, 'cumulative', {
      key: series.key,
      startNanos: point.startTimeUnixNano,
      timeNanos: point.timeUnixNano,
      counters: [point.count],
      sum: point.sum,
      layout: '',
    });
    if (increase.kind === 'increase') {
      series.emit('.count', (increase.counters[0] ?? 0) / increase.seconds, '1/s');
      if (increase.sum !== undefined) series.emit('.sum', increase.sum / increase.seconds, rateUnit(unit));
    }
    return undefined;
  });
}
