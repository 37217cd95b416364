/**
 * Alertmanager webhook alerts to Signals. Pure: the receive time is passed in (used only when
 * a resolved alert carries no end time). Alerts keep their own timestamps, so notifications
 * replayed or delayed by hours are placed where they happened.
 */
import { stableHash } from '../../core/ids.js';
import type { Signal } from '../../core/records.js';
import { sortLabels } from '../../core/series.js';
import { severityFromLabel } from './severity.js';
import type { AlertmanagerAlert, AlertmanagerWebhook } from './webhook-schema.js';

export const ALERTMANAGER_SOURCE = 'alertmanager';

/** Label names that carry the service, most specific first. */
const SERVICE_LABELS = ['service', 'service_name', 'job', 'app'] as const;
const INSTANCE_LABELS = ['instance', 'pod'] as const;

/** Go's zero time.Time, which Alertmanager sends as endsAt of an alert that has not ended. */
const GO_ZERO_TIME_MS = Date.parse('0001-01-01T00:00:00Z');

export function webhookToSignals(payload: AlertmanagerWebhook, options: { nowMs: number }): Signal[] {
  return payload.alerts.map((alert) => alertToSignal(alert, options));
}

/**
 * One Alertmanager-shaped alert to a Signal. Grafana's unified alerting posts the same alert
 * items (plus extras), so its receiver calls this with its own `source`.
 */
export function alertToSignal(alert: AlertmanagerAlert, options: { nowMs: number; source?: string }): Signal {
  const source = options.source ?? ALERTMANAGER_SOURCE;
  const labels = sortLabels(alert.labels);
  const signal: Signal = {
    kind: 'alert',
    source,
    // Alertmanager's fingerprint is a hash of the label set, so it is stable across
    // notifications of one alert; it is missing only before Alertmanager 0.19.
    fingerprint: alert.fingerprint || labelsFingerprint(source, labels),
    name: labels['alertname'] ?? `${source} alert`,
    status: alert.status,
    severity: severityFromLabel(labels['severity']),
    timeMs: alertTimeMs(alert, options.nowMs),
    summary: alert.annotations['summary'] ?? alert.annotations['description'] ?? alert.annotations['message'] ?? '',
    labels,
  };
  const service = firstLabel(labels, SERVICE_LABELS);
  if (service !== undefined) signal.service = service;
  const instance = firstLabel(labels, INSTANCE_LABELS);
  if (instance !== undefined) signal.instance = instance;
  return signal;
}

function alertTimeMs(alert: AlertmanagerAlert, nowMs: number): number {
  const startsMs = Date.parse(alert.startsAt);
  if (alert.status === 'firing') return startsMs;
  const endsMs = alert.endsAt === undefined ? Number.NaN : Date.parse(alert.endsAt);
  if (Number.isFinite(endsMs) && endsMs !== GO_ZERO_TIME_MS) return endsMs;
  // Resolved without an end time: it ended at the latest when we heard about it.
  return Math.max(startsMs, nowMs);
}

function labelsFingerprint(source: string, sortedLabels: Record<string, string>): string {
  return stableHash(source, ...Object.entries(sortedLabels).map(([name, value]) => `${name}=${value}`));
}

function firstLabel(labels: Record<string, string>, names: readonly string[]): string | undefined {
  for (const name of names) {
    const value = labels[name];
    if (value) return value;
  }
  return undefined;
}
