/**
 * What the trace anomaly detectors report, and the settings they share. Pure types.
 *
 * An anomaly is an episode: one `firing` report at its onset (repeated while it lasts, with the
 * latest figures) and one `resolved` report when it clears. `key` is stable for the episode's
 * subject (operation, and callee or error type), so the app can fingerprint alerts by it.
 */
import type { Severity, SpanKind, TraceAnomalyKind, TraceExemplar } from '../../../core/records.js';

export interface OperationRef {
  service: string;
  /** The span name. */
  name: string;
  kind: SpanKind;
}

export interface TraceAnomaly {
  kind: TraceAnomalyKind;
  status: 'firing' | 'resolved';
  /** Stable per subject: the operation, plus the callee or the error type. */
  key: string;
  operation: OperationRef;
  /** The pod that most of the offending spans came from, when one dominates. */
  instance?: string;
  /** Event time of the episode's onset. */
  startMs: number;
  /** Event time of this report; the onset for the report that opens an episode, so its alert starts there. */
  timeMs: number;
  summary: string;
  /** How sure and how far off, in [0, 1). */
  strength: number;
  severity: Severity;
  callee?: string;
  errorType?: string;
  observed: number;
  usual: number;
  threshold?: number;
  spans: number;
  exemplars: TraceExemplar[];
}

export interface TraceAnomalySettings {
  /** Event time an operation is watched before it can alarm (also after a restart without a snapshot). */
  learnMs: number;
  /** Spans an operation must have shown before it can alarm. */
  learnSpans: number;
  /** Width of the windows that latency and fan-out are judged over. */
  windowMs: number;
  /** Operations kept; the least recently seen is forgotten beyond this. */
  maxOperations: number;
  /** New error types and new calls alerted per service per hour at most. */
  noveltyAlertsPerHour: number;
}

export const DEFAULT_TRACE_ANOMALY_SETTINGS: Readonly<TraceAnomalySettings> = Object.freeze({
  learnMs: 10 * 60_000,
  learnSpans: 50,
  windowMs: 30_000,
  maxOperations: 5_000,
  noveltyAlertsPerHour: 5,
});

/** Exemplars kept per report: enough to compare a few traces, few enough to read. */
export const MAX_EXEMPLARS = 3;
