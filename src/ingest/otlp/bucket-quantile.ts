/**
 * Quantile estimate from explicit-bucket histogram counts, by linear interpolation inside the
 * bucket that holds the target rank (the same estimate as Prometheus' histogram_quantile).
 * The open-ended first and last buckets are closed with the observed min/max when known,
 * else with 0 (first bucket, positive bounds) and the last finite bound.
 */

export interface BucketRange {
  min?: number | undefined;
  max?: number | undefined;
}

/**
 * @param quantile in [0, 1]
 * @param bounds explicit bounds, strictly increasing; bucket i covers (bounds[i-1], bounds[i]]
 * @param counts bounds.length + 1 per-interval counts
 * @returns undefined when the buckets are empty
 */
export function bucketQuantile(
  quantile: number,
  bounds: readonly number[],
  counts: readonly number[],
  range: BucketRange = {},
): number | undefined {
  const total = counts.reduce((sum, count) => sum + count, 0);
  if (total <= 0 || counts.length !== bounds.length + 1) return undefined;
  const rank = quantile * total;
  let below = 0;
  for (let index = 0; index < counts.length; index++) {
    const count = counts[index] ?? 0;
    if (count > 0 && below + count >= rank) {
      const { lower, upper } = bucketEdges(index, bounds, range);
      return lower + (upper - lower) * ((rank - below) / count);
    }
    below += count;
  }
  return undefined;
}

function bucketEdges(index: number, bounds: readonly number[], range: BucketRange): { lower: number; upper: number } {
  const first = bounds[0];
  const last = bounds[bounds.length - 1];
  if (first === undefined || last === undefined) {
    // A single bucket with no bounds: only min/max say anything.
    return { lower: range.min ?? range.max ?? 0, upper: range.max ?? range.min ?? 0 };
  }
  let lower = index === 0 ? (first > 0 ? 0 : first) : (bounds[index - 1] ?? first);
  let upper = index < bounds.length ? (bounds[index] ?? last) : last;
  if (index === 0 && range.min !== undefined && Number.isFinite(range.min) && range.min <= first) lower = range.min;
  if (index === bounds.length && range.max !== undefined && Number.isFinite(range.max) && range.max >= last) upper = range.max;
  // min/max also tighten inner buckets: no observation lies outside them.
  if (range.min !== undefined && Number.isFinite(range.min) && range.min > lower && range.min <= upper) lower = range.min;
  if (range.max !== undefined && Number.isFinite(range.max) && range.max < upper && range.max >= lower) upper = range.max;
  return { lower, upper };
}
