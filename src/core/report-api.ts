/**
 * The continuous-improvement report (docs/reports.md): where alert noise, response time,
 * recurring trouble, automation and on-call load went over a period, against the period
 * before. One zod schema per shape, shared by the server (validation + OpenAPI), the CLI and
 * web/ (z.infer). Pure: no I/O.
 */
import { z } from 'zod';
import { IncidentGroupStatsSchema, ProblemStatusSchema, QueryTimeSchema } from './incident-api.js';

export const WeekdaySchema = z.enum(['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday']);
export type Weekday = z.infer<typeof WeekdaySchema>;

export const ReportQuerySchema = z.object({
  from: QueryTimeSchema.optional().describe('Start of the period (included); default `to` minus 7 days'),
  to: QueryTimeSchema.optional().describe('End of the period (excluded); default now'),
  weeks: z.coerce.number().int().min(1).max(52).default(8).describe('Week buckets of the MTTA/MTTR trends, ending at `to`'),
});
export type ReportQuery = z.infer<typeof ReportQuerySchema>;

const Share = z.number().min(0).max(1);

export const NoisyAlertSchema = z.object({
  source: z.string(),
  name: z.string(),
  service: z.string().optional(),
  count: z.number().int().describe('Alerts (episodes) of this name, source and service that started in the period'),
  previousCount: z.number().int().describe('The same in the previous period'),
  share: Share.describe('count / all alerts that started in the period'),
  flapping: z.number().int().describe('Of them, alerts marked flapping'),
  silencedShare: Share.describe('Of them, the share muted by a silence (silencedBy set)'),
});
export type NoisyAlert = z.infer<typeof NoisyAlertSchema>;

export const NoisySourceSchema = NoisyAlertSchema.omit({ name: true, service: true });
export type NoisySource = z.infer<typeof NoisySourceSchema>;

export const NeverActedOnSchema = z.object({
  count: z.number().int().describe('Alerts that started and resolved in the period with nobody acting on them'),
  resolved: z.number().int().describe('Alerts that started and resolved in the period'),
  share: Share.describe('count / resolved (0 when none resolved)'),
  alerts: z
    .array(z.object({ source: z.string(), name: z.string(), service: z.string().optional(), count: z.number().int() }))
    .describe('The most frequent of them by name, source and service'),
});
export type NeverActedOn = z.infer<typeof NeverActedOnSchema>;

export const WeekSchema = z.object({ fromMs: z.number(), toMs: z.number() });

const TrendSchema = z.array(IncidentGroupStatsSchema).describe('One entry per week, oldest first');

export const ResponseTrendsSchema = z.object({
  weeks: z.array(WeekSchema).describe('Seven-day buckets ending at the end of the period, oldest first'),
  overall: TrendSchema,
  byService: z.array(z.object({ service: z.string(), weeks: TrendSchema })).describe('An incident counts for every service it touched; most incidents first'),
  byTeam: z.array(z.object({ team: z.string(), weeks: TrendSchema })).describe('Incidents with a team set; most incidents first'),
});
export type ResponseTrends = z.infer<typeof ResponseTrendsSchema>;

export const RecurringProblemSchema = z.object({
  id: z.string(),
  title: z.string(),
  status: ProblemStatusSchema,
  incidents: z.number().int().describe('Linked incidents that started in the period'),
  totalIncidents: z.number().int().describe('All linked incidents'),
});

export const IncidentClusterSchema = z.object({
  incidentIds: z.array(z.string()).describe('Newest first'),
  count: z.number().int(),
  title: z.string().describe('Title of the newest incident of the cluster'),
  services: z.array(z.string()),
  terms: z.array(z.string()).describe('The terms the incidents share that weigh most'),
});
export type IncidentCluster = z.infer<typeof IncidentClusterSchema>;

export const RecurringSchema = z.object({
  problems: z.array(RecurringProblemSchema).describe('Problems with an incident in the period, most incidents first'),
  clusters: z.array(IncidentClusterSchema).describe('Groups of two or more similar incidents of the period linked to no problem, largest first'),
});

export const AutomationSchema = z.object({
  runbookExecutions: z.number().int(),
  incidentsAutomated: z.number().int().describe('Incidents with at least one runbook execution'),
  coverage: Share.describe('incidentsAutomated / incidents that started in the period'),
  succeeded: z.number().int(),
  failed: z.number().int(),
  successRate: Share.optional().describe('succeeded / (succeeded + failed); absent with no finished execution'),
  toilAvoidedHours: z.number().min(0).describe('Manual time the executions replaced, from each runbook\'s declared manual duration'),
  note: z.string().describe('Why the figures are what they are, e.g. "no runbook executions recorded"'),
});
export type Automation = z.infer<typeof AutomationSchema>;

export const OnCallLoadSchema = z.object({
  userId: z.string(),
  name: z.string(),
  timeZone: z.string().describe('The zone night and weekend are judged in: that of the first schedule (by id) the person is in, else their own'),
  pages: z.number().int().describe('Pages delivered to the person (one page sent by both Slack and email counts once)'),
  nightPages: z.number().int().describe('Of them, delivered between 22:00 and 07:00 local time'),
  weekendPages: z.number().int().describe('Of them, delivered on a Saturday or Sunday local time'),
  previousPages: z.number().int(),
});
export type OnCallLoad = z.infer<typeof OnCallLoadSchema>;

export const PeriodSummarySchema = z.object({
  alerts: z.number().int(),
  incidents: z.number().int(),
  neverActedOn: z.number().int(),
  pages: z.number().int(),
  nightPages: z.number().int(),
  mttaMeanMs: z.number().optional(),
  mttrMeanMs: z.number().optional(),
});
export type PeriodSummary = z.infer<typeof PeriodSummarySchema>;

export const ImprovementReportSchema = z.object({
  fromMs: z.number(),
  toMs: z.number(),
  previousFromMs: z.number(),
  generatedMs: z.number(),
  summary: z.object({ current: PeriodSummarySchema, previous: PeriodSummarySchema }),
  noisiestAlerts: z.array(NoisyAlertSchema),
  noisiestSources: z.array(NoisySourceSchema),
  neverActedOn: NeverActedOnSchema,
  responseTrends: ResponseTrendsSchema,
  recurring: RecurringSchema,
  automation: AutomationSchema,
  oncall: z.array(OnCallLoadSchema).describe('Most pages first'),
  truncated: z.boolean().describe('More alerts or deliveries than a report reads (100,000 each): figures cover the most recent'),
});
export type ImprovementReport = z.infer<typeof ImprovementReportSchema>;

export const StoredReportSummarySchema = z.object({
  id: z.string(),
  kind: z.enum(['weekly']),
  fromMs: z.number(),
  toMs: z.number(),
  createdMs: z.number(),
});
export type StoredReportSummary = z.infer<typeof StoredReportSummarySchema>;

export const ReportDeliverySchema = z.object({
  channel: z.string().describe('Notification channel id'),
  status: z.enum(['sent', 'failed']),
  attempts: z.number().int(),
  error: z.string().optional(),
  timeMs: z.number(),
});
export type ReportDelivery = z.infer<typeof ReportDeliverySchema>;

export const StoredReportSchema = StoredReportSummarySchema.extend({
  report: ImprovementReportSchema,
  deliveries: z.array(ReportDeliverySchema).optional().describe('How sending it to `reports.weekly.channels` went; absent until sent'),
});
export type StoredReport = z.infer<typeof StoredReportSchema>;

export const ReportListQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(500).default(52) });
export const ReportListResponseSchema = z.object({ reports: z.array(StoredReportSummarySchema).describe('Newest period first') });
export const ReportIdParamsSchema = z.object({ id: z.string().min(1).max(100).describe('Report id') });
