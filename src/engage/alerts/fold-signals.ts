/**
 * Folds signals into stateful alerts: one alert per fingerprint while it fires, counted and
 * refreshed by repeats, resolved by a resolving signal. A fingerprint that fires again after
 * it resolved opens a new alert (a new episode), so history keeps each episode apart, unless
 * it is flapping: then the last alert fires again (one alert, no new incident per flap) and
 * is held firing until it settles (flap-detection.ts).
 *
 * Duplicate deliveries are idempotent: a signal whose status and time equal a delivery the
 * alert's history holds is the same delivery again and changes nothing (docs/alerts.md).
 * Silences decide whether a new alert may join an incident: a silenced one is stored but
 * `held`, and is `opened` (admitted) when a later signal or re-evaluation finds it unmuted.
 * Pure: the caller supplies the current alert of each fingerprint and stores what comes back.
 */
import type { Alert, Delivery, Signal } from '../../core/records.js';
import { DEFAULT_FLAP_OPTIONS, evaluateFlap, flapReason, isDuplicateDelivery, recordDelivery, type FlapOptions } from './flap-detection.js';

export interface FoldResult {
  alert: Alert;
  /**
   * `opened`: a new alert, or a held one admitted, for correlation; `held`: a new alert kept out
   * of incidents (silenced); `updated`: a repeat or a state that changes no incident;
   * `resolved`: it just resolved.
   */
  change: 'opened' | 'held' | 'updated' | 'resolved';
}

export interface FoldOptions {
  flap?: FlapOptions;
  /** Ids of the silences that mute this alert at `timeMs`; none when absent. */
  silencedBy?: (alert: Alert, timeMs: number) => string[];
}

export function foldSignal(current: Alert | undefined, signal: Signal, newId: () => string, options: FoldOptions = {}): FoldResult | undefined {
  if (signal.reevaluation !== undefined) return current ? reevaluate(current, signal, options) : undefined;
  const flap = options.flap ?? DEFAULT_FLAP_OPTIONS;
  const delivery: Delivery = { timeMs: signal.timeMs, status: signal.status };
  if (current && isDuplicateDelivery(current.history, delivery)) return undefined;
  const history = recordDelivery(current?.history, delivery, flap.samples);
  const state = evaluateFlap(history, current?.flapping ?? false, signal.timeMs, flap);
  const flapping = state.flapping ? { flapping: true, flapReason: flapReason(state, flap) } : {};
  const firing = current?.status === 'firing' ? current : undefined;
  if (signal.status === 'resolved') {
    if (!firing) return undefined;
    const seen = { lastSeenMs: Math.max(firing.lastSeenMs, signal.timeMs), history };
    if (state.flapping) return { change: 'updated', alert: { ...withoutFlap(firing), ...seen, ...flapping } };
    return {
      change: 'resolved',
      alert: { ...withoutFlap(firing), ...seen, status: 'resolved', endsMs: Math.max(signal.timeMs, firing.startsMs) },
    };
  }
  // A flapping fingerprint fires its last alert again instead of opening a new episode.
  const base = firing ?? (current && state.flapping ? reopened(current) : undefined);
  if (base) {
    const evidence = strongest(base, signal);
    const alert = muted(
      {
        ...withoutFlap(base),
        ...flapping,
        history,
        count: base.count + 1,
        lastSeenMs: Math.max(base.lastSeenMs, signal.timeMs),
        severity: rank(signal.severity) > rank(base.severity) ? signal.severity : base.severity,
        summary: evidence === signal.evidence ? signal.summary : base.summary,
        ...(evidence ? { evidence } : {}),
        ...logsOf(base, signal),
        ...tracesOf(base, signal),
      },
      signal.timeMs,
      options,
    );
    return { change: admitted(base, alert) ? 'opened' : 'updated', alert };
  }
  const alert = muted(
    {
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
      history,
      ...(signal.evidence ? { evidence: signal.evidence } : {}),
      ...(signal.logs ? { logs: signal.logs } : {}),
      ...(signal.traces ? { traces: signal.traces } : {}),
    },
    signal.timeMs,
    options,
  );
  return { change: alert.silencedBy ? 'held' : 'opened', alert };
}

/**
 * A signal opsloop made because time passed. A resolving one resolves the alert with its
 * reason (auto-resolve); a firing one re-checks silences and flapping at its time: a held
 * alert no silence mutes any more is admitted, and a flapping alert that settled takes the
 * state of its latest delivery.
 */
function reevaluate(current: Alert, signal: Signal, options: FoldOptions): FoldResult | undefined {
  if (current.status !== 'firing') return undefined;
  const reason = signal.reevaluation ?? '';
  if (signal.status === 'resolved') {
    const endsMs = Math.max(signal.timeMs, current.startsMs);
    return { change: 'resolved', alert: { ...withoutFlap(current), status: 'resolved', endsMs, resolution: reason } };
  }
  const flap = options.flap ?? DEFAULT_FLAP_OPTIONS;
  const state = current.flapping ? evaluateFlap(current.history, true, signal.timeMs, flap) : undefined;
  const latest = current.history?.at(-1);
  if (state && !state.flapping && latest?.status === 'resolved') {
    const endsMs = Math.max(latest.timeMs, current.startsMs);
    return { change: 'resolved', alert: { ...withoutFlap(current), status: 'resolved', endsMs, resolution: `flapping settled: ${reason}` } };
  }
  const flapping = state?.flapping ? { flapping: true, flapReason: flapReason(state, flap) } : {};
  const alert = muted({ ...withoutFlap(current), ...flapping }, signal.timeMs, options);
  return { change: admitted(current, alert) ? 'opened' : 'updated', alert };
}

/** Was held by a silence, and now fires in no incident muted by nothing: the desk should correlate it now. */
function admitted(before: Alert, after: Alert): boolean {
  return before.silencedBy !== undefined && after.silencedBy === undefined && after.status === 'firing' && after.incidentId === undefined;
}

function muted(alert: Alert, timeMs: number, options: FoldOptions): Alert {
  const rest = without(alert, 'silencedBy');
  const ids = options.silencedBy?.(rest, timeMs) ?? [];
  return ids.length > 0 ? { ...rest, silencedBy: ids } : rest;
}

function withoutFlap(alert: Alert): Alert {
  return without(alert, 'flapping', 'flapReason');
}

/** A resolved alert firing again while flapping: the same alert, firing, its end forgotten. */
function reopened(alert: Alert): Alert {
  return { ...without(alert, 'endsMs', 'resolution'), status: 'firing' };
}

/**
 * Optional fields are left out, never set to undefined: stored records stay as the schema reads
 * them. An alert without any of them is returned as is (every caller builds a new alert from
 * it): a repeat would otherwise copy the whole alert twice for nothing.
 */
function without(alert: Alert, ...keys: ReadonlyArray<'silencedBy' | 'flapping' | 'flapReason' | 'endsMs' | 'resolution'>): Alert {
  if (!keys.some((key) => key in alert)) return alert;
  const copy = { ...alert };
  for (const key of keys) delete copy[key];
  return copy;
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
