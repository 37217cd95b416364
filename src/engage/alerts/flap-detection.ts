/**
 * Flap detection, after Nagios Core's "Detection and Handling of State Flapping": keep the
 * last 21 states of a thing, count the state changes between neighbours (20 slots), weight
 * recent changes more than old ones (linearly, 0.8 for the oldest slot to 1.2 for the newest)
 * and call it flapping when the weighted share of changes reaches a high threshold; it stops
 * flapping only when the share falls below a lower one (hysteresis, so it does not flap
 * between flapping and not). Nagios samples by polling; opsloop is pushed deliveries, so the
 * history is the fingerprint's deliveries, and deliveries older than `windowMs` no longer
 * count: an alert that fires once a day is not flapping however regular it is.
 * Pure: the evaluation time is passed in.
 */
import type { Delivery } from '../../core/records.js';

export interface FlapOptions {
  /** Deliveries kept per fingerprint (Nagios: 21). @default 21 */
  samples: number;
  /** Deliveries older than this, before the evaluation time, are ignored. @default 3_600_000 */
  windowMs: number;
  /** Weighted percent of state changes at or above which an alert starts flapping. @default 50 */
  startPercent: number;
  /** Weighted percent below which a flapping alert settles. @default 25 */
  stopPercent: number;
  /** Fewest state changes in the window before it can flap: fire, resolve, fire, resolve, fire. @default 4 */
  minChanges: number;
}

export const DEFAULT_FLAP_OPTIONS: FlapOptions = Object.freeze({
  samples: 21,
  windowMs: 3_600_000,
  startPercent: 50,
  stopPercent: 25,
  minChanges: 4,
});

export interface FlapState {
  flapping: boolean;
  /** Weighted percent of state changes among the counted deliveries. */
  percent: number;
  changes: number;
  /** Deliveries counted (within the window). */
  counted: number;
}

/** Inserts a delivery in time order and keeps the newest `samples`. */
export function recordDelivery(history: readonly Delivery[] | undefined, delivery: Delivery, samples: number): Delivery[] {
  // The usual case, a delivery newer than all before it, in one copy (this runs for every repeat).
  const last = history?.at(-1);
  if (samples > 0 && (!last || last.timeMs <= delivery.timeMs)) {
    const kept = history ? history.slice(Math.max(0, history.length + 1 - samples)) : [];
    kept.push(delivery);
    return kept;
  }
  const next = [...(history ?? [])];
  let index = next.length;
  while (index > 0 && (next[index - 1]?.timeMs ?? 0) > delivery.timeMs) index -= 1;
  next.splice(index, 0, delivery);
  return next.slice(-samples);
}

/** A delivery the history already holds (same status, same time) is the same delivery again. */
export function isDuplicateDelivery(history: readonly Delivery[] | undefined, delivery: Delivery): boolean {
  if (!history) return false;
  for (const d of history) if (d.timeMs === delivery.timeMs && d.status === delivery.status) return true;
  return false;
}

/** `wasFlapping` selects the threshold to compare with: start when not flapping, stop when flapping. */
export function evaluateFlap(history: readonly Delivery[] | undefined, wasFlapping: boolean, nowMs: number, options: FlapOptions = DEFAULT_FLAP_OPTIONS): FlapState {
  const counted = (history ?? []).filter((d) => d.timeMs > nowMs - options.windowMs && d.timeMs <= nowMs);
  const slots = counted.length - 1;
  let weighted = 0;
  let total = 0;
  let changes = 0;
  for (let i = 1; i < counted.length; i += 1) {
    const weight = slots === 1 ? 1 : 0.8 + (0.4 * (i - 1)) / (slots - 1);
    total += weight;
    if (counted[i]?.status !== counted[i - 1]?.status) {
      weighted += weight;
      changes += 1;
    }
  }
  const percent = total === 0 ? 0 : (100 * weighted) / total;
  const flapping = wasFlapping
    ? changes > 0 && percent >= options.stopPercent
    : changes >= options.minChanges && percent >= options.startPercent;
  return { flapping, percent, changes, counted: counted.length };
}

export function flapReason(state: FlapState, options: FlapOptions = DEFAULT_FLAP_OPTIONS): string {
  const minutes = Math.round(options.windowMs / 60_000);
  return `state changed ${state.changes} times in its last ${state.counted} deliveries within ${minutes} min (weighted ${Math.round(state.percent)}% ≥ ${options.stopPercent}% keeps it flapping, ${options.startPercent}% starts it)`;
}
