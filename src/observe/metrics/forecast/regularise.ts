/**
 * Irregular (timeMs, value) points → one value per slot of a regular grid, which is what the
 * autocorrelation and Holt-Winters code need. Pure: no I/O, no clock.
 *
 * Rules (the "bad input" rules of issue 3 for forecasting):
 * - NaN and ±Infinity values or times are dropped; points are sorted by time, so out-of-order
 *   input is fine.
 * - The step is the median gap between distinct timestamps: robust to jitter and to a few long
 *   outages, unlike the mean.
 * - Each point lands in its nearest slot; duplicates and several points per slot are averaged.
 * - Runs of at most `maxFillSteps` empty slots are filled by linear interpolation between their
 *   neighbours (the treatment of occasional missing values in Hyndman & Athanasopoulos,
 *   "Forecasting: Principles and Practice", 3rd ed., §13.9, and R forecast::na.interp for
 *   non-seasonal data). Longer runs stay NaN ("missing"): drawing a straight line through an hour
 *   or a day of outage would teach the seasonal model a shape the series never had.
 * - A huge jump in time cannot allocate a huge grid: only the newest `maxSlots` slots are kept.
 */

export interface TimePoint {
  timeMs: number;
  value: number;
}

/** A regular series: values[i] is the value at startMs + i·stepMs, NaN where missing. */
export interface RegularSeries {
  startMs: number;
  stepMs: number;
  values: number[];
}

export interface RegulariseOptions {
  /** Grid step; @default the median gap between distinct timestamps */
  stepMs?: number;
  /** Longest run of empty slots filled by interpolation; @default 6 */
  maxFillSteps?: number;
  /** Most slots kept (the newest); @default 200_000 */
  maxSlots?: number;
}

/** Finite points, oldest first. */
export function cleanPoints(points: readonly TimePoint[]): TimePoint[] {
  return points
    .filter((point) => Number.isFinite(point.timeMs) && Number.isFinite(point.value))
    .sort((a, b) => a.timeMs - b.timeMs);
}

/** Median gap between distinct consecutive timestamps of sorted points; 0 when there is none. */
export function typicalStepMs(sorted: readonly TimePoint[]): number {
  const gaps: number[] = [];
  for (let i = 1; i < sorted.length; i++) {
    const gap = (sorted[i] as TimePoint).timeMs - (sorted[i - 1] as TimePoint).timeMs;
    if (gap > 0) gaps.push(gap);
  }
  if (gaps.length === 0) return 0;
  gaps.sort((a, b) => a - b);
  const middle = gaps.length >> 1;
  const upper = gaps[middle] as number;
  return gaps.length % 2 === 1 ? upper : (upper + (gaps[middle - 1] as number)) / 2;
}

export function regularise(points: readonly TimePoint[], options: RegulariseOptions = {}): RegularSeries {
  const sorted = cleanPoints(points);
  const stepMs = options.stepMs ?? typicalStepMs(sorted);
  const first = sorted[0];
  const last = sorted.at(-1);
  if (first === undefined || last === undefined || !(stepMs > 0)) {
    return { startMs: first?.timeMs ?? 0, stepMs, values: first === undefined ? [] : [meanOf(sorted)] };
  }
  const maxSlots = options.maxSlots ?? 200_000;
  const span = Math.round((last.timeMs - first.timeMs) / stepMs) + 1;
  const slots = Math.min(span, maxSlots);
  // Anchored on the newest point so the grid ends exactly at the last observation.
  const startMs = last.timeMs - (slots - 1) * stepMs;
  const sums = new Float64Array(slots);
  const counts = new Uint32Array(slots);
  for (const point of sorted) {
    const slot = Math.round((point.timeMs - startMs) / stepMs);
    if (slot < 0 || slot >= slots) continue;
    sums[slot] = (sums[slot] as number) + point.value;
    counts[slot] = (counts[slot] as number) + 1;
  }
  const values = Array.from(sums, (sum, i) => ((counts[i] as number) > 0 ? sum / (counts[i] as number) : Number.NaN));
  fillShortGaps(values, options.maxFillSteps ?? 6);
  return { startMs, stepMs, values };
}

/** Linear interpolation across runs of ≤ maxRun NaNs that have a value on both sides. */
export function fillShortGaps(values: number[], maxRun: number): void {
  let previous = -1;
  for (let i = 0; i < values.length; i++) {
    if (Number.isNaN(values[i])) continue;
    const run = i - previous - 1;
    if (previous >= 0 && run > 0 && run <= maxRun) {
      const from = values[previous] as number;
      const to = values[i] as number;
      for (let k = 1; k <= run; k++) values[previous + k] = from + ((to - from) * k) / (run + 1);
    }
    previous = i;
  }
}

function meanOf(points: readonly TimePoint[]): number {
  return points.reduce((sum, point) => sum + point.value, 0) / points.length;
}
