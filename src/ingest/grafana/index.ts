export { GRAFANA_SOURCE, grafanaAlertToSignal, grafanaWebhookToSignals } from './webhook-to-signals.js';
export {
  GRAFANA_WEBHOOK_VERSION,
  GrafanaAlertSchema,
  GrafanaWebhookSchema,
  type GrafanaAlert,
  type GrafanaWebhook,
} from './webhook-schema.js';
