/**
 * Applies the out-of-order rule (src/ingest/early-resolve.ts) to signals from every external
 * receiver (Alertmanager, Grafana, PagerDuty, generic events) before they are folded: a
 * resolve of a fingerprint with no alert is remembered durably, and a trigger it predates is
 * dropped. Idempotent: a repeated resolve only refreshes what is remembered, and a repeated
 * late trigger is dropped again.
 */
import type { Signal } from '../core/records.js';
import { EARLY_RESOLVE_KIND, decodeEarlyResolve, encodeEarlyResolve, isLateTrigger, isWithinWindow } from '../ingest/early-resolve.js';
import type { Store } from '../store/store.js';

export interface EarlyResolveGateOptions {
  nowMs: number;
  /** How long after it arrived a remembered resolve still drops triggers. */
  windowMs: number;
}

/** Returns the signals to fold: all but the triggers an earlier-arrived resolve cancelled. */
export function applyEarlyResolves(store: Store, signals: readonly Signal[], options: EarlyResolveGateOptions): Signal[] {
  const { nowMs, windowMs } = options;
  const firedInBatch = new Set<string>();
  const kept: Signal[] = [];
  store.transaction(() => {
    for (const signal of signals) {
      if (signal.status === 'resolved') {
        // A trigger earlier in this batch will have raised the alert by the time this resolve is folded.
        if (!firedInBatch.has(signal.fingerprint) && !store.alerts.byFingerprint(signal.fingerprint)) {
          const state = encodeEarlyResolve(signal.timeMs, nowMs);
          store.modelState.saveMany([{ kind: EARLY_RESOLVE_KIND, key: signal.fingerprint, state, updatedMs: nowMs }]);
        }
        kept.push(signal);
        continue;
      }
      const early = decodeEarlyResolve(store.modelState.load(EARLY_RESOLVE_KIND, signal.fingerprint));
      if (early && isWithinWindow(early, nowMs, windowMs) && isLateTrigger(early, signal.timeMs)) continue;
      firedInBatch.add(signal.fingerprint);
      kept.push(signal);
    }
  });
  return kept;
}

/** Forgets remembered resolves older than the window; returns how many. */
export function forgetEarlyResolves(store: Store, options: EarlyResolveGateOptions): number {
  return store.modelState.deleteBefore(EARLY_RESOLVE_KIND, options.nowMs - options.windowMs);
}
