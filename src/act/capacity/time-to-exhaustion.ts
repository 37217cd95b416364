/**
 * When a forecast reaches a limit, with a range from its prediction interval. Pure.
 *
 * The expected time is where the point forecast first reaches the limit; the earliest is where the
 * upper band does (the interval says it could be that soon), the latest where the lower band does
 * (it will almost surely have happened by then; absent when even the lower band stays under the
 * limit over the horizon). Each crossing is interpolated linearly between the two forecast
 * points around it, starting from the last observation, so the answer does not jump by a whole
 * step as new data arrives.
 */

export interface BandPoint {
  timeMs: number;
  value: number;
  lower: number;
  upper: number;
}

export interface Exhaustion {
  /** The newest observation is at or above the limit already. */
  exhaustedNow: boolean;
  expectedMs?: number;
  earliestMs?: number;
  latestMs?: number;
}

export function timeToExhaustion(last: { timeMs: number; value: number }, forecast: readonly BandPoint[], limit: number): Exhaustion {
  if (last.value >= limit) return { exhaustedNow: true, expectedMs: last.timeMs, earliestMs: last.timeMs, latestMs: last.timeMs };
  const start = { timeMs: last.timeMs, value: last.value, lower: last.value, upper: last.value };
  const expectedMs = crossing(start, forecast, limit, (p) => p.value);
  const earliestMs = crossing(start, forecast, limit, (p) => p.upper);
  const latestMs = crossing(start, forecast, limit, (p) => p.lower);
  return {
    exhaustedNow: false,
    ...(expectedMs === undefined ? {} : { expectedMs }),
    ...(earliestMs === undefined ? {} : { earliestMs }),
    ...(latestMs === undefined ? {} : { latestMs }),
  };
}

function crossing(start: BandPoint, forecast: readonly BandPoint[], limit: number, read: (point: BandPoint) => number): number | undefined {
  let previous = start;
  for (const point of forecast) {
    const before = read(previous);
    const after = read(point);
    if (after >= limit) {
      const share = after === before ? 1 : (limit - before) / (after - before);
      return previous.timeMs + Math.min(1, Math.max(0, share)) * (point.timeMs - previous.timeMs);
    }
    previous = point;
  }
  return undefined;
}
