/**
 * Grafana unified alerting webhook alerts to Signals. The alert items are Alertmanager's, so
 * fingerprint, name, severity, service, instance and timing follow the Alertmanager rules
 * (shared `alertToSignal`); Grafana adds query values, which fill or extend the summary, and
 * links, which are kept as labels so an alert leads back to its dashboard and silence form.
 */
import type { Signal } from '../../core/records.js';
import { sortLabels } from '../../core/series.js';
import { alertToSignal } from '../alertmanager/index.js';
import type { GrafanaAlert, GrafanaWebhook } from './webhook-schema.js';

export const GRAFANA_SOURCE = 'grafana';

/** Grafana URL fields and the label names that keep them on the alert. */
const LINKS = [
  ['generatorURL', 'grafana_rule_url'],
  ['dashboardURL', 'grafana_dashboard_url'],
  ['panelURL', 'grafana_panel_url'],
  ['silenceURL', 'grafana_silence_url'],
] as const;

export function grafanaWebhookToSignals(payload: GrafanaWebhook, options: { nowMs: number }): Signal[] {
  return payload.alerts.map((alert) => grafanaAlertToSignal(alert, options));
}

export function grafanaAlertToSignal(alert: GrafanaAlert, options: { nowMs: number }): Signal {
  const signal = alertToSignal(alert, { nowMs: options.nowMs, source: GRAFANA_SOURCE });
  const values = formatValues(alert.values);
  const described = signal.summary || alert.valueString || '';
  signal.summary = [described, values].filter((part) => part !== '').join(' — ');
  // Links join after the fingerprint is settled, so a changed dashboard URL never splits an alert.
  const links: Record<string, string> = {};
  for (const [field, label] of LINKS) {
    const url = alert[field];
    if (url) links[label] = url;
  }
  signal.labels = sortLabels({ ...signal.labels, ...links });
  return signal;
}

/** `{B: 0.93, C: 1}` → "B=0.93, C=1", refIds in order so repeats read the same. */
function formatValues(values: Record<string, number> | null | undefined): string {
  if (!values) return '';
  return Object.keys(values)
    .sort()
    .map((refId) => `${refId}=${values[refId]}`)
    .join(', ');
}
