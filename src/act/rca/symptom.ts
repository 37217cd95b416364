/**
 * A symptom: one piece of evidence that something is wrong with a service, whatever it came
 * from (an incident's alert, a metric series replayed over a window, the spans or the logs of a
 * window). The ranker (rank-causes.ts) only sees symptoms, so incidents and arbitrary windows
 * are ranked by one path. Pure.
 */
import type { Alert } from '../../core/records.js';
import { metricSemantics } from '../../observe/metrics/metric-semantics.js';
import { PEER_LABEL } from '../../observe/traces/derived-series.js';

export interface Symptom {
  /** The service it was observed on; for a caller-side symptom, the caller. */
  service?: string;
  instance?: string;
  /** The callee the symptom concerns, when the observer names one (an edge series, a failed call). */
  peer?: string;
  /**
   * Seen by `service` when calling `peer`: evidence against the callee rather than the caller,
   * and the only evidence there is for a crashed or uninstrumented service.
   */
  seenByCaller: boolean;
  /** Short name of what went wrong, e.g. "error ratio up"; becomes the cause's indicator. */
  name: string;
  /** Plain words, e.g. "error ratio 12.0% vs usual 0.1% (z 40.0)"; may be empty. */
  summary: string;
  startsMs: number;
  /** How sure and how far off, in [0, 1). */
  strength: number;
  /** Saturation of the service's own resources (CPU, memory): a callee explains it less. */
  resource: boolean;
  /** The metric behind it, when there is one: tells "calls fail" from "calls are slow". */
  metric?: string;
  /** Series key to chart it. */
  series?: string;
}

/** Derived series of a call edge (src/observe/traces): what the caller sees of the callee. */
export function isEdgeMetric(metric: string | undefined): boolean {
  return metric?.startsWith('opsloop.edge.') ?? false;
}

/** Maps a detector's deviation (robust z) to a strength: it saturates smoothly. */
export function strengthOfDeviation(z: number): number {
  return 1 - Math.exp(-Math.abs(z) / 10);
}

/** Maps an alert to [0, 1): detector z-scores saturate smoothly, trace anomalies carry their own, external alerts by severity. */
export function alertStrength(alert: Alert): number {
  if (alert.evidence) return strengthOfDeviation(alert.evidence.score);
  if (alert.traces) return alert.traces.strength;
  const bySeverity = { info: 0.3, warning: 0.6, error: 0.8, critical: 0.9 } as const;
  return bySeverity[alert.severity];
}

export function symptomOfAlert(alert: Alert): Symptom {
  const peer = alert.labels[PEER_LABEL];
  const metric = alert.evidence?.metric;
  return {
    ...(alert.service !== undefined ? { service: alert.service } : {}),
    ...(alert.instance ? { instance: alert.instance } : {}),
    ...(peer !== undefined ? { peer } : {}),
    seenByCaller: peer !== undefined && isEdgeMetric(metric),
    name: alert.name,
    summary: alert.summary,
    startsMs: alert.startsMs,
    strength: alertStrength(alert),
    resource: metric ? metricSemantics(metric).resource : false,
    ...(metric !== undefined ? { metric } : {}),
    ...(alert.evidence ? { series: alert.evidence.series } : {}),
  };
}
