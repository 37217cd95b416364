import type { Fault, LogIngestStats } from '../core/api.js';
import type { Incident } from '../core/records.js';
import type { SignalSink, TelemetrySink } from '../ingest/sink.js';
import type { Store, TimeRange } from '../store/store.js';
import type { WindowRca } from './window-rca.js';

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
  /** Moves every alert of `incidentId` into `intoId` and closes it; learns from it. Returns the merged incident. */
  merge(incidentId: string, intoId: string, by: string): Incident;
  /** Moves these alerts of `incidentId` into a new incident; learns from it. Returns the new incident. */
  split(incidentId: string, alertIds: readonly string[], by: string): Incident;
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
