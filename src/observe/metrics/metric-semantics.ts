/**
 * What a metric's name says about which deviations matter. Pure.
 *
 * A generic detector cannot know that a latency dip is good news; naming conventions
 * (OpenTelemetry semantic conventions and our own derived series) tell us. Unknown metrics
 * alarm in both directions.
 */
import type { Direction } from '../../core/records.js';
import { ERROR_COUNT_METRIC, TEMPLATE_COUNT_METRIC } from '../logs/signals/log-series.js';

export interface MetricSemantics {
  /** Directions that count as anomalous. */
  directions: readonly Direction[];
  /** Smallest deviation worth a score of 1, in the metric's unit: keeps near-constant series quiet. */
  minScale: number;
  /** Human name used in explanations. */
  label: string;
  /** A resource indicator (CPU, memory …) points at its own entity, whatever its callees do. */
  resource: boolean;
}

const UP_ONLY: readonly Direction[] = ['up'];
const BOTH: readonly Direction[] = ['up', 'down'];
const LOG_COUNT_MIN_SCALE = 3;

export function metricSemantics(name: string): MetricSemantics {
  const lower = name.toLowerCase();
  if (name === ERROR_COUNT_METRIC || name === TEMPLATE_COUNT_METRIC) {
    // Line counts of a quiet service or a rare template are 0s and 1s: a swing of a line or two
    // is noise, so a deviation must be at least LOG_COUNT_MIN_SCALE lines to be news. Fewer
    // error lines are good news; a template logging less (a job that stopped) is not.
    const errors = name === ERROR_COUNT_METRIC;
    return { directions: errors ? UP_ONLY : BOTH, minScale: LOG_COUNT_MIN_SCALE, label: errors ? 'error log lines' : 'log template lines', resource: false };
  }
  if (lower.includes('error_ratio') || lower.includes('error.ratio')) {
    // Ratios of small counts jump by 1/n; two percentage points is the least we call a change.
    return { directions: UP_ONLY, minScale: 0.02, label: 'error ratio', resource: false };
  }
  if (lower.includes('cpu')) {
    return { directions: UP_ONLY, minScale: 0.02, label: 'CPU utilisation', resource: true };
  }
  if (lower.includes('memory')) {
    return { directions: UP_ONLY, minScale: 0, label: 'memory usage', resource: true };
  }
  if (/latency|duration|\.p\d+$/.test(lower)) {
    const percentile = /p(50|9\d)\b/.exec(lower);
    return { directions: UP_ONLY, minScale: 1, label: percentile ? `p${percentile[1]} latency` : 'latency', resource: false };
  }
  if (lower.includes('request_rate') || lower.includes('requests')) {
    return { directions: BOTH, minScale: 0.05, label: 'request rate', resource: false };
  }
  return { directions: BOTH, minScale: 0, label: name, resource: false };
}
