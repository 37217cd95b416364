/**
 * Recurring trouble of a period: problems with incidents in it (most first), and clusters of
 * similar incidents that no problem holds yet (incident-clusters.ts). Pure.
 */
import type { Problem } from '../../core/incident-api.js';
import type { IncidentCluster } from '../../core/report-api.js';
import type { Incident } from '../../core/records.js';
import type { IncidentDocument } from '../../engage/incidents/similar-incidents.js';
import { similarIncidentClusters } from './incident-clusters.js';

export interface RecurringProblem {
  id: string;
  title: string;
  status: Problem['status'];
  incidents: number;
  totalIncidents: number;
}

export function recurringProblems(problems: readonly Problem[], started: readonly Incident[]): RecurringProblem[] {
  const inPeriod = new Set(started.map((incident) => incident.id));
  return problems
    .map((problem) => ({
      id: problem.id,
      title: problem.title,
      status: problem.status,
      incidents: problem.incidentIds.filter((id) => inPeriod.has(id)).length,
      totalIncidents: problem.incidentIds.length,
    }))
    .filter((problem) => problem.incidents > 0)
    .sort((a, b) => b.incidents - a.incidents || a.id.localeCompare(b.id));
}

/** Clusters among the incidents linked to no problem. */
export function unlinkedClusters(problems: readonly Problem[], documents: readonly IncidentDocument[]): IncidentCluster[] {
  const linked = new Set(problems.flatMap((problem) => problem.incidentIds));
  return similarIncidentClusters(documents.filter((document) => !linked.has(document.incident.id)));
}
