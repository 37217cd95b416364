/**
 * An operation's usual span durations: an exponentially decayed histogram on log-spaced buckets
 * (each 15% wider than the last, 1 µs to about 3 h: 166 buckets, 664 bytes). Quantiles come out
 * within one bucket, ±7.5%, whatever the spread, which is what "its usual p99" needs; the idea
 * is that of DDSketch (Masson et al., VLDB 2019) with fixed buckets and decay instead of merging.
 * Pure.
 *
 * Adding a span is one Math.log and one increment. Decay runs per window, not per span: counts
 * are multiplied by 2^(-elapsed / halfLife) when the owner asks, so the baseline follows slow
 * drift (a release that is 10% slower becomes usual within a few half-lives) but a fault lasting
 * minutes barely moves it.
 */

const GAMMA = 1.15;
const MIN_MS = 0.001;
const INV_LOG_GAMMA = 1 / Math.log(GAMMA);
export const DURATION_BUCKETS = Math.ceil(Math.log(1e7 / MIN_MS) * INV_LOG_GAMMA) + 1;

/** The bucket of a duration: durations below 1 µs share the first, above ~3 h the last. */
export function durationBucket(durationMs: number): number {
  if (!(durationMs > MIN_MS)) return 0;
  const index = Math.floor(Math.log(durationMs / MIN_MS) * INV_LOG_GAMMA);
  return index < DURATION_BUCKETS ? index : DURATION_BUCKETS - 1;
}

/** The largest duration that falls in `bucket`. */
export function bucketUpperMs(bucket: number): number {
  return MIN_MS * GAMMA ** (bucket + 1);
}

export class DurationHistogram {
  readonly counts: Float32Array;
  #total: number;

  constructor(counts?: Float32Array) {
    this.counts = counts ?? new Float32Array(DURATION_BUCKETS);
    let total = 0;
    for (const count of this.counts) total += count;
    this.#total = total;
  }

  /** Decayed count of spans seen: the evidence behind the quantiles. */
  get total(): number {
    return this.#total;
  }

  add(bucket: number): void {
    this.counts[bucket] = (this.counts[bucket] ?? 0) + 1;
    this.#total += 1;
  }

  decay(factor: number): void {
    if (factor >= 1) return;
    for (let i = 0; i < this.counts.length; i++) this.counts[i] = (this.counts[i] ?? 0) * factor;
    this.#total *= factor;
  }

  /** The bucket holding quantile `q` (0 with no data). */
  quantileBucket(q: number): number {
    const target = q * this.#total;
    let seen = 0;
    for (let i = 0; i < this.counts.length; i++) {
      seen += this.counts[i] ?? 0;
      if (seen >= target) return i;
    }
    return this.counts.length - 1;
  }

  /** Share of the decayed mass in buckets above `bucket`. */
  shareAbove(bucket: number): number {
    if (this.#total <= 0) return 0;
    let above = 0;
    for (let i = bucket + 1; i < this.counts.length; i++) above += this.counts[i] ?? 0;
    return above / this.#total;
  }
}
