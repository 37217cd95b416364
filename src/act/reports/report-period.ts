/**
 * Report periods: half-open ranges [fromMs, toMs), so back-to-back weekly reports never count
 * one alert or page twice. Pure.
 */

export interface Period {
  fromMs: number;
  /** Excluded. */
  toMs: number;
}

export const DAY_MS = 86_400_000;
export const WEEK_MS = 7 * DAY_MS;

export function within(timeMs: number, period: Period): boolean {
  return timeMs >= period.fromMs && timeMs < period.toMs;
}

/** The period of the same length just before `period`. */
export function previousPeriod(period: Period): Period {
  return { fromMs: period.fromMs - (period.toMs - period.fromMs), toMs: period.fromMs };
}

/**
 * Seven-day buckets ending at `toMs`, oldest first: at least `count`, and enough to cover
 * `period` when it is longer, at most 52.
 */
export function weekBuckets(period: Period, count: number): Period[] {
  const needed = Math.min(52, Math.max(count, Math.ceil((period.toMs - period.fromMs) / WEEK_MS)));
  return Array.from({ length: needed }, (_, index) => {
    const toMs = period.toMs - (needed - 1 - index) * WEEK_MS;
    return { fromMs: toMs - WEEK_MS, toMs };
  });
}
