import type { LogRecord, MetricPoint, Signal, SpanRecord, Change } from '../core/records.js';

/** Normalised telemetry from one request, all of one signal type or mixed. */
export interface TelemetryBatch {
  metrics?: MetricPoint[];
  spans?: SpanRecord[];
  /**
   * The request body the spans came in: the store recognises a resent request (an exporter
   * retrying an export it thinks failed) by its digest, so it is stored and analysed once.
   */
  spansBody?: Uint8Array;
  logs?: LogRecord[];
}

/**
 * Where receivers hand what they decoded. `accept` makes the batch durable before it returns,
 * or before the promise it returns resolves (a batch stored on another thread), so a 2xx
 * means stored; it throws OpsError('OPS_ERR_OVERLOADED') when the pipeline is too far behind,
 * which receivers turn into 503.
 */
export interface TelemetrySink {
  accept(batch: TelemetryBatch): void | Promise<void>;
}

/** Where alert receivers (Alertmanager, generic events) and change feeds hand their records. */
export interface SignalSink {
  acceptSignals(signals: readonly Signal[]): void;
  acceptChanges(changes: readonly Change[]): void;
}
