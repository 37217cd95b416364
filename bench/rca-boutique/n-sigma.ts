/**
 * The plain n-sigma baseline of the RCA literature: each metric of each service is judged by
 * how far its values in the fault window stray from the hour before, in standard deviations of
 * that hour; services are ranked by their largest |z|. No graph, no model, no direction. Pure.
 */

export interface ServiceSeries {
  service: string;
  points: ReadonlyArray<{ timeMs: number; value: number }>;
}

/** The stretch before the window each series is compared with. */
const BASELINE_MS = 3_600_000;
/** Fewer baseline points than this say nothing about a series' spread. */
const MIN_BASELINE_POINTS = 3;

/** Largest |z| of a window point against the preceding hour; 0 when the hour is too short or flat. */
export function maxAbsZ(points: ServiceSeries['points'], fromMs: number, toMs: number): number {
  const baseline: number[] = [];
  let worst = 0;
  for (const { timeMs, value } of points) {
    if (timeMs >= fromMs - BASELINE_MS && timeMs < fromMs) baseline.push(value);
  }
  if (baseline.length < MIN_BASELINE_POINTS) return 0;
  const mean = baseline.reduce((sum, v) => sum + v, 0) / baseline.length;
  const sd = Math.sqrt(baseline.reduce((sum, v) => sum + (v - mean) ** 2, 0) / (baseline.length - 1));
  if (!(sd > 0)) return 0;
  for (const { timeMs, value } of points) {
    if (timeMs >= fromMs && timeMs <= toMs) worst = Math.max(worst, Math.abs(value - mean) / sd);
  }
  return worst;
}

/** Services by their largest |z| in [fromMs, toMs], largest first (services without any z > 0 left out). */
export function rankByNSigma(series: readonly ServiceSeries[], fromMs: number, toMs: number): string[] {
  const best = new Map<string, number>();
  for (const { service, points } of series) {
    const z = maxAbsZ(points, fromMs, toMs);
    if (z > (best.get(service) ?? 0)) best.set(service, z);
  }
  return [...best].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([service]) => service);
}
