/**
 * MTTA and MTTR. Per incident: time to acknowledge = acknowledgedMs − startedMs (the first
 * acknowledgement), time to resolve = resolvedMs − startedMs (the last resolution: a reopened
 * incident is measured to when it finally resolved). Over a window: the incidents that started
 * in it, with the mean, median and 90th percentile of each, overall, per service and per
 * severity. Incidents never acknowledged do not count towards MTTA, open ones not towards MTTR.
 * Pure: incidents in, numbers out.
 */
import type { DurationStats, IncidentGroupStats, IncidentStatsResponse } from '../../core/incident-api.js';
import type { Incident, Severity } from '../../core/records.js';
import { SEVERITIES } from '../../core/records.js';

// Wall-clock actions on event-time incidents can predate the start only through clock skew
// between a sender and opsloop; zero is the honest lower bound then.
export function timeToAcknowledgeMs(incident: Incident): number | undefined {
  return incident.acknowledgedMs === undefined ? undefined : Math.max(0, incident.acknowledgedMs - incident.startedMs);
}

export function timeToResolveMs(incident: Incident): number | undefined {
  return incident.resolvedMs === undefined ? undefined : Math.max(0, incident.resolvedMs - incident.startedMs);
}

/**
 * The p-quantile of ascending `sorted` by linear interpolation between closest ranks
 * (Hyndman & Fan's definition 7, the default of R and NumPy): h = (n − 1)·p.
 */
export function quantileSorted(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new RangeError('quantileSorted: no values');
  const h = (sorted.length - 1) * p;
  const lower = Math.floor(h);
  const below = sorted[lower] as number;
  const above = sorted[Math.min(lower + 1, sorted.length - 1)] as number;
  return below + (h - lower) * (above - below);
}

export function durationStats(values: readonly number[]): DurationStats | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const sum = sorted.reduce((total, value) => total + value, 0);
  return { count: sorted.length, meanMs: sum / sorted.length, p50Ms: quantileSorted(sorted, 0.5), p90Ms: quantileSorted(sorted, 0.9) };
}

/** Count, MTTA and MTTR of one group of incidents. */
export function groupStats(incidents: readonly Incident[]): IncidentGroupStats {
  const mtta = durationStats(incidents.flatMap((i) => timeToAcknowledgeMs(i) ?? []));
  const mttr = durationStats(incidents.flatMap((i) => timeToResolveMs(i) ?? []));
  return { count: incidents.length, ...(mtta ? { mtta } : {}), ...(mttr ? { mttr } : {}) };
}

/** Statistics of the incidents that started in [fromMs, toMs]; others given are ignored. */
export function incidentStats(incidents: readonly Incident[], window: { fromMs: number; toMs: number }): IncidentStatsResponse {
  const inWindow = incidents.filter((i) => i.startedMs >= window.fromMs && i.startedMs <= window.toMs);
  const byService = new Map<string, Incident[]>();
  for (const incident of inWindow) {
    for (const service of new Set(incident.services)) byService.set(service, [...(byService.get(service) ?? []), incident]);
  }
  const bySeverity = new Map<Severity, Incident[]>();
  for (const incident of inWindow) bySeverity.set(incident.severity, [...(bySeverity.get(incident.severity) ?? []), incident]);
  return {
    fromMs: window.fromMs,
    toMs: window.toMs,
    ...groupStats(inWindow),
    byService: [...byService.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([service, group]) => ({ service, ...groupStats(group) })),
    // Most severe first, as people read them.
    bySeverity: [...SEVERITIES].reverse().flatMap((severity) => {
      const group = bySeverity.get(severity);
      return group ? [{ severity, ...groupStats(group) }] : [];
    }),
  };
}
