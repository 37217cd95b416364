/**
 * How much monotonic values grew over one reporting interval, for both temporalities:
 * delta points carry the increase themselves; cumulative points are diffed against the
 * previous point of the same series (CumulativeState). Never yields a negative increase:
 * a decrease, a new start time or a new bucket layout is a reset and only sets a baseline.
 */
import type { CumulativeEntry, CumulativeStage } from './cumulative-state.js';
import { nanosToSeconds } from './nano-time.js';
import type { AggregationTemporality } from './otlp-types.js';

export type IntervalIncrease =
  | { kind: 'increase'; seconds: number; counters: number[]; sum: number | undefined }
  /** Nothing to emit: first point of a series, a reset, or an out-of-order/duplicate point. */
  | { kind: 'none' }
  | { kind: 'reject'; reason: string };

export interface Observation extends CumulativeEntry {
  /** Series identity (seriesKey of the base metric). */
  key: string;
}

function isReset(previous: CumulativeEntry, next: Observation): boolean {
  if (next.startNanos !== 0n && previous.startNanos !== 0n && next.startNanos !== previous.startNanos) return true;
  if (next.layout !== previous.layout || next.counters.length !== previous.counters.length) return true;
  return next.counters.some((value, index) => value < (previous.counters[index] ?? 0));
}

function cumulativeIncrease(stage: CumulativeStage, next: Observation): IntervalIncrease {
  const { key, ...entry } = next;
  const previous = stage.get(key);
  // An older or repeated point (exporter retry, two collectors) must not move the baseline back.
  if (previous !== undefined && next.timeNanos <= previous.timeNanos) return { kind: 'none' };
  stage.set(key, entry);
  if (previous === undefined || isReset(previous, next)) return { kind: 'none' };
  return {
    kind: 'increase',
    seconds: nanosToSeconds(next.timeNanos - previous.timeNanos),
    counters: next.counters.map((value, index) => value - (previous.counters[index] ?? 0)),
    sum: next.sum !== undefined && previous.sum !== undefined ? next.sum - previous.sum : undefined,
  };
}

export function intervalIncrease(
  stage: CumulativeStage,
  temporality: AggregationTemporality,
  next: Observation,
): IntervalIncrease {
  if (temporality === 'cumulative') return cumulativeIncrease(stage, next);
  if (temporality === 'delta') {
    if (next.startNanos <= 0n || next.startNanos >= next.timeNanos) {
      return { kind: 'reject', reason: 'delta point needs a startTimeUnixNano before timeUnixNano' };
    }
    return {
      kind: 'increase',
      seconds: nanosToSeconds(next.timeNanos - next.startNanos),
      counters: [...next.counters],
      sum: next.sum,
    };
  }
  return { kind: 'reject', reason: 'aggregationTemporality is unspecified' };
}
