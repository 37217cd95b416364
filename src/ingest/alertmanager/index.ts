export { ALERTMANAGER_SOURCE, alertToSignal, webhookToSignals } from './webhook-to-signals.js';
export { DEFAULT_SEVERITY, severityFromLabel } from './severity.js';
export {
  AlertmanagerAlertSchema,
  AlertmanagerWebhookSchema,
  type AlertmanagerAlert,
  type AlertmanagerWebhook,
} from './webhook-schema.js';
