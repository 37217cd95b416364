/**
 * How a service-map node is doing, from what engage already concluded: its firing alerts (the
 * detector's current anomalies among them) and the open incidents it is part of. Pure.
 *
 * failing: an error or critical alert is firing on it, or an open incident ranks it first.
 * degraded: a lesser alert is firing on it, or it is part of an open incident.
 * ok: neither. Stats alone never colour a node: a service that always errs 2% is its normal.
 */
import type { Alert, Incident } from '../../core/records.js';
import type { NodeHealth } from '../../core/service-map-api.js';

export type HealthAlert = Pick<Alert, 'service' | 'severity' | 'summary' | 'status'>;
export type HealthIncident = Pick<Incident, 'id' | 'title' | 'services' | 'causes' | 'status'>;

const FAILING_SEVERITIES = new Set<Alert['severity']>(['error', 'critical']);

export function nodeHealth(name: string, alerts: readonly HealthAlert[], incidents: readonly HealthIncident[]): NodeHealth {
  const failing: string[] = [];
  const degraded: string[] = [];
  for (const alert of alerts) {
    if (alert.status !== 'firing' || alert.service !== name) continue;
    (FAILING_SEVERITIES.has(alert.severity) ? failing : degraded).push(`${alert.severity} alert: ${alert.summary}`);
  }
  for (const incident of incidents) {
    if (incident.status !== 'triggered' && incident.status !== 'acknowledged') continue;
    if (incident.causes[0]?.service === name) failing.push(`ranked first cause of incident “${incident.title}”`);
    else if (incident.services.includes(name)) degraded.push(`part of incident “${incident.title}”`);
  }
  if (failing.length > 0) return { state: 'failing', reasons: [...failing, ...degraded] };
  if (degraded.length > 0) return { state: 'degraded', reasons: degraded };
  return { state: 'ok', reasons: [] };
}
