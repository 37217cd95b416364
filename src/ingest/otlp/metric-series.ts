/**
 * The per-point plumbing shared by every metric type: common validation, series identity,
 * staleness markers, and emitting MetricPoints. Type-specific files only decide values.
 */
import type { EntityRef, Labels, MetricPoint } from '../../core/records.js';
import { seriesKey } from '../../core/series.js';
import type { CumulativeStage } from './cumulative-state.js';
import { nanosToMs } from './nano-time.js';
import type { OtlpAttributes, OtlpMetric } from './otlp-types.js';
import { toLabels } from './otlp-values.js';
import type { Rejections } from './rejections.js';

/** DataPointFlags.FLAG_NO_RECORDED_VALUE: the series went stale; nothing to record. */
const NO_RECORDED_VALUE = 1;

export interface MetricScope {
  entity: EntityRef;
  metric: OtlpMetric;
  stage: CumulativeStage;
  rejections: Rejections;
  out: MetricPoint[];
}

export interface PointSeries {
  /** seriesKey() of the base metric; the key of its cumulative state. */
  key: string;
  emit(suffix: string, value: number, unit: string | undefined): void;
}

interface PointLike {
  attributes: OtlpAttributes;
  timeUnixNano: bigint;
  flags: number;
}

/** A rejection reason, or undefined when the point was converted (even to nothing). */
export type PointOutcome = string | undefined;

export function unitOrUndefined(unit: string): string | undefined {
  return unit === '' ? undefined : unit;
}

/** The unit of a per-second rate of something measured in `unit`. */
export function rateUnit(unit: string): string {
  return unit === '' || unit === '1' ? '1/s' : `${unit}/s`;
}

export function forEachPoint<P extends PointLike>(
  scope: MetricScope,
  points: readonly P[],
  convert: (point: P, series: PointSeries) => PointOutcome,
): void {
  const { entity, metric, stage, rejections, out } = scope;
  // Time order matters for cumulative diffs when one request carries several points of a series.
  const ordered = points.length > 1 ? [...points].sort((a, b) => (a.timeUnixNano < b.timeUnixNano ? -1 : 1)) : points;
  for (const point of ordered) {
    if (metric.name === '') {
      rejections.reject('metric name is missing');
      continue;
    }
    if (point.timeUnixNano <= 0n) {
      rejections.reject(`${metric.name}: timeUnixNano is missing or zero`);
      continue;
    }
    const labels: Labels = toLabels(point.attributes);
    const key = seriesKey({ name: metric.name, service: entity.service, instance: entity.instance, labels });
    if ((point.flags & NO_RECORDED_VALUE) !== 0) {
      stage.delete(key);
      continue;
    }
    const timeMs = nanosToMs(point.timeUnixNano);
    const emit = (suffix: string, value: number, unit: string | undefined): void => {
      if (!Number.isFinite(value)) return;
      const record: MetricPoint = { ...entity, name: `${metric.name}${suffix}`, labels: { ...labels }, timeMs, value };
      if (unit !== undefined) record.unit = unit;
      out.push(record);
    };
    const reason = convert(point, { key, emit });
    if (reason !== undefined) rejections.reject(`${metric.name}: ${reason}`);
  }
}
