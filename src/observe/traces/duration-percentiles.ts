/**
 * p50, p95 and p99 of span durations by the nearest-rank method (the smallest value with at least
 * q of the values at or below it), so every reported percentile is a duration that really
 * occurred. Pure. One sort serves all three: the RED aggregator calls this once per bucket and
 * series owner, the service map once per node, edge and operation.
 */

export interface DurationPercentiles {
  p50: number;
  p95: number;
  p99: number;
}

/** Percentiles of unsorted durations; all 0 for none. Does not modify `durations`. */
export function durationPercentiles(durations: ArrayLike<number>): DurationPercentiles {
  if (durations.length === 0) return { p50: 0, p95: 0, p99: 0 };
  // A typed copy sorts numerically without a comparator callback, several times faster.
  const sorted = Float64Array.from(durations).sort();
  return { p50: nearestRank(sorted, 0.5), p95: nearestRank(sorted, 0.95), p99: nearestRank(sorted, 0.99) };
}

/** Nearest-rank quantile of unsorted values; 0 for none. */
export function quantile(values: ArrayLike<number>, q: number): number {
  if (values.length === 0) return 0;
  return nearestRank(Float64Array.from(values).sort(), q);
}

function nearestRank(sorted: Float64Array, q: number): number {
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank] as number;
}
