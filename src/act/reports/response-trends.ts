/**
 * MTTA and MTTR week by week, overall, per service and per team, with the same statistics as
 * GET /api/v1/incidents/stats (engage/incidents/incident-metrics.ts). An incident belongs to the
 * week it started in. Pure.
 */
import type { ResponseTrends } from '../../core/report-api.js';
import type { Incident } from '../../core/records.js';
import { groupStats } from '../../engage/incidents/incident-metrics.js';
import { within, type Period } from './report-period.js';

export function responseTrends(incidents: readonly Incident[], weeks: readonly Period[]): ResponseTrends {
  const trend = (group: readonly Incident[]) => weeks.map((week) => groupStats(group.filter((incident) => within(incident.startedMs, week))));
  const first = weeks[0];
  const last = weeks.at(-1);
  const covered = first && last ? incidents.filter((incident) => within(incident.startedMs, { fromMs: first.fromMs, toMs: last.toMs })) : [];
  return {
    weeks: weeks.map(({ fromMs, toMs }) => ({ fromMs, toMs })),
    overall: trend(covered),
    byService: grouped(covered, (incident) => [...new Set(incident.services)]).map(([service, group]) => ({ service, weeks: trend(group) })),
    byTeam: grouped(covered, (incident) => (incident.team === undefined ? [] : [incident.team])).map(([team, group]) => ({ team, weeks: trend(group) })),
  };
}

/** Incidents per key, most incidents first, then by key. */
function grouped(incidents: readonly Incident[], keysOf: (incident: Incident) => string[]): Array<[string, Incident[]]> {
  const groups = new Map<string, Incident[]>();
  for (const incident of incidents) {
    for (const key of keysOf(incident)) groups.set(key, [...(groups.get(key) ?? []), incident]);
  }
  return [...groups].sort(([a, x], [b, y]) => y.length - x.length || a.localeCompare(b));
}
