/**
 * Notification and on-call records that cross the API: channels, routing rules, escalation
 * policies, users and schedules, and the delivery log. One zod schema per shape, shared by the
 * server, the CLI and web/ (z.infer). Pure: no I/O.
 */
import { z } from 'zod';
import { ROLES } from './access.js';

const Id = z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'letters, digits, "_", "-" or "." (1-64)');

/** Per-rule or per-channel template overrides (liquid); absent parts use the channel's default. */
export const MessageTemplateSchema = z
  .object({
    subject: z.string().max(2_000).optional().describe('Email subject, or the first line elsewhere (liquid)'),
    body: z.string().max(20_000).optional().describe('Message body (liquid); webhooks get it as "text"'),
  })
  .describe('Liquid templates; see docs/notifications.md for the variables');
export type MessageTemplate = z.infer<typeof MessageTemplateSchema>;

const ChannelBase = {
  id: Id.describe('Stable id that rules and policies refer to'),
  name: z.string().min(1).max(200),
  template: MessageTemplateSchema.optional(),
  timeoutMs: z.number().int().min(100).max(60_000).default(5_000).describe('Per attempt'),
  retries: z.number().int().min(0).max(10).default(3).describe('Attempts after the first on a retryable failure'),
};

export const WebhookChannelSchema = z.object({
  ...ChannelBase,
  type: z.literal('webhook'),
  url: z.url({ protocol: /^https?$/ }),
  secret: z.string().min(8).optional().describe('Signs the body: X-Opsloop-Signature: sha256=<hex HMAC-SHA256>'),
  headers: z.record(z.string(), z.string()).optional(),
});

export const SlackChannelSchema = z.object({
  ...ChannelBase,
  type: z.literal('slack'),
  url: z.url({ protocol: /^https?$/ }).describe('Slack-compatible incoming webhook URL'),
});

export const EmailChannelSchema = z.object({
  ...ChannelBase,
  type: z.literal('email'),
  host: z.string().min(1),
  port: z.number().int().min(1).max(65_535).default(587),
  secure: z.boolean().default(false).describe('TLS from the start (port 465); otherwise STARTTLS when offered'),
  auth: z.object({ user: z.string().min(1), pass: z.string() }).optional(),
  from: z.string().min(3),
  to: z.array(z.email()).min(1),
});

export const ChannelSchema = z.discriminatedUnion('type', [WebhookChannelSchema, SlackChannelSchema, EmailChannelSchema]);
export type Channel = z.infer<typeof ChannelSchema>;
export type ChannelType = Channel['type'];

export const IncidentEventKindSchema = z.enum(['opened', 'acknowledged', 'resolved', 'closed', 'severity_changed', 'updated', 'escalated', 'test']);
export type IncidentEventKind = z.infer<typeof IncidentEventKindSchema>;

export const RoutingRuleSchema = z.object({
  id: Id,
  name: z.string().min(1).max(200),
  order: z.number().int().default(0).describe('Rules run in ascending order (then by id)'),
  enabled: z.boolean().default(true),
  matchers: z
    .array(z.string())
    .default([])
    .describe('Alertmanager-style: label="v", label!="v", label=~"re", label!~"re"; all must hold'),
  cel: z.string().max(4_000).optional().describe('A CEL expression over incident, labels and event; must be true too'),
  events: z
    .array(IncidentEventKindSchema.exclude(['escalated', 'test']))
    .describe('Escalation pages and test sends go to their targets, never through rules')
    .default(['opened', 'acknowledged', 'resolved', 'severity_changed', 'updated']),
  channels: z.array(Id).default([]),
  escalationPolicy: Id.optional().describe('Started when an incident this rule matches opens'),
  continue: z.boolean().default(false).describe('Keep matching later rules after this one matched'),
  throttleSeconds: z.number().int().min(0).max(86_400).default(300).describe('At most one "updated" message per incident in this time'),
  template: MessageTemplateSchema.optional(),
});
export type RoutingRule = z.infer<typeof RoutingRuleSchema>;

export const EscalationTargetSchema = z.object({
  type: z.enum(['schedule', 'user', 'channel']),
  id: Id,
});
export type EscalationTarget = z.infer<typeof EscalationTargetSchema>;

export const EscalationPolicySchema = z.object({
  id: Id,
  name: z.string().min(1).max(200),
  levels: z
    .array(
      z.object({
        targets: z.array(EscalationTargetSchema).min(1),
        escalateAfterMinutes: z.number().min(0.1).max(10_080).describe('Wait for an acknowledgement this long before the next level'),
      }),
    )
    .min(1),
  repeat: z.number().int().min(0).max(10).default(0).describe('Times to run all levels again after the last one'),
});
export type EscalationPolicy = z.infer<typeof EscalationPolicySchema>;

const TimeZoneSchema = z.string().refine(isTimeZone, { message: 'not an IANA time zone (e.g. Europe/Berlin)' });

export const UserSchema = z.object({
  id: Id,
  name: z.string().min(1).max(200),
  email: z.email().optional(),
  slackHandle: z.string().max(100).optional(),
  slackWebhook: z.url({ protocol: /^https?$/ }).optional().describe('Personal incoming webhook, for direct pages'),
  timeZone: TimeZoneSchema.default('UTC'),
  role: z.enum(ROLES).default('viewer').describe('What the user may do when signed in (docs/access.md)'),
  teams: z.array(Id).max(50).default([]).describe('Teams whose incidents, services and schedules the user sees besides unowned ones'),
});
export type User = z.infer<typeof UserSchema>;

export const TeamSchema = z.object({
  id: Id,
  name: z.string().min(1).max(200),
  description: z.string().max(2_000).optional(),
});
export type Team = z.infer<typeof TeamSchema>;

const LocalDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'local date and time YYYY-MM-DDTHH:mm, in the schedule\'s time zone');
const LocalTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:mm');

export const RotationLayerSchema = z.object({
  name: z.string().min(1).max(200),
  users: z.array(Id).min(1).describe('Participants in rotation order'),
  start: LocalDateTime.describe('First handoff; later handoffs keep its local time of day'),
  end: LocalDateTime.optional(),
  rotation: z.object({
    every: z.number().int().min(1).max(1_000),
    unit: z.enum(['hours', 'days', 'weeks']).describe('days and weeks follow the wall clock across DST; hours are exact'),
  }),
  restriction: z
    .object({ from: LocalTime, to: LocalTime })
    .optional()
    .describe('Only on call between these local times each day (to < from spans midnight)'),
});
export type RotationLayer = z.infer<typeof RotationLayerSchema>;

export const OverrideSchema = z
  .object({
    userId: Id,
    fromMs: z.number().int(),
    toMs: z.number().int(),
  })
  .refine((o) => o.toMs > o.fromMs, { message: 'toMs must be after fromMs' });
export type Override = z.infer<typeof OverrideSchema>;

export const ScheduleSchema = z.object({
  id: Id,
  name: z.string().min(1).max(200),
  timeZone: TimeZoneSchema,
  layers: z.array(RotationLayerSchema).min(1).describe('A later layer wins where it has someone on call'),
  overrides: z.array(OverrideSchema).default([]).describe('Someone covers a range; the last override wins'),
  team: Id.optional().describe('Owning team: only its members and admins see the schedule'),
});
export type Schedule = z.infer<typeof ScheduleSchema>;

export const ShiftSchema = z.object({
  userId: z.string(),
  startMs: z.number(),
  endMs: z.number(),
  source: z.string().describe('"override" or the layer name'),
});
export type Shift = z.infer<typeof ShiftSchema>;

export const DeliverySchema = z.object({
  id: z.number().int(),
  timeMs: z.number(),
  incidentId: z.string().optional(),
  channel: z.string().describe('Channel id, or user:<id> for a direct page'),
  channelType: z.enum(['webhook', 'slack', 'email']),
  event: IncidentEventKindSchema,
  ruleId: z.string().optional(),
  status: z.enum(['sent', 'failed']),
  attempts: z.number().int(),
  error: z.string().optional(),
});
export type Delivery = z.infer<typeof DeliverySchema>;

export const EscalationStateSchema = z.object({
  incidentId: z.string(),
  policyId: z.string(),
  level: z.number().int(),
  round: z.number().int(),
  startedMs: z.number(),
  nextAtMs: z.number(),
  status: z.enum(['active', 'stopped', 'exhausted']),
});
export type EscalationState = z.infer<typeof EscalationStateSchema>;

export const PreviewRequestSchema = z.object({
  template: MessageTemplateSchema,
  channelType: z.enum(['webhook', 'slack', 'email']).default('webhook'),
  incidentId: z.string().optional().describe('Render against this incident; a sample one otherwise'),
  event: IncidentEventKindSchema.default('opened'),
});
export const PreviewResponseSchema = z.object({ subject: z.string(), body: z.string() });

export const OnCallNowResponseSchema = z.object({
  timeMs: z.number(),
  schedules: z.array(
    z.object({
      schedule: z.object({ id: z.string(), name: z.string(), timeZone: z.string() }),
      onCall: z.array(ShiftSchema.extend({ user: UserSchema.optional() })),
    }),
  ),
});
export type OnCallNowResponse = z.infer<typeof OnCallNowResponseSchema>;

/** The configuration records notifications keep, by kind: what the store's notify repository holds. */
export const NOTIFY_CONFIG_SCHEMAS = {
  channel: ChannelSchema,
  rule: RoutingRuleSchema,
  policy: EscalationPolicySchema,
  user: UserSchema,
  schedule: ScheduleSchema,
  team: TeamSchema,
} as const;
export type NotifyConfigKind = keyof typeof NOTIFY_CONFIG_SCHEMAS;
export type NotifyConfigRecord<K extends NotifyConfigKind> = z.infer<(typeof NOTIFY_CONFIG_SCHEMAS)[K]>;

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Epoch ms or an ISO 8601 time, for query strings. */
const TimeParam = z.preprocess(
  (value) => (typeof value === 'string' && !/^-?\d+$/.test(value) ? Date.parse(value) : Number(value)),
  z.number().int({ message: 'epoch ms or an ISO 8601 time' }),
);

export const ShiftsQuerySchema = z.object({
  from: TimeParam.optional().describe('Epoch ms or ISO time; defaults to now'),
  to: TimeParam.optional().describe('Epoch ms or ISO time; defaults to 7 days after from; at most 93 days after it'),
});
export const ShiftsResponseSchema = z.object({
  schedule: z.object({ id: z.string(), name: z.string(), timeZone: z.string() }),
  fromMs: z.number(),
  toMs: z.number(),
  shifts: z.array(ShiftSchema),
});
export type ShiftsResponse = z.infer<typeof ShiftsResponseSchema>;

export const OnCallQuerySchema = z.object({
  schedule: z.string().optional().describe('Schedule id; all schedules when absent'),
  at: TimeParam.optional().describe('Epoch ms or ISO time; defaults to now'),
});

export const DeliveryListQuerySchema = z.object({
  incidentId: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});
export const DeliveryListResponseSchema = z.object({ deliveries: z.array(DeliverySchema) });
export const DeliveryResponseSchema = z.object({ delivery: DeliverySchema });
export const EscalationListResponseSchema = z.object({ escalations: z.array(EscalationStateSchema) });
