import type { Fault, LogIngestStats } from '../core/api.js';
import type { Incident } from '../core/records.js';
import type { ParsedSilenceInput, SilencePreviewResponse, SilenceView } from '../core/silence-api.js';
import type { SignalSink, TelemetrySink } from '../ingest/sink.js';
import type { Store, TimeRange } from '../store/store.js';
import type { SilencePreviewInput } from './silence-preview.js';
import type { WindowRca } from './window-rca.js';

/** Silences and maintenance windows; create and expire are audited and take effect at once. */
export interface SilenceControl {
  /** Throws OpsError VALIDATION. */
  create(input: ParsedSilenceInput): SilenceView;
  /** Throws OpsError NOT_FOUND. */
  expire(id: string, by: string): SilenceView;
  get(id: string): SilenceView;
  /** The newest created first. */
  list(limit: number): SilenceView[];
  preview(input: SilencePreviewInput): SilencePreviewResponse;
}

/**
 * What the HTTP edge needs from the running loop. `src/app/loop.ts` implements it; routes
 * never reach past it into the analytics.
 */
export interface Engine {
  readonly store: Store;
  readonly telemetry: TelemetrySink;
  readonly signals: SignalSink;
  /** Incident actions by a person; `by` names them on the timeline. Throws OpsError NOT_FOUND. */
  acknowledge(incidentId: string, by: string): Incident;
  resolve(incidentId: string, by: string): Incident;
  readonly silences: SilenceControl;
  /**
   * Applies what time alone changes to firing alerts (auto-resolve, expired silences, settled
   * flapping); runs every `alerts.sweepSeconds` and after every silence change.
   */
  sweepAlerts(): void;
  /** Likely root causes of any stored time window, incident or not. */
  rankWindow(range: TimeRange): WindowRca;
  /** What log ingest cut, repaired or could not mine since start. */
  logStats(): LogIngestStats;
  /** Faults injected by the demo, when it runs in this process. */
  demoFaults(): Fault[] | undefined;
  /** Resolves once everything accepted so far has been analysed. */
  settle(): Promise<void>;
  close(): Promise<void>;
}
