/**
 * Repository interfaces. Everything above the store talks to these; nothing here leaks an
 * engine's types, so a PostgreSQL adapter can implement the same set.
 */
import type {
  Alert,
  Change,
  GroupingFeedback,
  Incident,
  IncidentStatus,
  LogRecord,
  MetricPoint,
  ServiceEdge,
  Severity,
  SpanRecord,
  TimelineEntry,
} from '../core/records.js';
import type { Scope } from '../core/access.js';
import type { CatalogEntry, Postmortem, Problem } from '../core/incident-api.js';
import type { Decision, Factor, Finding, FindingHistoryEntry, FindingStatus, IntelFileStatus, IntelStatus, LearnedWeight, Priority, ScanSummary, VulnSeverity } from '../core/findings-api.js';
import type { Delivery, EscalationState, NotifyConfigKind, NotifyConfigRecord } from '../core/notify-api.js';
import type { StoredReport, StoredReportSummary } from '../core/report-api.js';
import type { MapSpan } from '../core/service-map-api.js';
import type { Execution, ExecutionStatus, RunbookOffer, RunbookVersion, StepRecordView } from '../core/runbook-api.js';
import type { AuditEntry, Silence } from '../core/silence-api.js';
import type { SpanOutcome, TemplateCount } from '../core/window-outcomes.js';

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

export interface InsertSpansOptions {
  /**
   * The body of the request the spans came in. The store keeps its digest, and a batch whose
   * body's digest is already stored is not stored again: a client retrying an export it thinks
   * failed resends the same bytes.
   */
  batchBody?: Uint8Array;
}

export interface TelemetryRepository {
  insertMetricPoints(points: readonly MetricPoint[]): void;
  /**
   * Stores the spans in one transaction; false (nothing stored) when `batchBody` is the body
   * of a batch already stored. Spans are not unique by id otherwise: readers of one trace show a
   * span sent twice in two batches once.
   */
  insertSpans(spans: readonly SpanRecord[], options?: InsertSpansOptions): boolean;
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
  /** Only alerts a silence mutes (true) or none mutes (false). */
  silenced?: boolean;
  flapping?: boolean;
  incidentId?: string;
  limit?: number;
}

export interface AlertRepository {
  save(alert: Alert): void;
  /**
   * Saves a repeat: a newer state of a saved alert with the same fingerprint, status, incident,
   * correlation, silenced-ness and flapping-ness (only its activity moved: count, last seen,
   * deliveries, summary, severity, evidence). Durable like save(); get() and byFingerprint() return it at
   * once; an engine may apply it to its list order later but before list() answers.
   */
  saveRepeat(alert: Alert): void;
  get(id: string): Alert | undefined;
  /** The current alert of a fingerprint: the firing one if any, else the most recently seen. */
  byFingerprint(fingerprint: string): Alert | undefined;
  list(filter?: AlertFilter): Alert[];
}

export interface IncidentFilter {
  status?: IncidentStatus[];
  /** Incidents that overlap the range: started by its end, and open or resolved at or after its start. */
  overlapping?: TimeRange;
  /** Continue after this incident (newest-first order): the last one of the previous page. */
  after?: IncidentCursor;
  limit?: number;
}

/** Position in the newest-first incident order. */
export interface IncidentCursor {
  startedMs: number;
  id: string;
}

export interface IncidentRepository {
  save(incident: Incident): void;
  /**
   * What repeats and resolves of an incident's own alerts change in it, without reading it:
   * updatedMs raised to at least `updatedMs`, severity to at least `severity` (SeveritySchema
   * order). Nothing else moves, so a desk can apply a batch's activity without parsing and
   * rewriting each record in JavaScript. Unknown ids are ignored.
   */
  noteActivity(id: string, activity: { updatedMs: number; severity: Severity }): void;
  /**
   * New alerts joined the incident: `alertIds` (alerts just created, which it cannot hold yet)
   * appended in order, the `services` it lacks appended in order, startedMs lowered to at most
   * `startedMs`, and updatedMs and severity raised as by noteActivity. The same record as
   * saving it with those unions, without the caller reading it (validated, for every alert of
   * an incident that lists thousands). Unknown ids are ignored.
   */
  addAlerts(id: string, added: { alertIds: readonly string[]; services: readonly string[]; startedMs: number; updatedMs: number; severity: Severity }): void;
  get(id: string): Incident | undefined;
  /** Newest first by startedMs, then id. */
  list(filter?: IncidentFilter): Incident[];
  appendTimeline(entry: TimelineEntry): void;
  timeline(incidentId: string): TimelineEntry[];
}

/** Problems and which incidents are linked to them; an incident belongs to at most one problem. */
export interface ProblemRepository {
  /** Saves the problem's own fields; its incidentIds are ignored (links are kept apart). */
  save(problem: Problem): void;
  get(id: string): Problem | undefined;
  /** Newest first by creation. */
  list(filter?: { status?: Problem['status'][]; limit?: number }): Problem[];
  /** Links the incident to the problem, moving it from any other problem. */
  link(problemId: string, incidentId: string, linkedMs: number): void;
  /** Returns whether the incident was linked to the problem. */
  unlink(problemId: string, incidentId: string): boolean;
  /** The problem an incident is linked to. */
  ofIncident(incidentId: string): Problem | undefined;
}

/** One postmortem per incident. */
export interface PostmortemRepository {
  save(postmortem: Postmortem): void;
  get(incidentId: string): Postmortem | undefined;
  /** Which of these incidents have a postmortem. */
  existing(incidentIds: readonly string[]): Set<string>;
}

/** What people say about services (owner, tier, runbooks …), keyed by service name. */
export interface CatalogRepository {
  save(service: string, entry: CatalogEntry, updatedMs: number): void;
  get(service: string): { entry: CatalogEntry; updatedMs: number } | undefined;
  all(): Map<string, { entry: CatalogEntry; updatedMs: number }>;
}

export interface ChangeRepository {
  save(change: Change): void;
  list(filter: { range: TimeRange; service?: string }): Change[];
}

/** What the loop derives from spans and keeps: RED series points and new or refreshed edges. */
export interface AnalysisWrite {
  points: readonly MetricPoint[];
  edges: readonly ServiceEdge[];
}

/** One request's spans and who reported them: what a span writer stores in one transaction. */
export interface SpanBatchWrite extends InsertSpansOptions {
  spans: readonly SpanRecord[];
  services: readonly ServiceInfo[];
  instances: readonly InstanceInfo[];
}

/**
 * Stores span batches on a thread of its own. `write` resolves once the batch is committed
 * (true), or already stored under the same digest (false: a resend); it rejects when the
 * batch could not be stored. Batches are committed in the order they were written.
 */
export interface SpanWriter {
  write(batch: SpanBatchWrite): Promise<boolean>;
  /**
   * Stores what analysis derived from spans (RED points, new call edges) on the same thread,
   * after the batches written before it, so the main thread neither writes nor waits for the
   * thread's write lock. Resolves once committed.
   */
  writeAnalysis(batch: AnalysisWrite): Promise<void>;
  /** Batches written and not yet settled. */
  readonly queued: number;
  /** Settles every batch written so far, then stops the thread. */
  close(): Promise<void>;
}

export interface ServiceInfo {
  name: string;
  lastSeenMs: number;
}

/** One instance of a service and the host it last ran on. */
export interface InstanceInfo {
  service: string;
  instance: string;
  host?: string;
  lastSeenMs: number;
}

export interface TopologyRepository {
  saveEdges(edges: readonly ServiceEdge[]): void;
  edges(): ServiceEdge[];
  touchServices(services: ReadonlyArray<ServiceInfo>): void;
  services(): ServiceInfo[];
  /** Upserts by (service, instance): lastSeenMs only moves forward, a known host is kept when a record names none. */
  touchInstances(instances: ReadonlyArray<InstanceInfo>): void;
  /** Sorted by service, then instance. */
  instances(): InstanceInfo[];
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
  /** The state saved under (kind, key), if any. */
  load(kind: string, key: string): string | undefined;
  /** Forgets the entries of `kind` last updated before `updatedMs`; returns how many. */
  deleteBefore(kind: string, updatedMs: number): number;
}

/** Silences and maintenance windows (docs/alerts.md). */
export interface SilenceRepository {
  /** Inserts or replaces by id. */
  save(silence: Silence): void;
  get(id: string): Silence | undefined;
  /** Silences that end after `nowMs` (active or pending), oldest first. */
  unexpired(nowMs: number): Silence[];
  /** All silences, the newest created first. */
  list(limit: number): Silence[];
}

export interface AuditFilter {
  subjectKind?: string;
  subjectId?: string;
  actor?: string;
  /** An action, or a prefix of whole dotted parts ("incident" matches "incident.acknowledge"). */
  action?: string;
  fromMs?: number;
  /** Exclusive. */
  toMs?: number;
  /** Only entries with a smaller id: the paging cursor. */
  beforeId?: number;
  limit?: number;
}

/** Who did what to which record, when: append-only (the table refuses UPDATE and DELETE). */
export interface AuditRepository {
  append(entry: Omit<AuditEntry, 'id'>): AuditEntry;
  /** Newest first. */
  list(filter?: AuditFilter): AuditEntry[];
}

/** One refinement of a log template: the text before and after, at the event time of the log that caused it. */
export interface LogTemplateChange {
  timeMs: number;
  from: string;
  to: string;
}

/** What one ingest batch adds to a log template's row. */
export interface LogTemplateUpdate {
  service: string;
  templateId: string;
  /** The template's text after the batch. */
  template: string;
  firstSeenMs: number;
  lastSeenMs: number;
  /** Logs of this template in the batch. */
  count: number;
  maxSeverity: number;
  /** Refinements in the batch, oldest first. */
  changes: LogTemplateChange[];
}

/** A log template's stored summary: counts since it was first seen within retention. */
export interface LogTemplateRow {
  service: string;
  templateId: string;
  template: string;
  firstSeenMs: number;
  lastSeenMs: number;
  count: number;
  maxSeverity: number;
  /** The last refinements, oldest first. */
  changes: LogTemplateChange[];
}

/** Position after the last log of a page: logs are ordered by time, then id, newest first. */
export interface LogCursor {
  timeMs: number;
  id: number;
}

export interface LogSearchQuery {
  service?: string;
  /** Logs of any of these services (an incident's); with `service`, both must hold. */
  services?: readonly string[];
  templateId?: string;
  traceId?: string;
  /** Lowest severity number kept (OTLP: 9 INFO, 13 WARN, 17 ERROR, 21 FATAL). */
  minSeverity?: number;
  fromMs?: number;
  toMs?: number;
  /** Full-text query over bodies, in the engine's syntax (SQLite: FTS5). */
  text?: string;
  limit: number;
  /** Continue after this position (the previous page's `next`). */
  after?: LogCursor;
}

/** A stretch of a log body; `match` marks the words the text query hit. */
export interface SnippetPart {
  text: string;
  match: boolean;
}

export interface LogHit extends LogRecord {
  /** Unique per stored log; with timeMs it makes the page cursor. */
  id: number;
  /** Only with a text query: the best-matching stretch of the body, matches marked. */
  snippet?: SnippetPart[];
}

export interface LogSearchPage {
  logs: LogHit[];
  /** Present when more logs match: pass it as `after` for the next page. */
  next?: LogCursor;
}

/** Log search and log templates; log rows themselves are written through TelemetryRepository. */
export interface LogRepository {
  /** Adds each update to its template's row, creating it; keeps the last few changes. */
  recordTemplates(updates: readonly LogTemplateUpdate[]): void;
  /** Most frequent first. */
  templates(filter: { service?: string; templateId?: string; minSeverity?: number; limit: number }): LogTemplateRow[];
  /** Logs of one template per bucket of `bucketMs` from `fromMs`, `buckets` counts. */
  templateCounts(template: { service: string; templateId: string }, window: { fromMs: number; bucketMs: number; buckets: number }): number[];
  /** Newest first. Throws LogQueryError when `text` is not a valid query. */
  search(query: LogSearchQuery): LogSearchPage;
}

/** Position after the last span a trace search read: spans are ordered by start, then id, newest first. */
export interface SpanCursor {
  timeMs: number;
  id: number;
}

/**
 * Traces with at least one span matching every filter given (the span-level semantics of
 * Jaeger's search), newest first by the start of their newest matching span.
 */
export interface TraceSearchQuery {
  service?: string;
  /** The span's service is any of these; with `service`, both must hold. */
  services?: readonly string[];
  /** Span name. */
  operation?: string;
  /** 'error': the span failed; 'ok': it did not (status ok or unset). */
  status?: 'ok' | 'error';
  minDurationMs?: number;
  maxDurationMs?: number;
  /** Span start, both ends included. */
  fromMs?: number;
  toMs?: number;
  limit: number;
  after?: SpanCursor;
}

/** One trace at a glance, from all of its stored spans. */
export interface TraceSummary {
  traceId: string;
  /** The span with no parent (the earliest such), or the earliest span when the root is missing. */
  rootService: string;
  rootOperation: string;
  startMs: number;
  /** From the first span's start to the last span's end. */
  durationMs: number;
  spanCount: number;
  errorCount: number;
  /** Sorted. */
  services: string[];
}

export interface TraceSearchPage {
  traces: TraceSummary[];
  /** Present when more traces match: pass it as `after` for the next page. */
  next?: SpanCursor;
}

/** Trace search and summaries; span rows themselves are written and read through TelemetryRepository. */
export interface TraceRepository {
  search(query: TraceSearchQuery): TraceSearchPage;
  /** Summaries of the traces with these ids that have spans, in no particular order. */
  summaries(traceIds: readonly string[]): TraceSummary[];
}

/** One series with its points over a window and the history before it, oldest first. */
export interface WindowSeries extends SeriesInfo {
  points: Array<{ timeMs: number; value: number }>;
}

/**
 * Bounded reads over one time window, for root-cause analysis of any window (src/app/rca):
 * each is one query, whatever the number of services.
 */
export interface WindowRepository {
  /** Series with a point in `range`, with their points from `historyFromMs` to `range.toMs`. */
  seriesIn(range: TimeRange, historyFromMs: number): WindowSeries[];
  spanCount(range: TimeRange): number;
  /**
   * Spans summed per service, instance and callee. `traceShare` in (0, 1] keeps about that
   * share of the traces, whole (in sixteenths), so a busy window costs what a quiet one does.
   */
  spanOutcomes(range: TimeRange, traceShare?: number): SpanOutcome[];
  /** Logs at or above `minSeverity` per service, instance and template. */
  templateCounts(range: TimeRange, minSeverity: number): TemplateCount[];
  /** Alerts active at some time in `range`, at most `limit`, the most recently seen first. */
  alertsOverlapping(range: TimeRange, limit: number): Alert[];
}

/** Spans of a window for the service map (src/observe/traces/service-map.ts). */
export interface ServiceMapRepository {
  /** The window's spans, newest first, at most `limit`; `truncated` when it held more. */
  mapSpans(range: TimeRange, limit: number): { spans: MapSpan[]; truncated: boolean };
}

/** What notifications remember of an incident: its last seen state and when each rule last sent about it. */
export interface NotifiedIncident {
  status: IncidentStatus;
  severity: Alert['severity'];
  alertCount: number;
  /** Rule id → wall-clock ms of its last message about this incident. */
  lastSentMs: Record<string, number>;
}

/**
 * Notifications and on-call: configuration records (channels, rules, policies, users,
 * schedules) by kind and id, the delivery log, what was last notified per incident, and
 * escalation state (durable, so a restart resumes escalations).
 */
export interface NotifyRepository {
  put<K extends NotifyConfigKind>(kind: K, record: NotifyConfigRecord<K>): void;
  get<K extends NotifyConfigKind>(kind: K, id: string): NotifyConfigRecord<K> | undefined;
  /** By id. */
  list<K extends NotifyConfigKind>(kind: K): Array<NotifyConfigRecord<K>>;
  /** Whether a record was there to delete. */
  delete(kind: NotifyConfigKind, id: string): boolean;
  recordDelivery(delivery: Omit<Delivery, 'id'>): Delivery;
  /** Newest first; `range` keeps those made in [fromMs, toMs). */
  deliveries(filter: { incidentId?: string; range?: TimeRange; limit: number }): Delivery[];
  notified(incidentId: string): NotifiedIncident | undefined;
  saveNotified(incidentId: string, state: NotifiedIncident): void;
  /** Inserts or replaces by (incidentId, policyId). */
  saveEscalation(state: EscalationState): void;
  escalations(filter: { incidentId?: string; status?: EscalationState['status'] }): EscalationState[];
}

/** An API token as stored: its secret only as a SHA-256 digest, never the value. */
export interface ApiTokenRecord {
  id: string;
  name: string;
  /** The user it acts for (its scopes are cut to that user's role); absent for an integration key. */
  ownerId?: string;
  scopes: Scope[];
  /** The first characters of the secret, to tell tokens apart in lists. */
  prefix: string;
  createdMs: number;
  createdBy: string;
  expiresMs?: number;
  lastUsedMs?: number;
  revokedMs?: number;
}

export interface SessionRecord {
  userId: string;
  createdMs: number;
  expiresMs: number;
  /** Sent back in X-CSRF-Token on every cookie-authenticated mutation. */
  csrfToken: string;
  address: string;
}

/** Consecutive failed logins for one login name, for lockout with backoff. */
export interface LoginFailures {
  failures: number;
  lastMs: number;
  lockedUntilMs: number;
}

/**
 * Access control (docs/access.md): password hashes, API tokens, sessions, failed logins and
 * the one-time setup link. Users and teams are records of NotifyRepository.
 */
export interface AccessRepository {
  passwordHash(userId: string): string | undefined;
  setPasswordHash(userId: string, hash: string, nowMs: number): void;
  deletePassword(userId: string): void;
  saveToken(token: ApiTokenRecord, secretHash: string): void;
  tokenBySecretHash(secretHash: string): ApiTokenRecord | undefined;
  token(id: string): ApiTokenRecord | undefined;
  /** Newest first. */
  tokens(filter?: { ownerId?: string }): ApiTokenRecord[];
  /** Whether a live token was revoked. */
  revokeToken(id: string, nowMs: number): boolean;
  touchToken(id: string, nowMs: number): void;
  saveSession(secretHash: string, session: SessionRecord): void;
  session(secretHash: string): SessionRecord | undefined;
  deleteSession(secretHash: string): void;
  /** Ends every session of a user (password change, role change, removal). */
  deleteSessionsOf(userId: string): number;
  deleteExpiredSessions(nowMs: number): number;
  loginFailures(login: string): LoginFailures | undefined;
  saveLoginFailures(login: string, state: LoginFailures): void;
  clearLoginFailures(login: string): void;
  saveSetupLink(secretHash: string, expiresMs: number): void;
  /** Uses the link: true once, when it exists and has not expired; every link is gone after. */
  takeSetupLink(secretHash: string, nowMs: number): boolean;
}

/** Operators' merge and split corrections, kept as training examples for correlation. */
export interface GroupingFeedbackRepository {
  add(examples: readonly GroupingFeedback[]): void;
  /** Oldest first. */
  list(): GroupingFeedback[];
}

/** Stored continuous-improvement reports (the weekly ones), each with its whole report. */
export interface ReportRepository {
  /** Inserts or replaces by id. */
  save(report: StoredReport): void;
  get(id: string): StoredReport | undefined;
  /** Newest period first, without the report bodies. */
  list(limit: number): StoredReportSummary[];
  /** The stored report of `kind` with the latest period end. */
  latest(kind: StoredReport['kind']): StoredReportSummary | undefined;
}

/** A finding as stored: its record and, once prioritised, its priority. */
export interface StoredFinding {
  finding: Finding;
  priority?: Priority;
}

/** Position in the highest-score-first finding order. */
export interface FindingCursor {
  score: number;
  id: string;
}

export interface FindingFilter {
  statuses?: readonly FindingStatus[];
  severities?: readonly VulnSeverity[];
  decisions?: readonly Decision[];
  service?: string;
  team?: string;
  /** Only findings these teams own, or no team owns (team scoping); absent: all. */
  visibleToTeams?: readonly string[];
  kev?: boolean;
  fixable?: boolean;
  /** Case-insensitive substring of the vulnerability id, aliases, package or target. */
  text?: string;
  after?: FindingCursor;
  limit?: number;
}

/** Security findings (docs/findings.md): scans, findings, their history, feedback and learned weights, KEV and EPSS. */
export interface FindingsRepository {
  /** The scan and the observations it was parsed into, kept whole. */
  saveScan(scan: ScanSummary, observations: unknown): void;
  /** Newest first. */
  scansOf(target: string, limit: number): ScanSummary[];
  /** Every finding of a target, whatever its status, oldest first. */
  ofTarget(target: string): Finding[];
  /** Inserts or replaces by id; keeps the stored priority when `priority` is absent. */
  save(finding: Finding, priority?: Priority): void;
  get(id: string): StoredFinding | undefined;
  /** Highest score first, then id. */
  list(filter?: FindingFilter): StoredFinding[];
  appendHistory(findingId: string, entries: readonly FindingHistoryEntry[]): void;
  /** Oldest first. */
  history(findingId: string): FindingHistoryEntry[];
  /** Every transition of every finding, oldest first, for burn-down series. */
  allHistory(): Array<FindingHistoryEntry & { findingId: string }>;
  addFeedback(entry: { findingId: string; team: string; factor: Factor; verdict: string; note?: string; by: string; timeMs: number }): void;
  weights(): LearnedWeight[];
  saveWeight(weight: LearnedWeight, updatedMs: number): void;
  /** Replaces the whole KEV catalogue. */
  replaceKev(entries: ReadonlyArray<{ cve: string; record: string }>, status: IntelFileStatus): void;
  /** The stored KEV entry (JSON) of a CVE. */
  kev(cve: string): string | undefined;
  /** Replaces every EPSS score. */
  replaceEpss(scores: ReadonlyArray<{ cve: string; probability: number; percentile: number }>, status: IntelFileStatus): void;
  epss(cve: string): { probability: number; percentile: number } | undefined;
  intelStatus(): IntelStatus;
}

/** A runbook saved through the API: its current version and whether it may run. */
export interface StoredRunbook {
  id: string;
  version: number;
  enabled: boolean;
  updatedMs: number;
  updatedBy: string;
  /** The current version's YAML. */
  source: string;
}

export interface ExecutionFilter {
  runbookId?: string;
  incidentId?: string;
  statuses?: readonly ExecutionStatus[];
  dryRun?: boolean;
  /** Created at or after. */
  fromMs?: number;
  limit?: number;
}

/** An execution as stored: the record shown (inputs redacted) and the inputs templates need. */
export interface StoredExecution {
  execution: Omit<Execution, 'steps'>;
  inputs: Record<string, string | number | boolean>;
}

/** Runbooks saved through the API (versioned), executions with their step records, offers and runbook state. */
export interface RunbookRepository {
  /** Saves `source` as the next version (1 for a new runbook) and returns it. */
  saveVersion(id: string, source: string, atMs: number, by: string): StoredRunbook;
  get(id: string): StoredRunbook | undefined;
  list(): StoredRunbook[];
  /** Newest first. */
  versions(id: string): RunbookVersion[];
  versionSource(id: string, version: number): string | undefined;
  setEnabled(id: string, enabled: boolean, atMs: number, by: string): StoredRunbook | undefined;
  /** Deletes the runbook and its versions; its executions stay. */
  delete(id: string): boolean;

  /** Inserts or replaces the execution (not its step records). */
  saveExecution(stored: StoredExecution): void;
  appendStep(executionId: string, record: StepRecordView): void;
  getExecution(id: string): StoredExecution | undefined;
  steps(executionId: string): StepRecordView[];
  /** Newest first. */
  executions(filter?: ExecutionFilter): Array<StoredExecution['execution']>;

  /** False when the runbook was already offered for the incident. */
  saveOffer(offer: RunbookOffer): boolean;
  updateOffer(offer: RunbookOffer): void;
  offers(incidentId: string): RunbookOffer[];

  state(key: string): string | undefined;
  setState(key: string, value: string): void;
}

export interface Store {
  readonly telemetry: TelemetryRepository;
  readonly serviceMap: ServiceMapRepository;
  readonly windows: WindowRepository;
  readonly logs: LogRepository;
  readonly traces: TraceRepository;
  readonly alerts: AlertRepository;
  readonly incidents: IncidentRepository;
  readonly problems: ProblemRepository;
  readonly postmortems: PostmortemRepository;
  readonly catalog: CatalogRepository;
  readonly changes: ChangeRepository;
  readonly topology: TopologyRepository;
  readonly modelState: ModelStateRepository;
  readonly notify: NotifyRepository;
  readonly silences: SilenceRepository;
  readonly audit: AuditRepository;
  readonly groupingFeedback: GroupingFeedbackRepository;
  readonly access: AccessRepository;
  readonly reports: ReportRepository;
  readonly findings: FindingsRepository;
  readonly runbooks: RunbookRepository;
  /**
   * Where span batches are written off the main thread, when this store has such a writer
   * (a file-backed SQLite store opened with `spanWriterThread`); absent, spans are written
   * in line through `telemetry.insertSpans`.
   */
  readonly spanWriter?: SpanWriter;
  /** Runs `work` atomically: all of its writes land, or none. */
  transaction<T>(work: () => T): T;
  /** Answers whether the engine is reachable and migrated. */
  ready(): boolean;
  close(): void;
}
