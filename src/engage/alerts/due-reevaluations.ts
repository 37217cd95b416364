/**
 * What time alone changes about firing alerts, as re-evaluation signals for the fold:
 * - auto-resolve: a source that never sends a resolve (generic events, one-shot log alerts)
 *   or whose resolve can be lost (an anomaly whose detector restarted) gets a resolve once
 *   it has sent nothing for its `resolveAfter`; the alert ends at its last signal plus that;
 * - silences: an alert whose muting silences changed (one expired, one began) is re-checked,
 *   so a held alert joins an incident when its silence expires while it still fires;
 * - flapping: a flapping alert is re-checked, so it settles once its changes age out.
 * Pure: the time and the silence lookup are passed in.
 */
import type { Alert, Signal } from '../../core/records.js';

export interface DueReevaluationOptions {
  nowMs: number;
  /** Per source, in ms; absent or 0: the source's alerts never resolve themselves. */
  resolveAfterMs: Readonly<Record<string, number>>;
  /** Ids of the silences muting the alert at `timeMs`. */
  silencedBy: (alert: Alert, timeMs: number) => string[];
  /**
   * Sources that are opsloop's own analysis of telemetry age on this clock instead: the
   * telemetry's event time while it flows, so a replay of past data does not find its own
   * fresh alerts hours old and resolve them mid-replay.
   */
  eventTime?: { sources: ReadonlySet<string>; nowMs: number };
}

export function dueReevaluations(firing: readonly Alert[], options: DueReevaluationOptions): Signal[] {
  const { nowMs, resolveAfterMs, eventTime } = options;
  const signals: Signal[] = [];
  for (const alert of firing) {
    if (alert.status !== 'firing') continue;
    const timeoutMs = resolveAfterMs[alert.source] ?? 0;
    const sourceNowMs = eventTime?.sources.has(alert.source) ? eventTime.nowMs : nowMs;
    if (timeoutMs > 0 && sourceNowMs >= alert.lastSeenMs + timeoutMs) {
      const reason = `auto-resolved: no signal from source ${alert.source} for ${minutes(timeoutMs)} (alerts.resolveAfterSeconds)`;
      signals.push(reevaluation(alert, 'resolved', alert.lastSeenMs + timeoutMs, reason));
      continue;
    }
    const muted = options.silencedBy(alert, nowMs);
    const silencesChanged = !sameIds(alert.silencedBy ?? [], muted);
    if (alert.flapping || silencesChanged) {
      signals.push(reevaluation(alert, 'firing', nowMs, silencesChanged ? 'silences changed' : 'flapping re-checked'));
    }
  }
  return signals;
}

function reevaluation(alert: Alert, status: Signal['status'], timeMs: number, reason: string): Signal {
  return {
    kind: 'alert',
    source: alert.source,
    fingerprint: alert.fingerprint,
    name: alert.name,
    status,
    severity: alert.severity,
    timeMs,
    summary: alert.summary,
    labels: alert.labels,
    reevaluation: reason,
  };
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id) => b.includes(id));
}

function minutes(ms: number): string {
  return ms % 60_000 === 0 ? `${ms / 60_000} min` : `${Math.round(ms / 1000)} s`;
}
