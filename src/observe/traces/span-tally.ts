/** Counts, errors and durations of a set of spans, summed up into rate, error ratio and percentiles. Pure. */
import type { MapStats } from '../../core/service-map-api.js';
import { durationPercentiles } from './duration-percentiles.js';

export class SpanTally {
  private count = 0;
  private errors = 0;
  private readonly durations: number[] = [];

  add(durationMs: number, error: boolean): void {
    this.count += 1;
    if (error) this.errors += 1;
    this.durations.push(durationMs);
  }

  /** Adds another tally's spans to this one; returns this. */
  merge(other: SpanTally): this {
    this.count += other.count;
    this.errors += other.errors;
    for (const duration of other.durations) this.durations.push(duration);
    return this;
  }

  get requests(): number {
    return this.count;
  }

  /** `windowMs` turns the count into a per-second rate. */
  stats(windowMs: number): MapStats {
    const { p50, p95, p99 } = durationPercentiles(this.durations);
    return {
      requests: this.count,
      ratePerSec: windowMs > 0 ? this.count / (windowMs / 1000) : 0,
      errorRatio: this.count > 0 ? this.errors / this.count : 0,
      p50Ms: p50,
      p95Ms: p95,
      p99Ms: p99,
    };
  }
}

/** The tally under `key`, created on first use. */
export function tallyOf<K>(tallies: Map<K, SpanTally>, key: K): SpanTally {
  let tally = tallies.get(key);
  if (!tally) {
    tally = new SpanTally();
    tallies.set(key, tally);
  }
  return tally;
}
