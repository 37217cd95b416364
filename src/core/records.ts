/**
 * The core records that flow around the loop (see docs/architecture.md).
 * Records that cross the API are zod schemas (server, CLI and web share them); the rest are
 * plain types. Pure: no I/O.
 * All times are event time in epoch milliseconds.
 */

import { z } from 'zod';

export type AttributeValue = string | number | boolean;
export type Attributes = Record<string, AttributeValue>;
export type Labels = Record<string, string>;

/** The entity a record belongs to: a service and, where known, one instance (pod, host, process). */
export interface EntityRef {
  service: string;
  instance?: string;
  /** The machine it runs on: resource k8s.node.name, else host.name. Not stored per record: the store keeps it per instance. */
  host?: string;
}

/** One point of one series. Counters arrive here already turned into per-second rates. */
export interface MetricPoint extends EntityRef {
  name: string;
  /** Sorted label set, without service/instance (they are fields of their own). */
  labels: Labels;
  timeMs: number;
  value: number;
  unit?: string;
}

export type SpanKind = 'internal' | 'server' | 'client' | 'producer' | 'consumer';
export type SpanStatus = 'unset' | 'ok' | 'error';

/**
 * A span as ingest produces it. Records from OTLP carry every field, an absent optional one as
 * undefined (one object shape for all of them, spans-to-records.ts); test a field's value, not
 * whether it is present.
 */
export interface SpanRecord extends EntityRef {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: SpanKind;
  startMs: number;
  /** Milliseconds, fractional. */
  durationMs: number;
  status: SpanStatus;
  statusMessage?: string;
  /**
   * The remote side of a client/producer span when it is known from semantic-convention
   * attributes (peer.service, db.system + server.address, messaging.destination.name …),
   * so uninstrumented databases and queues still appear in the service graph.
   */
  peerService?: string;
  /**
   * All of them, except on spans the OTLP receiver hands the loop: those that arrived as
   * protobuf carry only what analysis reads (Loop.spanAttributesRead), the rest being in `encoded`.
   */
  attributes: Attributes;
  /**
   * The span's OTLP/protobuf Span message, when it arrived as protobuf (a view into the request
   * body). The store keeps these bytes as they are instead of re-encoding `attributes`, and
   * decodes them again when a trace is read; spans read back from the store do not carry it.
   */
  encoded?: Uint8Array;
}

export interface LogRecord extends EntityRef {
  timeMs: number;
  severityNumber: number;
  severityText: string;
  body: string;
  traceId?: string;
  spanId?: string;
  attributes: Attributes;
  /** The service's log template this body belongs to; set at ingest, absent for blank bodies. */
  templateId?: string;
}

/** How mining a log changed its template: a new one, an existing one as is, or one widened. */
export type TemplateChangeKind = 'created' | 'matched' | 'refined';

/** One log after template mining: what log signals (new templates, bursts) consume. */
export interface MinedLog {
  service: string;
  templateId: string;
  /** The template after this log, `<*>` for each parameter. */
  template: string;
  change: TemplateChangeKind;
  severityNumber: number;
  timeMs: number;
  /**
   * With change 'created': the position of this log in its service's miner (lines mined before
   * it + 1). The miner snapshot keeps it across restarts, so log signals can tell a warmed-up
   * miner's new template from a cold start's.
   */
  minerLine?: number;
}

export const SeveritySchema = z.enum(['info', 'warning', 'error', 'critical']);
export type Severity = z.infer<typeof SeveritySchema>;
export const SEVERITIES: readonly Severity[] = SeveritySchema.options;

export const DirectionSchema = z.enum(['up', 'down']);
export type Direction = z.infer<typeof DirectionSchema>;

const LabelsSchema = z.record(z.string(), z.string());

/** Why a detector called a point anomalous: enough to draw the chart and write the sentence. */
export const AnomalyEvidenceSchema = z.object({
  series: z.string().describe('Series key, e.g. opsloop.service.error_ratio{service="cart"}'),
  metric: z.string(),
  value: z.number(),
  expected: z.number(),
  score: z.number().describe('Deviation of the peak from expected, in robust scales (|z|)'),
  anomalyScore: z.number().min(0).max(1).optional().describe("Detector's anomaly score of the peak, 0-1"),
  direction: DirectionSchema,
});
export type AnomalyEvidence = z.infer<typeof AnomalyEvidenceSchema>;

/** A stored log line shown as evidence. */
export const LogSampleSchema = z.object({
  id: z.number().int().describe('Stored log id (GET /api/v1/logs)'),
  timeMs: z.number(),
  severityText: z.string(),
  body: z.string().describe('The body, cut to 1,000 characters'),
  templateId: z.string().optional(),
});
export type LogSample = z.infer<typeof LogSampleSchema>;

/** The log lines behind a log signal (src/observe/logs/signals): which templates, where to find them, a few samples. */
export const LogEvidenceSchema = z.object({
  service: z.string(),
  templates: z
    .array(z.object({ templateId: z.string(), template: z.string(), count: z.number().int().describe('Lines of it in the window') }))
    .describe('The templates the signal is about, most lines first'),
  fromMs: z.number(),
  toMs: z.number().optional().describe('Absent: up to now'),
  minSeverity: z.number().int().optional().describe('OTLP severity floor of the lines (17: ERROR and above)'),
  query: z.string().describe('GET /api/v1/logs path and query listing these lines'),
  samples: z.array(LogSampleSchema).describe('A few of the lines, newest first'),
});
export type LogEvidence = z.infer<typeof LogEvidenceSchema>;

export const TraceAnomalyKindSchema = z.enum(['latency_outliers', 'new_error_type', 'new_call', 'fan_out_change']);
export type TraceAnomalyKind = z.infer<typeof TraceAnomalyKindSchema>;

/** One span that shows a trace anomaly; the UI opens its trace at #/traces/{traceId}?span={spanId}. */
export const TraceExemplarSchema = z.object({
  traceId: z.string(),
  spanId: z.string(),
  durationMs: z.number().optional().describe('Absent for the parent span of a call pattern (its duration is not kept)'),
  calls: z.number().int().optional().describe('fan_out_change: calls this parent span made to the callee'),
  instance: z.string().optional(),
});
export type TraceExemplar = z.infer<typeof TraceExemplarSchema>;

/** The spans behind a trace anomaly (src/observe/traces/anomalies): which operation, what changed, example traces. */
export const TraceEvidenceSchema = z.object({
  kind: TraceAnomalyKindSchema,
  service: z.string(),
  operation: z.string().describe('The span name'),
  spanKind: z.enum(['internal', 'server', 'client', 'producer', 'consumer']),
  callee: z.string().optional().describe('new_call, fan_out_change: the called service and operation'),
  errorType: z.string().optional().describe('new_error_type: exception.type, error.type, status code or status message'),
  observed: z.number().describe('latency: share of spans past the usual p99; fan-out: calls per parent span; new error or call: spans hit'),
  usual: z.number().describe('latency: the usual share; fan-out: the usual calls per parent span; 0 for new ones'),
  threshold: z.number().optional().describe("latency_outliers: the operation's usual p99 in ms"),
  spans: z.number().int().describe('Spans (parent spans for call patterns) in the window judged'),
  strength: z.number().min(0).max(1),
  exemplars: z.array(TraceExemplarSchema).describe('Offending spans, worst first'),
});
export type TraceEvidence = z.infer<typeof TraceEvidenceSchema>;

/**
 * Something notable: an anomaly, an external alert, an event. Signals carry a fingerprint;
 * engage/alerts folds signals with one fingerprint into one stateful alert.
 */
export interface Signal extends Partial<EntityRef> {
  kind: 'anomaly' | 'alert' | 'event';
  source: string;
  fingerprint: string;
  name: string;
  status: 'firing' | 'resolved';
  severity: Severity;
  timeMs: number;
  summary: string;
  labels: Labels;
  evidence?: AnomalyEvidence;
  /** Log signals: the lines behind it. */
  logs?: LogEvidence;
  /** Trace anomalies: the operation and example traces behind it. */
  traces?: TraceEvidence;
  /**
   * Set only on signals opsloop makes itself when time passes (auto-resolve, a silence that
   * expired, flapping that settled): why. They change an alert's state but are not deliveries,
   * so they are not counted and not kept in its history.
   */
  reevaluation?: string;
}

/** One delivery as the alert's history keeps it: enough to spot a duplicate and to measure flapping. */
export const DeliverySchema = z.object({ timeMs: z.number(), status: z.enum(['firing', 'resolved']) });
export type Delivery = z.infer<typeof DeliverySchema>;

export const FeaturesSchema = z
  .object({
    time: z.number().describe("Time proximity 0-1: halves every 0.75 window between the incident's last new alert and this one"),
    topology: z.number().describe('1 same service, 1/2 one hop, 1/3 two hops in the service graph, 0 out of reach'),
    labels: z.number().describe('Weighted Jaccard similarity of the stable label pairs, 0-1'),
    text: z.number().describe('TF-IDF cosine similarity of names and summaries (numbers and ids masked), 0-1'),
  })
  .describe('The features of one grouping decision (docs/correlation.md)');

export const CorrelationCandidateSchema = z.object({
  incidentId: z.string(),
  score: z.number(),
  features: FeaturesSchema,
});
export type CorrelationCandidate = z.infer<typeof CorrelationCandidateSchema>;

/** Why an alert is in its incident: the grouping decision, its score and the words for it. */
export const CorrelationSchema = z.object({
  incidentId: z.string(),
  outcome: z.enum(['joined', 'opened', 'merged', 'split']).describe('joined an open incident, opened a new one, or moved by an operator'),
  score: z.number().describe('Grouping score 0-1 of the incident joined, or of the best candidate when one was opened (0: none)'),
  threshold: z.number(),
  reason: z.string().describe('e.g. "joined: checkout→payment path, 40 s apart, text similarity 0.82, score 0.91"'),
  features: FeaturesSchema,
  rule: z.string().optional().describe('The configured rule that forced or vetoed the join'),
  candidates: z.array(CorrelationCandidateSchema).describe('The best-scoring open incidents considered, best first (at most 3)'),
});
export type Correlation = z.infer<typeof CorrelationSchema>;

/**
 * An operator's correction as training data: the features of one grouping decision and what
 * it should have been (a merge says "should have joined", a split "should not have").
 */
export const GroupingFeedbackSchema = z.object({
  timeMs: z.number().describe('When the operator acted (wall clock)'),
  action: z.enum(['merge', 'split']),
  alertId: z.string(),
  incidentId: z.string().describe('The incident the decision was about'),
  features: FeaturesSchema,
  joined: z.boolean().describe('The correct outcome: should the alert have joined that incident?'),
  by: z.string(),
});
export type GroupingFeedback = z.infer<typeof GroupingFeedbackSchema>;

export const AlertSchema = z.object({
  id: z.string(),
  fingerprint: z.string(),
  source: z.string(),
  name: z.string(),
  service: z.string().optional(),
  instance: z.string().optional(),
  status: z.enum(['firing', 'resolved']),
  severity: SeveritySchema,
  summary: z.string(),
  labels: LabelsSchema,
  startsMs: z.number(),
  lastSeenMs: z.number(),
  endsMs: z.number().optional(),
  count: z.number().int(),
  incidentId: z.string().optional(),
  correlation: CorrelationSchema.optional().describe('Why the alert is in its incident (absent for alerts stored before correlation explained itself)'),
  evidence: AnomalyEvidenceSchema.optional(),
  logs: LogEvidenceSchema.optional().describe('Log signals: the templates and sample lines behind the alert'),
  traces: TraceEvidenceSchema.optional().describe('Trace anomalies: the operation, what changed and example traces'),
  history: z.array(DeliverySchema).optional().describe("The fingerprint's latest deliveries, oldest first (docs/alerts.md)"),
  flapping: z.boolean().optional().describe('Fires and resolves too often: held firing, one alert, until it settles'),
  flapReason: z.string().optional().describe('Why it counts as flapping, e.g. "state changed 4 times in the last 5 deliveries (weighted 100% ≥ 50%)"'),
  silencedBy: z.array(z.string()).optional().describe('Ids of the silences muting it; a silenced alert joins no incident'),
  resolution: z.string().optional().describe('Why opsloop resolved it itself (auto-resolve, flapping settled)'),
});
export type Alert = z.infer<typeof AlertSchema>;

export const IncidentStatusSchema = z.enum(['triggered', 'acknowledged', 'resolved', 'closed']);
export type IncidentStatus = z.infer<typeof IncidentStatusSchema>;

/** One ranked root-cause candidate, with the indicator that points at it and why. */
export const CauseSchema = z.object({
  service: z.string(),
  instance: z.string().optional(),
  score: z.number().min(0).max(1),
  indicator: z.string().describe('What points at this service, e.g. "error ratio up"'),
  evidence: z.string().describe('The reasoning in plain words'),
  series: z.string().optional().describe('The series behind the indicator, for charting'),
});
export type Cause = z.infer<typeof CauseSchema>;

/** P1 is the most urgent. Severity says how bad it is; priority, set by people, how soon to act. */
export const PrioritySchema = z.enum(['P1', 'P2', 'P3', 'P4', 'P5']);
export type Priority = z.infer<typeof PrioritySchema>;

export const IncidentSchema = z.object({
  id: z.string(),
  title: z.string(),
  titleSetBy: z.string().optional().describe('Who gave the incident its title; once a person has, root-cause analysis no longer retitles it'),
  status: IncidentStatusSchema,
  severity: SeveritySchema,
  priority: PrioritySchema.optional(),
  assignee: z.string().optional(),
  team: z.string().optional(),
  services: z.array(z.string()),
  startedMs: z.number(),
  updatedMs: z.number(),
  acknowledgedMs: z.number().optional(),
  resolvedMs: z.number().optional(),
  closedMs: z.number().optional(),
  resolution: z.string().optional().describe('How it was resolved, in the words of whoever resolved it'),
  alertIds: z.array(z.string()),
  causes: z.array(CauseSchema),
});
export type Incident = z.infer<typeof IncidentSchema>;

/**
 * What a timeline entry records. One kind per line, so a stage that adds its own (say,
 * notifications or runbook actions) adds one line here and nothing else; stored rows keep the
 * kind as text, so adding one needs no migration.
 */
export const TIMELINE_KINDS = [
  'alert',
  'alert_resolved',
  'status',
  'rca',
  'change',
  'note',
  'status_update',
  'field',
  'problem',
  'postmortem',
  'notification',
  'action',
] as const;
export const TimelineKindSchema = z.enum(TIMELINE_KINDS);
export type TimelineKind = z.infer<typeof TimelineKindSchema>;

export const TimelineEntrySchema = z.object({
  incidentId: z.string(),
  timeMs: z.number(),
  kind: TimelineKindSchema,
  message: z.string(),
  by: z.string().optional().describe('Who: a person or client for actions, absent for what opsloop did itself'),
});
export type TimelineEntry = z.infer<typeof TimelineEntrySchema>;

/** `runbook`: an action a runbook took on a service (restart, scale …), recorded by opsloop itself. */
export const ChangeKindSchema = z.enum(['deploy', 'config', 'feature_flag', 'runbook']);
export type ChangeKind = z.infer<typeof ChangeKindSchema>;

export const ChangeSchema = z.object({
  id: z.string(),
  service: z.string(),
  kind: ChangeKindSchema,
  timeMs: z.number(),
  description: z.string(),
  version: z.string().optional(),
  source: z.string(),
});
export type Change = z.infer<typeof ChangeSchema>;

/** A directed call edge of the service graph, caller → callee. */
export interface ServiceEdge {
  caller: string;
  callee: string;
  /** How the edge was seen: a span's parent in another service, or a client span's peer attributes. */
  via: 'span' | 'peer';
  lastSeenMs: number;
}
