/**
 * The Prometheus Alertmanager webhook payload, version 4: `notify/webhook/webhook.go`
 * (`Message` = `template.Data` + version, groupKey, truncatedAlerts) and
 * https://prometheus.io/docs/alerting/latest/configuration/#webhook_config.
 * Go encodes time.Time as RFC 3339 with up to nine fractional digits; an alert that has not
 * ended carries Go's zero time, "0001-01-01T00:00:00Z", as endsAt.
 */
import { z } from 'zod';

const KeyValueSchema = z.record(z.string(), z.string());
const TimestampSchema = z.iso.datetime({ offset: true }).describe('RFC 3339');
const StatusSchema = z.enum(['firing', 'resolved']);

export const AlertmanagerAlertSchema = z.object({
  status: StatusSchema,
  labels: KeyValueSchema,
  annotations: KeyValueSchema.default({}),
  startsAt: TimestampSchema,
  endsAt: TimestampSchema.optional().describe('"0001-01-01T00:00:00Z" while the alert has not ended'),
  generatorURL: z.string().optional(),
  /** Added in Alertmanager 0.19; a hash of the label set. */
  fingerprint: z.string().optional(),
});
export type AlertmanagerAlert = z.infer<typeof AlertmanagerAlertSchema>;

export const AlertmanagerWebhookSchema = z.object({
  version: z.literal('4').describe('Webhook protocol version; Alertmanager sends "4"'),
  groupKey: z.string(),
  truncatedAlerts: z.number().int().min(0).default(0).describe('Alerts left out by max_alerts'),
  status: StatusSchema,
  receiver: z.string(),
  groupLabels: KeyValueSchema.default({}),
  commonLabels: KeyValueSchema.default({}),
  commonAnnotations: KeyValueSchema.default({}),
  externalURL: z.string().default(''),
  alerts: z.array(AlertmanagerAlertSchema),
});
export type AlertmanagerWebhook = z.infer<typeof AlertmanagerWebhookSchema>;
