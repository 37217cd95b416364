/**
 * Grafana unified alerting's webhook contact point payload, version "1", written from
 * https://grafana.com/docs/grafana/latest/alerting/configure-notifications/manage-contact-points/integrations/webhook-notifier/.
 * It is Alertmanager's webhook message (Grafana's alerting is built on Alertmanager) plus
 * Grafana fields, so the schemas extend Alertmanager's rather than restate them.
 */
import { z } from 'zod';
import { AlertmanagerAlertSchema, AlertmanagerWebhookSchema } from '../alertmanager/index.js';

export const GRAFANA_WEBHOOK_VERSION = '1';

export const GrafanaAlertSchema = AlertmanagerAlertSchema.extend({
  silenceURL: z.string().optional(),
  dashboardURL: z.string().optional(),
  panelURL: z.string().optional(),
  imageURL: z.string().optional(),
  // Go encodes a nil map as null: an alert without query values carries `"values": null`.
  values: z.record(z.string(), z.number()).nullish().describe('Query and expression results by refId, e.g. {"B": 0.93}'),
  valueString: z.string().optional().describe('Grafana\'s rendering of the values, e.g. "[ var=\'B\' labels={…} value=0.93 ]"'),
});
export type GrafanaAlert = z.infer<typeof GrafanaAlertSchema>;

export const GrafanaWebhookSchema = AlertmanagerWebhookSchema.extend({
  version: z
    .literal(GRAFANA_WEBHOOK_VERSION, {
      // Legacy (pre-8) Grafana notifications have no version field; say so rather than "invalid".
      error: (issue) =>
        issue.input === undefined
          ? 'is required: only Grafana unified alerting webhooks (version "1", Grafana 8 and later) are supported, not legacy dashboard alert notifications'
          : `must be "${GRAFANA_WEBHOOK_VERSION}" (Grafana unified alerting webhook); no other version is supported`,
    })
    .describe('Webhook payload version; Grafana unified alerting sends "1"'),
  orgId: z.number().int().optional(),
  title: z.string().default(''),
  state: z.string().default('').describe('"alerting" or "ok"'),
  message: z.string().default(''),
  alerts: z.array(GrafanaAlertSchema),
});
export type GrafanaWebhook = z.infer<typeof GrafanaWebhookSchema>;
