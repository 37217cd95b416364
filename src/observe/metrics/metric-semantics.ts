/**
 * What a metric's name says about which deviations matter. Pure.
 *
 * A generic detector cannot know that a latency dip is good news; naming conventions
 * (OpenTelemetry semantic conventions and our own derived series) tell us. Unknown metrics
 * alarm in both directions.
 */
import type { Direction } from '../../core/records.js';

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

export function metricSemantics(name: string): MetricSemantics {
  const lower = name.toLowerCase();
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
    return { directions: UP_ONLY, minScale: 1, label: lower.includes('p95') ? 'p95 latency' : 'latency', resource: false };
  }
  if (lower.includes('request_rate') || lower.includes('requests')) {
    return { directions: BOTH, minScale: 0.05, label: 'request rate', resource: false };
  }
  return { directions: BOTH, minScale: 0, label: name, resource: false };
}
