/**
 * What happened to an incident since it was last seen by notifications: opened, acknowledged,
 * resolved, closed, severity changed, or more alerts (updated). Pure: compares the incident
 * with the snapshot kept from the previous time.
 *
 * The loop publishes an incident whenever anything about it moves (an alert, an RCA update);
 * diffing against a stored snapshot turns those into the few events people want to hear about,
 * and survives a restart without replaying the bus.
 */
import type { IncidentEventKind } from '../../core/notify-api.js';
import type { Incident, Severity } from '../../core/records.js';

export interface IncidentSnapshot {
  status: Incident['status'];
  severity: Severity;
  alertCount: number;
}

export function snapshotOf(incident: Incident): IncidentSnapshot {
  return { status: incident.status, severity: incident.severity, alertCount: incident.alertIds.length };
}

/** The event `incident` makes after `previous` (undefined: first seen), or undefined when nothing notable moved. */
export function incidentEvent(previous: IncidentSnapshot | undefined, incident: Incident): IncidentEventKind | undefined {
  if (previous === undefined) return incident.status === 'triggered' ? 'opened' : undefined;
  if (previous.status !== incident.status) {
    // A resolved incident that fires again is opened again, as far as the people paged are concerned.
    return incident.status === 'triggered' ? 'opened' : incident.status;
  }
  if (incident.status === 'resolved' || incident.status === 'closed') return undefined;
  if (previous.severity !== incident.severity) return 'severity_changed';
  if (incident.alertIds.length > previous.alertCount) return 'updated';
  return undefined;
}
