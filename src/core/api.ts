/**
 * Shapes of the HTTP API's requests and responses that are not records themselves. Shared by
 * the server (validation + OpenAPI), the CLI and web/ (types through z.infer).
 */
import { z } from 'zod';
import { ProblemSchema } from './incident-api.js';
import { decodeLogCursor } from './log-cursor.js';
import {
  AlertSchema,
  ChangeKindSchema,
  ChangeSchema,
  DirectionSchema,
  IncidentSchema,
  SeveritySchema,
  TimelineEntrySchema,
} from './records.js';

export const IncidentListResponseSchema = z.object({
  incidents: z.array(IncidentSchema).describe('Newest first by start'),
  nextCursor: z.string().optional().describe('Present when more incidents match; pass as cursor'),
});

export const IncidentDetailResponseSchema = z.object({
  incident: IncidentSchema,
  alerts: z.array(AlertSchema),
  timeline: z.array(TimelineEntrySchema),
  problem: ProblemSchema.optional().describe('The problem the incident is linked to'),
  changes: z
    .array(ChangeSchema)
    .describe("Changes to its services or their direct neighbours from 30 min before it started until it ended, oldest first (the ones root-cause analysis weighs)"),
});
export type IncidentDetailResponse = z.infer<typeof IncidentDetailResponseSchema>;

export const AlertListResponseSchema = z.object({ alerts: z.array(AlertSchema) });

export const ServiceSummarySchema = z.object({
  name: z.string(),
  lastSeenMs: z.number(),
  callers: z.array(z.string()),
  callees: z.array(z.string()),
  openIncidents: z.number().int(),
});
export type ServiceSummary = z.infer<typeof ServiceSummarySchema>;
export const ServiceListResponseSchema = z.object({ services: z.array(ServiceSummarySchema) });

export const SeriesQuerySchema = z.object({
  key: z.string().min(1).describe('Series key as shown in evidence, e.g. opsloop.service.error_ratio{service="cart"}'),
  from: z.coerce.number().describe('Epoch ms'),
  to: z.coerce.number().describe('Epoch ms'),
});
export const SeriesResponseSchema = z.object({
  key: z.string(),
  points: z.array(z.object({ timeMs: z.number(), value: z.number() })),
});
export type SeriesResponse = z.infer<typeof SeriesResponseSchema>;

/** Generic event in: anything that can raise or clear an alert. */
export const EventInputSchema = z.object({
  name: z.string().min(1).max(200),
  status: z.enum(['firing', 'resolved']).default('firing'),
  severity: SeveritySchema.default('warning'),
  service: z.string().min(1).optional(),
  instance: z.string().optional(),
  summary: z.string().max(4000).default(''),
  labels: z.record(z.string(), z.string()).default({}),
  dedupKey: z.string().max(255).optional().describe('Events with one key are one alert; defaults to name+service+labels'),
  time: z.union([z.number(), z.iso.datetime({ offset: true })]).optional().describe('Event time, epoch ms or RFC 3339; defaults to now'),
});
export type EventInput = z.infer<typeof EventInputSchema>;

export const ChangeInputSchema = z.object({
  service: z.string().min(1),
  kind: ChangeKindSchema.default('deploy'),
  description: z.string().max(4000).default(''),
  version: z.string().max(200).optional(),
  time: z.union([z.number(), z.iso.datetime({ offset: true })]).optional(),
  source: z.string().max(200).default('api'),
});
export type ChangeInput = z.infer<typeof ChangeInputSchema>;

/**
 * What the demo can inject. error_burst is code throwing exceptions; wrong_response is a callee
 * answering 200 with bad data that its callers fail on; network_delay slows one pod's traffic.
 */
export const FaultKindSchema = z.enum([
  'latency',
  'error_burst',
  'cpu_saturation',
  'crash',
  'bad_deploy',
  'memory_leak',
  'network_delay',
  'wrong_response',
]);
export type FaultKind = z.infer<typeof FaultKindSchema>;

/**
 * What the demo's services can be told to do to get better (docs/runbooks.md "Demo"): which
 * fault kinds each ends is in src/demo/remediation.ts.
 */
export const RemediationActionSchema = z.enum(['restart', 'rollback', 'scale', 'clear-cache']);
export type RemediationAction = z.infer<typeof RemediationActionSchema>;

export const FaultSchema = z.object({
  id: z.string(),
  kind: FaultKindSchema,
  service: z.string(),
  instance: z.string().optional().describe('k8s.pod.name of the pod a pod-level fault (memory leak, network delay) hits; absent when every pod of the service is hit'),
  start: z.number().describe('Epoch ms, event time'),
  end: z.number().describe('Epoch ms, event time: when it ends by itself'),
  remediatedAt: z.number().optional().describe('Epoch ms, event time: when a remediation ended it early (its effects stop from then)'),
  remediation: RemediationActionSchema.optional().describe('The demo remediation that ended it early'),
});
export type Fault = z.infer<typeof FaultSchema>;
export const FaultListResponseSchema = z.object({ faults: z.array(FaultSchema) });

export const RemediationParamsSchema = z.object({
  service: z.string().min(1).max(200).describe('A service of the demo shop, e.g. checkout'),
  action: RemediationActionSchema,
});
export const RemediationQuerySchema = z.object({
  pod: z.string().min(1).max(200).optional().describe('restart only: restart this pod (k8s.pod.name) rather than every pod of the service'),
});

export const RemediationResultSchema = z.object({
  action: RemediationActionSchema,
  service: z.string(),
  pod: z.string().optional(),
  atMs: z.number().describe('Simulated time (epoch ms) the action took effect'),
  faultId: z.string().optional().describe('The fault active on the service at that time, if any'),
  effect: z.enum(['ended', 'relieved', 'none']).describe('What it did to that fault: ended it, relieved it for a while, or nothing'),
  message: z.string(),
});
export type RemediationResult = z.infer<typeof RemediationResultSchema>;
export const RemediationResponseSchema = z.object({ remediation: RemediationResultSchema });

export const ErrorResponseSchema = z.object({
  statusCode: z.number().int(),
  code: z.string(),
  error: z.string(),
  message: z.string(),
});

// --- HTTP API server (src/server/routes) ---------------------------------------------------

export const IncidentActionResponseSchema = z.object({ incident: IncidentSchema });

const FlagSchema = z.enum(['true', 'false']).transform((value) => value === 'true');

export const IncidentMergeBodySchema = z.object({
  into: z.string().min(1).describe('The open incident that receives the alerts; this one closes'),
  by: z.string().min(1).max(200).default('api').describe('Who acts; shown on the timeline and stored with the feedback'),
});
export const IncidentSplitBodySchema = z.object({
  alertIds: z.array(z.string().min(1)).min(1).max(10_000).describe('Alerts of this incident to move into a new incident (not all of them)'),
  by: z.string().min(1).max(200).default('api').describe('Who acts; shown on the timeline and stored with the feedback'),
});

export const AlertListQuerySchema = z.object({
  status: z.enum(['firing', 'resolved']).optional(),
  silenced: FlagSchema.optional().describe('true: only alerts a silence mutes; false: only unmuted ones'),
  flapping: FlagSchema.optional().describe('true: only flapping alerts; false: only steady ones'),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

export const SeriesInfoSchema = z.object({
  key: z.string(),
  name: z.string(),
  service: z.string(),
  instance: z.string().optional(),
  labels: z.record(z.string(), z.string()),
  lastMs: z.number(),
});
export type SeriesInfoResponse = z.infer<typeof SeriesInfoSchema>;
export const SeriesListQuerySchema = z.object({ service: z.string().min(1).optional() });
export const SeriesListResponseSchema = z.object({ series: z.array(SeriesInfoSchema) });

export const ChangeListQuerySchema = z.object({
  from: z.coerce.number().optional().describe('Epoch ms; defaults to 24 h before `to`'),
  to: z.coerce.number().optional().describe('Epoch ms; defaults to now'),
  service: z.string().min(1).optional(),
});
export const ChangeListResponseSchema = z.object({ changes: z.array(ChangeSchema) });
export const ChangeCreatedResponseSchema = z.object({ change: ChangeSchema });

/** One event or a batch of them; POST /api/v1/events. */
export const EventBatchInputSchema = z.union([EventInputSchema, z.array(EventInputSchema).min(1).max(1000)]);
export const AcceptedResponseSchema = z.object({ accepted: z.number().int().describe('Signals handed to the loop') });

export const HealthResponseSchema = z.object({ status: z.enum(['ok', 'unavailable']) });

// --- Forecasts (src/observe/metrics/forecast, GET /api/v1/series/forecast) ------------------

export const ForecastQuerySchema = SeriesQuerySchema.extend({
  horizon: z.coerce.number().int().min(1).max(10_000).describe('Points to forecast, at the step of the history'),
  confidence: z.coerce.number().gt(0).lt(1).default(0.95).describe('Central coverage of the prediction interval'),
});
export const ForecastModelKindSchema = z.enum(['holt-winters', 'holt', 'ses']);
export const ForecastResponseSchema = z.object({
  key: z.string(),
  stepMs: z.number().describe('Step of the regular grid the history was put on, and of the forecast'),
  points: z.array(z.object({ timeMs: z.number(), value: z.number(), lower: z.number(), upper: z.number() })),
  model: z.object({
    kind: ForecastModelKindSchema.describe('holt-winters: seasonal; holt: damped trend, no season; ses: level only'),
    period: z.number().int().optional().describe('Seasonal period used, in steps'),
    periodMs: z.number().optional(),
    params: z.object({ alpha: z.number(), beta: z.number(), gamma: z.number(), phi: z.number() }),
    method: z
      .string()
      .optional()
      .describe('The model rolling-origin validation chose for this series (docs/api.md "Forecast"), e.g. holt-winters, holt, ses, seasonal-naive, recent-mean, croston-sba; `kind` is its smoothing form'),
    seasonalNaivePeriod: z
      .number()
      .int()
      .optional()
      .describe('Present when the forecast is the average with the seasonal naive forecast of this period (steps), chosen because it did better on held-out history'),
    seasonalities: z
      .array(z.object({ periodPoints: z.number().int(), periodMs: z.number(), strength: z.number() }))
      .describe('Every period detected, strongest first'),
  }),
  accuracy: z.object({
    insampleMase: z.number().optional().describe('One-step in-sample MAE over the seasonal naive one; < 1 beats it'),
    residualSd: z.number(),
    validationMae: z.number().optional().describe("Mean absolute error of the chosen model over the validation origins, in the series' unit"),
  }),
});
export type ForecastResponse = z.infer<typeof ForecastResponseSchema>;

// --- Metric explorer (src/observe/metrics/score-series.ts, GET /api/v1/series/scores) -------

export const SeriesScoresQuerySchema = SeriesQuerySchema;
export const ScoredPointSchema = z.object({
  timeMs: z.number(),
  value: z.number(),
  score: z.number().optional().describe('In [0,1]: 0 as expected, 0.5 at the detector threshold, 1 certainly anomalous; absent while the model is still learning'),
  expected: z.number().optional().describe("The detector's expected value (robust baseline)"),
  lower: z.number().optional().describe('Lower edge of the normal band (expected − threshold·scale)'),
  upper: z.number().optional().describe('Upper edge of the normal band (expected + threshold·scale)'),
  anomalous: z.boolean().describe('The detector judged this point anomalous (outside the band, in a direction that matters for this metric)'),
});
export type ScoredPointResponse = z.infer<typeof ScoredPointSchema>;
export const AnomalyEpisodeSchema = z.object({
  startMs: z.number().describe('Onset: the first anomalous point of the episode'),
  endMs: z.number().optional().describe('The point that closed it; absent when still open at the last point of the window'),
  direction: DirectionSchema,
  peakScore: z.number().describe('Highest score of the episode, in [0,1]'),
  summary: z.string(),
});
export type AnomalyEpisodeResponse = z.infer<typeof AnomalyEpisodeSchema>;
export const SeriesScoresResponseSchema = z.object({
  key: z.string(),
  name: z.string().describe('Metric name taken from the key; it decides which directions count as anomalous'),
  warmUpPoints: z.number().int().describe('Points before `from` the detector learned from before the window'),
  points: z.array(ScoredPointSchema).describe('Points in [from, to], oldest first'),
  episodes: z.array(AnomalyEpisodeSchema).describe('Anomaly episodes overlapping [from, to], oldest first'),
});
export type SeriesScoresResponse = z.infer<typeof SeriesScoresResponseSchema>;

// --- Logs (src/app/logs; GET /api/v1/logs, /api/v1/log-patterns) -------------------------

/** The lowest OTLP severity number of each named range (logs data model). */
const SEVERITY_FLOORS: Readonly<Record<string, number>> = { trace: 1, debug: 5, info: 9, warn: 13, error: 17, fatal: 21 };

export const MinSeveritySchema = z
  .string()
  .transform((text, ctx) => {
    const name = text.trim().toLowerCase();
    const floor = SEVERITY_FLOORS[name] ?? (/^\d{1,2}$/.test(name) ? Number(name) : Number.NaN);
    if (floor >= 1 && floor <= 24) return floor;
    ctx.addIssue({ code: 'custom', message: `expected trace, debug, info, warn, error, fatal or a severity number 1-24, got "${text}"` });
    return z.NEVER;
  })
  .describe('Lowest severity kept: trace, debug, info, warn, error, fatal (the start of that range) or an OTLP severity number 1-24');

/** The (time, id) page cursor of log and trace search (core/log-cursor.ts). */
export const PageCursorSchema = z
  .string()
  .transform((text, ctx) => {
    const position = decodeLogCursor(text);
    if (position) return position;
    ctx.addIssue({ code: 'custom', message: 'is not a cursor returned by this API (pass nextCursor unchanged)' });
    return z.NEVER;
  })
  .describe('nextCursor of the previous page');

const TimeBoundsSchema = {
  from: z.coerce.number().int().optional().describe('Epoch ms, included'),
  to: z.coerce.number().int().optional().describe('Epoch ms, included'),
};

export const LogSearchQuerySchema = z.object({
  q: z
    .string()
    .trim()
    .min(1)
    .max(1000)
    .optional()
    .describe(
      'Full-text query over bodies in SQLite FTS5 syntax: words (all must occur), "a phrase", prefix*, OR, NOT, NEAR(a b, 5). ' +
        'Quote terms with punctuation: "10.0.0.1".',
    ),
  service: z
    .union([z.string().min(1), z.array(z.string().min(1)).min(1).max(100)])
    .optional()
    .describe('One service, or several by repeating it (service=a&service=b): logs of any of them'),
  minSeverity: MinSeveritySchema.optional(),
  templateId: z.string().min(1).max(64).optional(),
  traceId: z
    .string()
    .regex(/^[0-9a-fA-F]{32}$/, 'expected 32 hex digits')
    .transform((id) => id.toLowerCase())
    .optional(),
  ...TimeBoundsSchema,
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  cursor: PageCursorSchema.optional(),
});

const AttributeValueSchema = z.union([z.string(), z.number(), z.boolean()]);
export const SnippetPartSchema = z.object({ text: z.string(), match: z.boolean().describe('The query matched this stretch') });

export const LogEntrySchema = z.object({
  id: z.number().int(),
  timeMs: z.number(),
  service: z.string(),
  instance: z.string().optional(),
  severityNumber: z.number().int(),
  severityText: z.string(),
  body: z.string(),
  traceId: z.string().optional(),
  spanId: z.string().optional(),
  templateId: z.string().optional().describe('Absent for blank bodies'),
  attributes: z.record(z.string(), AttributeValueSchema),
  snippet: z
    .array(SnippetPartSchema)
    .optional()
    .describe('With q only: the best-matching stretch of the body (up to 32 words), matches marked'),
});
export type LogEntry = z.infer<typeof LogEntrySchema>;

export const LogSearchResponseSchema = z.object({
  logs: z.array(LogEntrySchema).describe('Newest first'),
  nextCursor: z.string().optional().describe('Present when more logs match; pass as cursor'),
});
export type LogSearchResponse = z.infer<typeof LogSearchResponseSchema>;

export const LogIngestStatsSchema = z
  .object({
    lines: z.number().int().describe('Logs received'),
    mined: z.number().int().describe('Logs given a template'),
    empty: z.number().int().describe('Blank bodies: stored without a template'),
    truncated: z.number().int().describe('Bodies longer than 65,536 characters, cut before storing'),
    invalidText: z.number().int().describe('Bodies with invalid UTF-8 or unpaired surrogates, stored with U+FFFD in their place'),
    failed: z.number().int().describe('Logs the miner failed on: stored without a template'),
    templatesEvicted: z.number().int().describe('Templates dropped by a miner over its cap, least recently used first'),
  })
  .describe('Counts since opsloop started');
export type LogIngestStats = z.infer<typeof LogIngestStatsSchema>;

const SparklineQuerySchema = {
  ...TimeBoundsSchema,
  buckets: z.coerce.number().int().min(1).max(500).default(30).describe('Buckets of the count series over [from, to]'),
};

export const LogPatternsQuerySchema = z.object({
  service: z.string().min(1).optional(),
  minSeverity: MinSeveritySchema.optional(),
  ...SparklineQuerySchema,
  limit: z.coerce.number().int().min(1).max(500).default(50),
  samples: z.coerce.number().int().min(0).max(10).default(3).describe('Newest lines per pattern'),
});

export const LogPatternDetailQuerySchema = z.object({
  service: z.string().min(1).optional().describe('Needed only when two services have a template with this id'),
  ...SparklineQuerySchema,
  samples: z.coerce.number().int().min(1).max(100).default(10),
});

export const LogTemplateChangeSchema = z.object({
  timeMs: z.number().describe('Event time of the log that refined the template'),
  from: z.string(),
  to: z.string(),
});

export const LogPatternSchema = z.object({
  service: z.string(),
  templateId: z.string(),
  template: z.string().describe('<*> for each parameter'),
  count: z.number().int().describe('Logs since first seen (within retention)'),
  firstSeenMs: z.number(),
  lastSeenMs: z.number(),
  maxSeverityNumber: z.number().int(),
  maxSeverityText: z.string(),
  changeCount: z.number().int().describe('Refinements kept in the change history'),
  series: z.array(z.number().int()).describe('Logs per bucket over the window, oldest first'),
  samples: z.array(LogEntrySchema).describe('Newest first'),
});
export type LogPattern = z.infer<typeof LogPatternSchema>;

const PatternWindowSchema = {
  from: z.number(),
  to: z.number(),
  bucketMs: z.number().int().describe('Width of each bucket of `series`; the first starts at `from`'),
};

export const LogPatternsResponseSchema = z.object({
  ...PatternWindowSchema,
  patterns: z.array(LogPatternSchema).describe('Most frequent first'),
  ingest: LogIngestStatsSchema,
});
export type LogPatternsResponse = z.infer<typeof LogPatternsResponseSchema>;

export const TemplateParameterSchema = z.object({
  position: z.number().int().describe('Index of the <*> in the template, from 0'),
  values: z.array(z.object({ value: z.string(), count: z.number().int() })).describe('Most frequent first'),
  distinct: z.number().int().describe('Distinct values among the lines examined'),
});

export const LogPatternDetailResponseSchema = z.object({
  ...PatternWindowSchema,
  pattern: LogPatternSchema,
  parameters: z.array(TemplateParameterSchema).describe('Values of each parameter in the newest lines of the template'),
  linesExamined: z.number().int().describe('Lines the parameter values come from'),
  changes: z.array(LogTemplateChangeSchema).describe('Refinements, oldest first'),
});
export type LogPatternDetailResponse = z.infer<typeof LogPatternDetailResponseSchema>;
