/**
 * The metric points of one closed log bucket: the service's ERROR+ line count and one count
 * per tracked template, so both go through the metric detector like any series. Pure.
 */
import type { MetricPoint } from '../../../core/records.js';
import type { ClosedLogBucket } from './log-count-buckets.js';
import { ERROR_COUNT_METRIC, TEMPLATE_COUNT_METRIC, TEMPLATE_LABEL } from './log-series.js';

export function logBucketPoints(bucket: ClosedLogBucket): MetricPoint[] {
  const { service, startMs: timeMs } = bucket;
  const points: MetricPoint[] = [{ name: ERROR_COUNT_METRIC, service, labels: {}, timeMs, value: bucket.errors }];
  for (const templateId of bucket.tracked) {
    const value = bucket.tallies.get(templateId)?.count ?? 0;
    points.push({ name: TEMPLATE_COUNT_METRIC, service, labels: { [TEMPLATE_LABEL]: templateId }, timeMs, value });
  }
  return points;
}
