import type { LogIngestStats } from '../core/api.js';
import type { DemoControl } from '../demo/index.js';
import type { Incident, TimelineEntry } from '../core/records.js';
import type { IncidentEdit } from '../engage/incidents/lifecycle.js';
import type { SignalSink, TelemetrySink } from '../ingest/sink.js';
import type { Store, TimeRange } from '../store/store.js';
import type { Notifier } from './notify/notifier.js';
import type { ParsedSilenceInput, SilencePreviewResponse, SilenceView } from '../core/silence-api.js';
import type { SilencePreviewInput } from './silence-preview.js';
import type { ReportControl } from './reports/weekly-reports.js';
import type { WindowRca } from './window-rca.js';
import type { CapacityForecastsResponse, RightsizingResponse } from '../core/capacity-api.js';
import type { CapacityForecastRequest } from './capacity/capacity-forecasts.js';
import type { RightsizingRequest } from './capacity/rightsizing-report.js';
import type { FindingsDesk } from './vulns/findings-desk.js';
import type { Runbooks } from './runbooks/runbooks.js';

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
  /**
   * Incident actions by a person (src/engage/incidents/incident-actions.ts); `by` names them on
   * the timeline. Throw OpsError NOT_FOUND for an unknown incident or problem, CONFLICT for an
   * illegal lifecycle step.
   */
  acknowledge(incidentId: string, by: string): Incident;
  resolve(incidentId: string, by: string, resolution?: string): Incident;
  closeIncident(incidentId: string, by: string): Incident;
  editIncident(incidentId: string, edit: IncidentEdit, by: string): Incident;
  /** A note (for responders) or a status update (public-facing). */
  writeOnTimeline(incidentId: string, kind: 'note' | 'status_update', text: string, by: string): TimelineEntry;
  linkProblem(problemId: string, incidentId: string, by: string): void;
  unlinkProblem(problemId: string, incidentId: string, by: string): void;
  readonly silences: SilenceControl;
  /**
   * Applies what time alone changes to firing alerts (auto-resolve, expired silences, settled
   * flapping); runs every `alerts.sweepSeconds` and after every silence change.
   */
  sweepAlerts(): void;
  /** Moves every alert of `incidentId` into `intoId` and closes it; learns from it. Returns the merged incident. */
  merge(incidentId: string, intoId: string, by: string): Incident;
  /** Moves these alerts of `incidentId` into a new incident; learns from it. Returns the new incident. */
  split(incidentId: string, alertIds: readonly string[], by: string): Incident;
  /** Likely root causes of any stored time window, incident or not. */
  rankWindow(range: TimeRange): WindowRca;
  /** Continuous-improvement reports: any period on demand, and the weekly one when due. */
  readonly reports: ReportControl;
  /** Saturation series forecast to their limits, soonest exhaustion first (docs/capacity.md). */
  capacityForecasts(request: CapacityForecastRequest): CapacityForecastsResponse;
  /** CPU and memory usage against requests and limits per instance, with recommendations. */
  rightsizing(request: RightsizingRequest): RightsizingResponse;
  /** Security findings: scanner imports, prioritisation, remediation tasks, deadline alerts (docs/findings.md). */
  readonly findings: FindingsDesk;
  /** What log ingest cut, repaired or could not mine since start. */
  logStats(): LogIngestStats;
  /** The demo, when it runs in this process: its faults (ground truth) and remediation endpoints. */
  demo(): DemoControl | undefined;
  /** Runbooks and their executions (docs/runbooks.md). */
  readonly runbooks: Runbooks;
  /** Notifications and escalations: test sends, and waiting for sends in flight. */
  readonly notifications: Pick<Notifier, 'sendTest' | 'tick' | 'idle'>;
  /** Resolves once everything accepted so far has been analysed. */
  settle(): Promise<void>;
  close(): Promise<void>;
}
