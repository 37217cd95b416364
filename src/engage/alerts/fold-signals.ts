/**
 * Folds signals into stateful alerts: one alert per fingerprint while it fires, counted and
 * refreshed by repeats, resolved by a resolving signal. A fingerprint that fires again after
 * it resolved opens a new alert (a new episode), so history keeps each episode apart.
 * Pure: the caller supplies the current alert of each fingerprint and stores what comes back.
 */
import type { Alert, Signal } from '../../core/records.js';

export interface FoldResult {
  alert: Alert;
  /** `opened`: a new alert; `updated`: repeat of a firing one; `resolved`: it just resolved. */
  change: 'opened' | 'updated' | 'resolved';
}

export function foldSignal(current: Alert | undefined, signal: Signal, newId: () => string): FoldResult | undefined {
  const firing = current?.status === 'firing' ? current : undefined;
  if (signal.status === 'resolved') {
    if (!firing) return undefined;
    return {
      change: 'resolved',
      alert: { ...firing, status: 'resolved', endsMs: Math.max(signal.timeMs, firing.startsMs), lastSeenMs: Math.max(firing.lastSeenMs, signal.timeMs) },
    };
  }
  if (firing) {
    const evidence = strongest(firing, signal);
    return {
      change: 'updated',
      alert: {
        ...firing,
        count: firing.count + 1,
        lastSeenMs: Math.max(firing.lastSeenMs, signal.timeMs),
        severity: rank(signal.severity) > rank(firing.severity) ? signal.severity : firing.severity,
        summary: evidence === signal.evidence ? signal.summary : firing.summary,
        ...(evidence ? { evidence } : {}),
        ...logsOf(firing, signal),
        ...tracesOf(firing, signal),
      },
    };
  }
  return {
    change: 'opened',
    alert: {
      id: newId(),
      fingerprint: signal.fingerprint,
      source: signal.source,
      name: signal.name,
      ...(signal.service ? { service: signal.service } : {}),
      ...(signal.instance ? { instance: signal.instance } : {}),
      status: 'firing',
      severity: signal.severity,
      summary: signal.summary,
      labels: signal.labels,
      startsMs: signal.timeMs,
      lastSeenMs: signal.timeMs,
      count: 1,
      ...(signal.evidence ? { evidence: signal.evidence } : {}),
      ...(signal.logs ? { logs: signal.logs } : {}),
      ...(signal.traces ? { traces: signal.traces } : {}),
    },
  };
}

/** The lines at the onset say most about an episode, so an alert keeps its first log evidence. */
function logsOf(alert: Alert, signal: Signal): Pick<Alert, 'logs'> {
  const logs = alert.logs ?? signal.logs;
  return logs ? { logs } : {};
}

/** Trace evidence follows the strongest repeat: its exemplars show the episode at its worst. */
function tracesOf(alert: Alert, signal: Signal): Pick<Alert, 'traces'> {
  const traces = !alert.traces || (signal.traces && signal.traces.strength > alert.traces.strength) ? signal.traces : alert.traces;
  return traces ? { traces } : {};
}

function strongest(alert: Alert, signal: Signal) {
  if (!signal.evidence) return alert.evidence;
  if (!alert.evidence) return signal.evidence;
  return signal.evidence.score > alert.evidence.score ? signal.evidence : alert.evidence;
}

const ORDER = ['info', 'warning', 'error', 'critical'];
function rank(severity: string): number {
  return ORDER.indexOf(severity);
}
