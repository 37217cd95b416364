/**
 * A trace anomaly as a signal, for alerts and incidents like every other opsloop signal: one
 * fingerprint per kind and subject (operation, and callee or error type), so repeats update one
 * alert and the resolving report closes it. The evidence carries the exemplar traces. Pure.
 */
import { stableHash } from '../../../core/ids.js';
import type { Signal, TraceAnomalyKind } from '../../../core/records.js';
import type { TraceAnomaly } from './trace-anomaly.js';

/** Label naming the span name of the operation; `span_kind` its kind. */
export const OPERATION_LABEL = 'operation';

const NAMES: Record<TraceAnomalyKind, string> = {
  latency_outliers: 'slow spans',
  new_error_type: 'new error type',
  new_call: 'new call',
  fan_out_change: 'fan-out change',
};

export function traceAnomalySignal(anomaly: TraceAnomaly): Signal {
  const { operation: op } = anomaly;
  const labels: Record<string, string> = { [OPERATION_LABEL]: op.name, span_kind: op.kind };
  if (anomaly.callee !== undefined) labels.callee = anomaly.callee;
  if (anomaly.errorType !== undefined) labels.error_type = anomaly.errorType;
  return {
    kind: 'anomaly',
    source: 'traces',
    fingerprint: stableHash('trace-anomaly', anomaly.kind, anomaly.key),
    name: NAMES[anomaly.kind],
    service: op.service,
    ...(anomaly.instance !== undefined ? { instance: anomaly.instance } : {}),
    status: anomaly.status,
    severity: anomaly.severity,
    timeMs: anomaly.timeMs,
    summary: anomaly.summary,
    labels,
    traces: {
      kind: anomaly.kind,
      service: op.service,
      operation: op.name,
      spanKind: op.kind,
      ...(anomaly.callee !== undefined ? { callee: anomaly.callee } : {}),
      ...(anomaly.errorType !== undefined ? { errorType: anomaly.errorType } : {}),
      observed: anomaly.observed,
      usual: anomaly.usual,
      ...(anomaly.threshold !== undefined ? { threshold: anomaly.threshold } : {}),
      spans: anomaly.spans,
      strength: anomaly.strength,
      exemplars: anomaly.exemplars,
    },
  };
}
