/**
 * The last cumulative observation per series, so cumulative counters and histograms can be
 * turned into per-interval increases.
 *
 * Memory is bounded on purpose: series identity comes from client-chosen labels, so a
 * misbehaving client (a request id in a label, a pod churn storm) would otherwise grow this map
 * without limit in a long-running receiver. When full, the least recently updated series is
 * evicted; the cost is one lost interval for that series if it comes back (its next point is
 * treated as a first point and only sets a baseline).
 *
 * Updates go through a Stage and are committed only after the sink accepted the batch, so a
 * request that fails (e.g. 503) and is retried by the exporter yields the same rates again
 * instead of nothing.
 */

export interface CumulativeEntry {
  startNanos: bigint;
  timeNanos: bigint;
  /** Values that only grow until a reset: a counter, or a histogram's count and bucket counts. */
  counters: readonly number[];
  /** A histogram/summary sum; it may shrink (negative observations), so it never signals a reset. */
  sum: number | undefined;
  /** What the counters mean (e.g. histogram bounds); a change is treated as a reset. */
  layout: string;
}

export const DEFAULT_MAX_SERIES = 100_000;

export class CumulativeState {
  readonly maxSeries: number;
  // A Map iterates in insertion order; re-inserting on update keeps it ordered by recency.
  readonly #entries = new Map<string, CumulativeEntry>();

  constructor(options: { maxSeries?: number } = {}) {
    const maxSeries = options.maxSeries ?? DEFAULT_MAX_SERIES;
    if (!Number.isInteger(maxSeries) || maxSeries < 1) {
      throw new RangeError(`maxSeries must be a positive integer, got ${maxSeries}`);
    }
    this.maxSeries = maxSeries;
  }

  get size(): number {
    return this.#entries.size;
  }

  get(key: string): CumulativeEntry | undefined {
    return this.#entries.get(key);
  }

  set(key: string, entry: CumulativeEntry): void {
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    while (this.#entries.size > this.maxSeries) {
      const oldest = this.#entries.keys().next();
      if (oldest.done === true) break;
      this.#entries.delete(oldest.value);
    }
  }

  delete(key: string): void {
    this.#entries.delete(key);
  }

  /** A private view for one request: reads see its own writes, the state sees them on commit. */
  stage(): CumulativeStage {
    return new CumulativeStage(this);
  }
}

export class CumulativeStage {
  readonly #state: CumulativeState;
  /** undefined marks a staged deletion. */
  readonly #pending = new Map<string, CumulativeEntry | undefined>();

  constructor(state: CumulativeState) {
    this.#state = state;
  }

  get(key: string): CumulativeEntry | undefined {
    return this.#pending.has(key) ? this.#pending.get(key) : this.#state.get(key);
  }

  set(key: string, entry: CumulativeEntry): void {
    this.#pending.set(key, entry);
  }

  delete(key: string): void {
    this.#pending.set(key, undefined);
  }

  commit(): void {
    for (const [key, entry] of this.#pending) {
      if (entry === undefined) this.#state.delete(key);
      else this.#state.set(key, entry);
    }
    this.#pending.clear();
  }
}
