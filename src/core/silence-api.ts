/**
 * Silences and maintenance windows, and the audit trail: the shapes the API, the store and
 * the UI share (docs/alerts.md "Silences").
 */
import { z } from 'zod';
import { AlertSchema } from './records.js';

export const MATCHER_OPS = ['=', '!=', '=~', '!~'] as const;

/** Names matched against the alert's own fields rather than a label of that name. */
export const ALERT_FIELD_NAMES = ['service', 'name', 'source', 'severity', 'instance'] as const;

export const MatcherSchema = z.object({
  name: z
    .string()
    .min(1)
    .max(200)
    .describe(`A label name, or one of the alert's fields: ${ALERT_FIELD_NAMES.join(', ')}`),
  op: z.enum(MATCHER_OPS).describe('= equal, != not equal, =~ matches the regex (anchored at both ends), !~ does not match it'),
  value: z.string().max(1000).describe('A missing label has the value "" (as in Alertmanager)'),
});
export type Matcher = z.infer<typeof MatcherSchema>;

export const SilenceKindSchema = z
  .enum(['silence', 'maintenance'])
  .describe('A maintenance window is a silence scoped to a service: it needs a `service` matcher');

const TimeInputSchema = z
  .union([z.number().int().nonnegative(), z.string().refine((v) => Number.isFinite(Date.parse(v)), 'expected an RFC 3339 time, e.g. "2030-01-01T02:00:00Z"')])
  .describe('RFC 3339 text or epoch milliseconds');

export const SilenceInputSchema = z.object({
  kind: SilenceKindSchema.default('silence'),
  matchers: z.array(MatcherSchema).min(1, 'needs at least one matcher').max(32),
  reason: z.string().trim().min(1, 'a silence needs a reason: why these alerts may be muted').max(2000).describe('Why (Alertmanager: comment)'),
  createdBy: z.string().trim().min(1, 'say who creates the silence').max(200),
  startsAt: TimeInputSchema.optional().describe('When it starts muting; now when absent'),
  endsAt: TimeInputSchema.describe('When it stops muting (its expiry)'),
});
export type SilenceInput = z.input<typeof SilenceInputSchema>;
export type ParsedSilenceInput = z.output<typeof SilenceInputSchema>;

export const SilencePreviewInputSchema = SilenceInputSchema.pick({ matchers: true, startsAt: true, endsAt: true }).extend({
  endsAt: TimeInputSchema.optional(),
  signals: z.coerce.number().int().min(1).max(1000).default(200).describe('How many of the latest signals to check'),
});

export const SilenceStateSchema = z.enum(['pending', 'active', 'expired']);
export type SilenceState = z.infer<typeof SilenceStateSchema>;

export const SilenceSchema = z.object({
  id: z.string(),
  kind: SilenceKindSchema,
  matchers: z.array(MatcherSchema),
  reason: z.string(),
  createdBy: z.string(),
  createdMs: z.number(),
  startsMs: z.number(),
  endsMs: z.number().describe('Its end: the given expiry, or when it was expired early'),
  expiredBy: z.string().optional().describe('Who expired it before its end'),
});
export type Silence = z.infer<typeof SilenceSchema>;

export const SilenceViewSchema = SilenceSchema.extend({ state: SilenceStateSchema });
export type SilenceView = z.infer<typeof SilenceViewSchema>;

export const SilenceListQuerySchema = z.object({
  state: SilenceStateSchema.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
export const SilenceListResponseSchema = z.object({ silences: z.array(SilenceViewSchema) });
export const SilenceResponseSchema = z.object({ silence: SilenceViewSchema });
export const SilenceIdParamsSchema = z.object({ id: z.string().min(1) });
export const SilenceExpireQuerySchema = z.object({ by: z.string().trim().min(1, 'say who expires the silence').max(200) });

export const PreviewSignalSchema = z.object({
  fingerprint: z.string(),
  source: z.string(),
  name: z.string(),
  service: z.string().optional(),
  status: z.enum(['firing', 'resolved']),
  severity: z.string(),
  timeMs: z.number(),
  labels: z.record(z.string(), z.string()),
});
export type PreviewSignal = z.infer<typeof PreviewSignalSchema>;

export const SilencePreviewResponseSchema = z.object({
  alerts: z.array(AlertSchema).describe('Alerts firing now that it would mute'),
  signals: z.array(PreviewSignalSchema).describe('Of the latest signals received, those it would have muted'),
  checkedSignals: z.number().int().describe('How many recent signals were checked'),
});
export type SilencePreviewResponse = z.infer<typeof SilencePreviewResponseSchema>;

export const AuditEntrySchema = z.object({
  id: z.number().int().describe('Increases with every entry; the cursor for paging'),
  timeMs: z.number(),
  actor: z.string().describe('A user id, `token:<name>`, `anonymous`, or `open` when authentication is off'),
  action: z.string().describe('e.g. "incident.acknowledge", "silence.create", "auth.login.failed", "access.denied"'),
  subjectKind: z.string(),
  subjectId: z.string(),
  detail: z.string().describe('What changed, in words'),
  route: z.string().optional().describe('The request: method and route, e.g. "POST /api/v1/silences"'),
  address: z.string().optional().describe('The client address (behind a proxy: api.trustProxy)'),
  userAgent: z.string().optional(),
  userId: z.string().optional().describe('The user acting, or the owner of the token used'),
  tokenId: z.string().optional().describe('The API token used, if any (its id, never its secret)'),
  before: z.unknown().optional().describe('The record before the change, secrets redacted'),
  after: z.unknown().optional().describe('The record after the change (or the request body when there is no record to read), secrets redacted'),
  status: z.number().int().optional().describe('The HTTP status of the reply'),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
/** A time in a query string: epoch milliseconds (all digits) or RFC 3339, as epoch milliseconds. */
const QueryTimeSchema = z
  .string()
  .transform((value) => (/^\d+$/.test(value) ? Number(value) : Date.parse(value)))
  .refine((ms) => Number.isFinite(ms), 'expected RFC 3339 time or epoch milliseconds, e.g. "2030-01-01T02:00:00Z"');

export const AuditQuerySchema = z.object({
  actor: z.string().min(1).optional(),
  action: z.string().min(1).optional().describe('An action, or a prefix of dotted parts: "incident" matches "incident.acknowledge"'),
  subjectKind: z.string().min(1).optional(),
  subjectId: z.string().min(1).optional(),
  from: QueryTimeSchema.optional().describe('Entries at or after this time (RFC 3339 or epoch ms)'),
  to: QueryTimeSchema.optional().describe('Entries before this time (RFC 3339 or epoch ms)'),
  cursor: z.coerce.number().int().positive().optional().describe('nextCursor of the previous page: entries older than it'),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
export const AuditListResponseSchema = z.object({
  entries: z.array(AuditEntrySchema),
  nextCursor: z.number().int().optional().describe('Pass as `cursor` for the next (older) page; absent on the last page'),
});
