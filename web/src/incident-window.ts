import type { Alert, Cause, Incident } from './types.js';

const MINUTE = 60_000;

export function isOpen(incident: Incident): boolean {
  return incident.status === 'triggered' || incident.status === 'acknowledged';
}

/**
 * Where the incident ends on the event-time axis. An open incident ends at the latest thing we
 * heard about it, not at the viewer's clock: demo and replayed data may be hours in the past.
 */
export function incidentEndMs(incident: Incident, alerts: readonly Alert[]): number {
  if (incident.resolvedMs !== undefined) return incident.resolvedMs;
  return Math.max(incident.updatedMs, ...alerts.map((alert) => alert.endsMs ?? alert.lastSeenMs));
}

/** The evidence chart's window: some normal before the start, a little after the end. */
export function chartWindow(incident: Incident, alerts: readonly Alert[]): { fromMs: number; toMs: number } {
  return { fromMs: incident.startedMs - 15 * MINUTE, toMs: incidentEndMs(incident, alerts) + 5 * MINUTE };
}

/** What the chart shows: a cause's series or an alert's evidence, with a baseline if known. */
export type ChartSelection = { kind: 'cause'; index: number } | { kind: 'alert'; id: string };

export interface ChartTarget {
  seriesKey: string;
  /** The detector's expected value, drawn as a dashed baseline. */
  expected?: number;
  label: string;
}

export function chartTarget(selection: ChartSelection | undefined, causes: readonly Cause[], alerts: readonly Alert[]): ChartTarget | undefined {
  if (selection?.kind === 'alert') {
    const alert = alerts.find((candidate) => candidate.id === selection.id);
    if (alert?.evidence) return { seriesKey: alert.evidence.series, expected: alert.evidence.expected, label: `alert ${alert.name}` };
  }
  const index = selection?.kind === 'cause' ? selection.index : causes.findIndex((cause) => cause.series !== undefined);
  const cause = causes[index];
  if (cause?.series) {
    return { seriesKey: cause.series, expected: expectedFor(cause.series, alerts), label: `cause #${index + 1} ${cause.service}` };
  }
  // No cause has a series: fall back to the first alert that carries evidence.
  const withEvidence = alerts.find((alert) => alert.evidence);
  if (withEvidence?.evidence) {
    return { seriesKey: withEvidence.evidence.series, expected: withEvidence.evidence.expected, label: `alert ${withEvidence.name}` };
  }
  return undefined;
}

function expectedFor(seriesKey: string, alerts: readonly Alert[]): number | undefined {
  return alerts.find((alert) => alert.evidence?.series === seriesKey)?.evidence?.expected;
}
