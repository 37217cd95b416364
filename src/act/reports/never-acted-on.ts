/**
 * Alerts never acted on: they fired and cleared within the period and nobody did anything about
 * them. Precisely (docs/reports.md), an alert that started in the period, resolved before its end,
 * was muted by no silence (a silence is someone's decision about it), and either joined no
 * incident or joined one that nobody touched: never acknowledged, never assigned, and no
 * timeline entry written by someone (note, status update, field edit, lifecycle step, problem
 * link, postmortem, merge or split). What opsloop does by itself (auto-resolve, root-cause
 * ranking, notifications) writes entries without `by`, so it never counts as acting.
 * Pure: alerts, incidents and a timeline reader in.
 */
import type { NeverActedOn } from '../../core/report-api.js';
import type { Alert, Incident, TimelineEntry } from '../../core/records.js';
import { alertKeyOf, alertKeyText, countByKey } from './alert-key.js';
import { within, type Period } from './report-period.js';

export interface IncidentReader {
  incident(id: string): Incident | undefined;
  timeline(incidentId: string): readonly TimelineEntry[];
}

/** Whether anyone acted on the incident: acknowledged it, assigned it, or wrote on its timeline. */
export function actedOn(incident: Incident, timeline: readonly TimelineEntry[]): boolean {
  return incident.acknowledgedMs !== undefined || incident.assignee !== undefined || timeline.some((entry) => entry.by !== undefined);
}

export function neverActedOn(started: readonly Alert[], period: Period, reader: IncidentReader, limit: number): NeverActedOn {
  const resolved = started.filter((alert) => alert.status === 'resolved' && alert.endsMs !== undefined && within(alert.endsMs, period));
  const verdicts = new Map<string, boolean>();
  const ignored = resolved.filter((alert) => {
    if ((alert.silencedBy?.length ?? 0) > 0) return false;
    if (alert.incidentId === undefined) return true;
    let acted = verdicts.get(alert.incidentId);
    if (acted === undefined) {
      const incident = reader.incident(alert.incidentId);
      acted = incident !== undefined && actedOn(incident, reader.timeline(incident.id));
      verdicts.set(alert.incidentId, acted);
    }
    return !acted;
  });
  const alerts = [...countByKey(ignored, (alert) => alertKeyText(alertKeyOf(alert))).values()]
    .map((group) => ({ ...alertKeyOf(group.first), count: group.items.length }))
    .sort((a, b) => b.count - a.count || alertKeyText(a).localeCompare(alertKeyText(b)))
    .slice(0, limit);
  return { count: ignored.length, resolved: resolved.length, share: resolved.length === 0 ? 0 : ignored.length / resolved.length, alerts };
}
