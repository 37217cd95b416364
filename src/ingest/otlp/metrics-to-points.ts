/**
 * OtlpMetricsRequest → MetricPoints. Entity from the resource, labels from point attributes,
 * counters to rates. Cumulative state changes are staged; call `commit()` once the points are
 * stored (see cumulative-state.ts for why).
 */
import type { MetricPoint } from '../../core/records.js';
import type { CumulativeState } from './cumulative-state.js';
import { exponentialHistogramPoints, histogramPoints } from './histogram-series.js';
import type { MetricScope } from './metric-series.js';
import { gaugePoints, sumPoints } from './number-series.js';
import type { OtlpMetricData, OtlpMetricsRequest } from './otlp-types.js';
import { Rejections } from './rejections.js';
import { entityFromResource } from './resource-entity.js';
import { summaryPoints } from './summary-series.js';

export interface MetricConversion {
  points: MetricPoint[];
  /** Data points rejected (each OTLP data point counts once, however many series it feeds). */
  rejected: number;
  /** '' when nothing was rejected. */
  errorMessage: string;
  commit(): void;
}

function convertData(scope: MetricScope, data: OtlpMetricData): void {
  // The proto's oneof is a closed set, so a switch (checked exhaustive) is the registry here.
  switch (data.type) {
    case 'gauge':
      return gaugePoints(scope, data.points);
    case 'sum':
      return sumPoints(scope, data);
    case 'histogram':
      return histogramPoints(scope, data);
    case 'exponentialHistogram':
      return exponentialHistogramPoints(scope, data);
    case 'summary':
      return summaryPoints(scope, data.points);
    case 'none':
      return;
    default: {
      const unreachable: never = data;
      return unreachable;
    }
  }
}

export function metricsToPoints(request: OtlpMetricsRequest, state: CumulativeState): MetricConversion {
  const stage = state.stage();
  const rejections = new Rejections();
  const points: MetricPoint[] = [];
  for (const group of request) {
    const entity = entityFromResource(group.resource);
    for (const { items } of group.scopes) {
      for (const metric of items) convertData({ entity, metric, stage, rejections, out: points }, metric.data);
    }
  }
  return { points, rejected: rejections.count, errorMessage: rejections.message(), commit: () => stage.commit() };
}
