/**
 * Repository interfaces. Everything above the store talks to these; nothing here leaks an
 * engine's types, so a PostgreSQL adapter can implement the same set.
 */
import type {
  Alert,
  Change,
  Incident,
  IncidentStatus,
  LogRecord,
  MetricPoint,
  ServiceEdge,
  SpanRecord,
  TimelineEntry,
} from '../core/records.js';

export interface TimeRange {
  fromMs: number;
  toMs: number;
}

export interface SeriesInfo {
  key: string;
  name: string;
  service: string;
  instance?: string;
  labels: Record<string, string>;
  lastMs: number;
}

export interface TelemetryRepository {
  insertMetricPoints(points: readonly MetricPoint[]): void;
  insertSpans(spans: readonly SpanRecord[]): void;
  insertLogs(logs: readonly LogRecord[]): void;
  /** Points of one series (by seriesKey), oldest first. */
  seriesPoints(seriesKey: string, range: TimeRange): Array<{ timeMs: number; value: number }>;
  listSeries(filter?: { service?: string }): SeriesInfo[];
  spansOfTrace(traceId: string): SpanRecord[];
  recentLogs(filter: { service?: string; range: TimeRange; limit: number }): LogRecord[];
  /** Deletes telemetry with event time before `beforeMs`; returns rows deleted. */
  pruneBefore(beforeMs: number): number;
}

export interface AlertFilter {
  status?: Alert['status'];
  incidentId?: string;
  limit?: number;
}

export interface AlertRepository {
  save(alert: Alert): void;
  get(id: string): Alert | undefined;
  byFingerprint(fingerprint: string): Alert | undefined;
  list(filter?: AlertFilter): Alert[];
}

export interface IncidentFilter {
  status?: IncidentStatus[];
  limit?: number;
}

export interface IncidentRepository {
  save(incident: Incident): void;
  get(id: string): Incident | undefined;
  list(filter?: IncidentFilter): Incident[];
  appendTimeline(entry: TimelineEntry): void;
  timeline(incidentId: string): TimelineEntry[];
}

export interface ChangeRepository {
  save(change: Change): void;
  list(filter: { range: TimeRange; service?: string }): Change[];
}

export interface ServiceInfo {
  name: string;
  lastSeenMs: number;
}

export interface TopologyRepository {
  saveEdges(edges: readonly ServiceEdge[]): void;
  edges(): ServiceEdge[];
  touchServices(services: ReadonlyArray<ServiceInfo>): void;
  services(): ServiceInfo[];
}

export interface ModelStateEntry {
  key: string;
  /** Which model family wrote `state` (e.g. 'series-detector'); keys are unique per kind. */
  kind: string;
  /** Opaque to the store: the model validates it on load. */
  state: string;
  updatedMs: number;
}

/** Learned model state, so a restart keeps what was learned. */
export interface ModelStateRepository {
  /** Inserts or replaces each entry by (kind, key). */
  saveMany(entries: readonly ModelStateEntry[]): void;
  /** Every entry of `kind`, least recently updated first. */
  loadAll(kind: string): Array<{ key: string; state: string }>;
}

export interface Store {
  readonly telemetry: TelemetryRepository;
  readonly alerts: AlertRepository;
  readonly incidents: IncidentRepository;
  readonly changes: ChangeRepository;
  readonly topology: TopologyRepository;
  readonly modelState: ModelStateRepository;
  /** Runs `work` atomically: all of its writes land, or none. */
  transaction<T>(work: () => T): T;
  /** Answers whether the engine is reachable and migrated. */
  ready(): boolean;
  close(): void;
}
