/**
 * Records and HTTP shapes of incident management (docs/incidents.md): field edits, notes and
 * status updates, MTTA/MTTR statistics, similar incidents, problems, postmortems and the service
 * catalog. Shared by the server (validation + OpenAPI) and web/ (types through z.infer).
 */
import { z } from 'zod';
import { AlertSchema, IncidentSchema, PrioritySchema, SeveritySchema, TimelineEntrySchema } from './records.js';

const BySchema = z.string().trim().min(1).max(200).default('api').describe('Who acts; shown on the timeline');

/**
 * A time in a query string: epoch milliseconds (digits) or RFC 3339 with an offset. Anything
 * else is a 400 naming the value.
 */
export const QueryTimeSchema = z
  .string()
  .trim()
  .transform((text, ctx) => {
    if (/^-?\d{1,16}$/.test(text)) return Number(text);
    const rfc3339 = z.iso.datetime({ offset: true }).safeParse(text);
    if (rfc3339.success) return Date.parse(text);
    ctx.addIssue({ code: 'custom', message: `expected epoch milliseconds or an RFC 3339 time such as 2026-11-27T14:00:00Z, got "${text}"` });
    return z.NEVER;
  })
  .describe('Epoch milliseconds or RFC 3339 (e.g. 2026-11-27T14:00:00Z)');

// --- Lifecycle and edits ---------------------------------------------------------------------

/** Acknowledge and close; the body is optional: the server treats a missing one as `{}`. */
export const IncidentActionBodySchema = z.object({ by: BySchema });

export const IncidentResolveBodySchema = z.object({
  by: BySchema,
  resolution: z.string().trim().min(1).max(4000).optional().describe('How it was resolved; shown with similar incidents later'),
});

export const IncidentEditBodySchema = z
  .object({
    title: z.string().trim().min(1).max(300).optional(),
    severity: SeveritySchema.optional(),
    priority: PrioritySchema.optional(),
    assignee: z.string().trim().min(1).max(200).nullable().optional().describe('null unassigns'),
    team: z.string().trim().min(1).max(200).nullable().optional().describe('null clears it'),
    by: BySchema,
  })
  .refine((edit) => ['title', 'severity', 'priority', 'assignee', 'team'].some((field) => field in edit), {
    message: 'nothing to change: give at least one of title, severity, priority, assignee, team',
  });
export type IncidentEditBody = z.infer<typeof IncidentEditBodySchema>;

export const TimelineTextBodySchema = z.object({
  text: z.string().trim().min(1).max(10_000).describe('Markdown-free plain text'),
  by: BySchema,
});
export const TimelineEntryResponseSchema = z.object({ entry: TimelineEntrySchema });

// --- Reading incidents from outside ------------------------------------------------------------

export const IncidentWindowQuerySchema = z.object({
  status: z.string().optional().describe('Comma-separated statuses, e.g. triggered,acknowledged'),
  from: QueryTimeSchema.optional().describe('Incidents still open at or resolved after this time (epoch ms or RFC 3339)'),
  to: QueryTimeSchema.optional().describe('Incidents started at or before this time (epoch ms or RFC 3339)'),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  cursor: z.string().max(64).optional().describe('nextCursor of the previous page'),
});

export const IncidentAlertsResponseSchema = z.object({
  incidentId: z.string(),
  alerts: z.array(AlertSchema).describe('Every alert grouped into the incident, with its labels and source, oldest first'),
});

// --- MTTA and MTTR -------------------------------------------------------------------------------

export const DurationStatsSchema = z
  .object({
    count: z.number().int().describe('Incidents measured'),
    meanMs: z.number(),
    p50Ms: z.number(),
    p90Ms: z.number(),
  })
  .describe('Absent when no incident of the group was acknowledged (MTTA) or resolved (MTTR)');
export type DurationStats = z.infer<typeof DurationStatsSchema>;

export const IncidentGroupStatsSchema = z.object({
  count: z.number().int(),
  mtta: DurationStatsSchema.optional(),
  mttr: DurationStatsSchema.optional(),
});
export type IncidentGroupStats = z.infer<typeof IncidentGroupStatsSchema>;

export const IncidentStatsQuerySchema = z.object({
  from: QueryTimeSchema.describe('Incidents started at or after this time'),
  to: QueryTimeSchema.describe('Incidents started at or before this time'),
});

export const IncidentStatsResponseSchema = IncidentGroupStatsSchema.extend({
  fromMs: z.number(),
  toMs: z.number(),
  byService: z.array(IncidentGroupStatsSchema.extend({ service: z.string() })).describe('An incident counts once for each service it touched'),
  bySeverity: z.array(IncidentGroupStatsSchema.extend({ severity: SeveritySchema })),
});
export type IncidentStatsResponse = z.infer<typeof IncidentStatsResponseSchema>;

// --- Problems ------------------------------------------------------------------------------------

/** ITIL's problem states: a known error has a diagnosed root cause and usually a workaround. */
export const ProblemStatusSchema = z.enum(['open', 'investigating', 'known_error', 'resolved', 'closed']);

export const ProblemSchema = z.object({
  id: z.string(),
  title: z.string(),
  status: ProblemStatusSchema,
  description: z.string().optional(),
  knownError: z.string().optional().describe('The diagnosed root cause'),
  workaround: z.string().optional().describe('What to do when it strikes again, until it is fixed'),
  createdMs: z.number(),
  updatedMs: z.number(),
  incidentIds: z.array(z.string()).describe('Linked incidents, newest first'),
});
export type Problem = z.infer<typeof ProblemSchema>;

const ProblemFieldsSchema = {
  title: z.string().trim().min(1).max(300),
  status: ProblemStatusSchema,
  description: z.string().trim().max(10_000),
  knownError: z.string().trim().max(10_000),
  workaround: z.string().trim().max(10_000),
};

export const ProblemCreateBodySchema = z.object({
  title: ProblemFieldsSchema.title,
  status: ProblemFieldsSchema.status.default('open'),
  description: ProblemFieldsSchema.description.optional(),
  knownError: ProblemFieldsSchema.knownError.optional(),
  workaround: ProblemFieldsSchema.workaround.optional(),
  incidentIds: z.array(z.string().min(1)).max(100).default([]).describe('Incidents to link at once'),
  by: BySchema,
});
export const ProblemUpdateBodySchema = z
  .object({
    title: ProblemFieldsSchema.title.optional(),
    status: ProblemFieldsSchema.status.optional(),
    description: ProblemFieldsSchema.description.optional(),
    knownError: ProblemFieldsSchema.knownError.optional(),
    workaround: ProblemFieldsSchema.workaround.optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { message: 'nothing to change: give at least one of title, status, description, knownError, workaround' });
export const ProblemLinkBodySchema = z.object({ incidentId: z.string().min(1), by: BySchema });
export const ProblemResponseSchema = z.object({ problem: ProblemSchema });
export const ProblemListResponseSchema = z.object({ problems: z.array(ProblemSchema) });

// --- Postmortems ---------------------------------------------------------------------------------

export const PostmortemStatusSchema = z.enum(['draft', 'published']);
export const PostmortemSchema = z.object({
  incidentId: z.string(),
  status: PostmortemStatusSchema,
  markdown: z.string(),
  createdMs: z.number(),
  updatedMs: z.number(),
  updatedBy: z.string(),
});
export type Postmortem = z.infer<typeof PostmortemSchema>;
export const PostmortemCreateBodySchema = z.object({ by: BySchema });
export const PostmortemUpdateBodySchema = z.object({
  markdown: z.string().max(200_000),
  status: PostmortemStatusSchema.optional(),
  by: BySchema,
});
export const PostmortemResponseSchema = z.object({ postmortem: PostmortemSchema });

// --- Similar incidents ---------------------------------------------------------------------------

export const SimilarIncidentSchema = z.object({
  incident: IncidentSchema.pick({ id: true, title: true, status: true, severity: true, services: true, startedMs: true, resolvedMs: true, resolution: true }),
  score: z.number().describe('BM25 score of the past incident against this one; only comparable within one answer'),
  terms: z.array(z.string()).describe('The shared terms that weigh most, heaviest first'),
  postmortem: z.boolean().describe('A postmortem exists: GET /api/v1/incidents/{id}/postmortem'),
  problemId: z.string().optional(),
});
export type SimilarIncident = z.infer<typeof SimilarIncidentSchema>;
export const SimilarIncidentsQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(50).default(5) });
export const SimilarIncidentsResponseSchema = z.object({ similar: z.array(SimilarIncidentSchema).describe('Most similar first') });

// --- Service catalog -----------------------------------------------------------------------------

export const RunbookLinkSchema = z.object({ title: z.string().trim().min(1).max(200), url: z.url({ protocol: /^https?$/ }) });

/** What people say about a service; everything else in the catalog comes from telemetry. */
export const CatalogEntrySchema = z.object({
  description: z.string().trim().max(4000).optional(),
  ownerTeam: z.string().trim().min(1).max(200).optional(),
  tier: z.number().int().min(1).max(4).optional().describe('1: customer-facing and critical … 4: internal, best effort'),
  runbooks: z.array(RunbookLinkSchema).max(50).default([]),
  repository: z.url({ protocol: /^https?$/ }).optional(),
  images: z.array(z.string().trim().min(1).max(500)).max(50).optional().describe('Container images the service runs (any tag); security findings of these images belong to it (docs/findings.md)'),
  internetFacing: z.boolean().optional().describe('Reachable from the internet; raises the exposure of its security findings'),
});
export type CatalogEntry = z.infer<typeof CatalogEntrySchema>;

export const CatalogServiceSchema = CatalogEntrySchema.extend({
  service: z.string(),
  discovered: z.boolean().describe('Seen in telemetry (spans, metrics, logs, a call edge) or named by an open incident; false for a service only declared in the catalog'),
  lastSeenMs: z.number().optional(),
  instances: z.array(z.string()).describe('Instances seen in telemetry'),
  dependencies: z.array(z.string()).describe('Services it calls, from the service graph'),
  dependents: z.array(z.string()).describe('Services that call it'),
  openIncidents: z.number().int(),
  updatedMs: z.number().optional().describe('When the entry was last edited; absent when never edited'),
});
export type CatalogService = z.infer<typeof CatalogServiceSchema>;
export const CatalogListResponseSchema = z.object({ services: z.array(CatalogServiceSchema) });
export const CatalogServiceResponseSchema = z.object({ service: CatalogServiceSchema });
export const CatalogPutBodySchema = CatalogEntrySchema;
