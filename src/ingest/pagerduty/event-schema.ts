/**
 * A PagerDuty Events API v2 event (POST https://events.pagerduty.com/v2/enqueue), written
 * from PagerDuty's public documentation of the API ("Events API v2 Overview" and "Send an
 * Alert Event"): trigger events carry a payload; acknowledge and resolve name the alert
 * only by dedup_key, which PagerDuty requires for them.
 */
import { z } from 'zod';

export const PAGERDUTY_SEVERITIES = ['critical', 'error', 'warning', 'info'] as const;

/** PagerDuty documents ISO 8601 and its own examples use "+0000", which Date.parse reads. */
const TimestampSchema = z
  .string()
  .refine((value) => Number.isFinite(Date.parse(value)), 'expected an ISO 8601 timestamp, e.g. "2015-07-17T08:42:58.315+0000"')
  .describe('When the event happened at its source (ISO 8601)');

const RoutingKeySchema = z
  .string()
  .length(32, 'must be a 32-character integration key')
  .describe('The 32-character integration key (PagerDuty: "routing key")');
const DedupKeySchema = z.string().min(1).max(255);

export const PagerDutyPayloadSchema = z.object({
  summary: z.string().min(1).max(1024).describe('A one-line description of the problem'),
  source: z.string().min(1).describe('Where the problem is: a host name, FQDN or service'),
  severity: z.enum(PAGERDUTY_SEVERITIES),
  timestamp: TimestampSchema.optional(),
  component: z.string().optional().describe('The part of the source at fault, e.g. "mysql"'),
  group: z.string().optional().describe('A logical grouping, e.g. "prod-datapipe"'),
  class: z.string().optional().describe('The class or type of the event, e.g. "ping failure"'),
  custom_details: z.unknown().optional().describe('Free-form details; a JSON object becomes labels'),
});
export type PagerDutyPayload = z.infer<typeof PagerDutyPayloadSchema>;

const ImageSchema = z.object({ src: z.string(), href: z.string().optional(), alt: z.string().optional() });
const LinkSchema = z.object({ href: z.string(), text: z.string().optional() });

export const PagerDutyTriggerSchema = z.object({
  routing_key: RoutingKeySchema,
  event_action: z.literal('trigger'),
  dedup_key: DedupKeySchema.optional().describe('Events with one key update one alert; generated from the event when absent'),
  payload: PagerDutyPayloadSchema,
  images: z.array(ImageSchema).optional(),
  links: z.array(LinkSchema).optional(),
  client: z.string().optional(),
  client_url: z.string().optional(),
});
export type PagerDutyTrigger = z.infer<typeof PagerDutyTriggerSchema>;

export const PagerDutyFollowUpSchema = z.object({
  routing_key: RoutingKeySchema,
  event_action: z.enum(['acknowledge', 'resolve']),
  dedup_key: DedupKeySchema.describe('The key of the alert to acknowledge or resolve'),
});
export type PagerDutyFollowUp = z.infer<typeof PagerDutyFollowUpSchema>;

export const PagerDutyEventSchema = z.discriminatedUnion('event_action', [PagerDutyTriggerSchema, PagerDutyFollowUpSchema], {
  error: 'must be "trigger", "acknowledge" or "resolve"',
});
export type PagerDutyEvent = z.infer<typeof PagerDutyEventSchema>;

/** The answers PagerDuty gives, which senders check (202 and 400). */
export const PagerDutyAcceptedSchema = z.object({
  status: z.literal('success'),
  message: z.literal('Event processed'),
  dedup_key: z.string(),
});
export const PagerDutyInvalidSchema = z.object({
  status: z.literal('invalid event'),
  message: z.string(),
  errors: z.array(z.string()).describe('One entry per problem: the field and what is wrong'),
});
export type PagerDutyInvalid = z.infer<typeof PagerDutyInvalidSchema>;

/**
 * Events API v1 bodies (service_key, event_type, incident_key) sent here by mistake get a
 * message naming the version rather than a list of missing v2 fields.
 */
export function v1EventProblem(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || 'routing_key' in body) return undefined;
  if (!('service_key' in body) && !('event_type' in body)) return undefined;
  return 'this is an Events API v1 event (service_key, event_type); this endpoint takes Events API v2: routing_key, event_action, dedup_key, payload';
}
