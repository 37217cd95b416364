/**
 * How new the recent shape of a series is: the share of its recent contexts (the last value's
 * bin, the last two bins, the last three …) never seen before. Pure and O(order) per point.
 *
 * The idea is that of contextual anomaly detection (CAD-OSE, Smirnov & Ahmad in NAB 2016;
 * Cortical's "novelty" detectors): operations metrics repeat a small vocabulary of shapes, and
 * an incident is a shape they have not made before — a value in a bin never visited, or a
 * familiar value reached by a path never taken. With few bins every context has its own bit:
 * 10 bins to order 3 is 10 + 100 + 1000 bits, 139 bytes in three cache lines. Exact (no hash,
 * no collisions) and small, which matters more than the arithmetic when 10,000 series take
 * turns: each point's cost is mostly the cache lines its state spans.
 */

/** Bits of the seen-set for `bins` bins and contexts up to `order` bins long. */
export function contextBits(bins: number, order: number): number {
  let bits = 0;
  for (let k = 1, size = bins; k <= order; k++, size *= bins) bits += size;
  return bits;
}

export class ContextNovelty {
  private readonly seen: Uint8Array;
  /**
   * The last `order` bins as one base-`bins` number, newest in the lowest digit, so the context
   * of the newest k bins is `history % bins^k`: no ring to index, no array to chase.
   */
  private history = 0;
  /** How many of the newest bins in `history` follow on from each other (fewer after a gap). */
  private recentCount = 0;
  /** bins^order: `history` stays below it. */
  private readonly span: number;

  constructor(
    private readonly bins: number,
    private readonly order: number,
    seen?: Uint8Array,
  ) {
    this.seen = seen ?? new Uint8Array(Math.ceil(contextBits(bins, order) / 8));
    this.span = bins ** order;
  }

  /** Scores the contexts ending in `bin` (0 ≤ bin < bins), then remembers them: the share of them that were new. */
  observe(bin: number): number {
    this.history = (this.history * this.bins + bin) % this.span;
    if (this.recentCount < this.order) this.recentCount += 1;
    let fresh = 0;
    // Context k (the newest k + 1 bins) is a k + 1 digit number in base `bins`, stored after the
    // bits of all shorter contexts.
    let offset = 0;
    let size = this.bins;
    for (let k = 0; k < this.recentCount; k++) {
      const bitIndex = offset + (this.history % size);
      const byte = bitIndex >>> 3;
      const bit = 1 << (bitIndex & 7);
      if (((this.seen[byte] as number) & bit) === 0) {
        this.seen[byte] = (this.seen[byte] as number) | bit;
        fresh += 1;
      }
      offset += size;
      size *= this.bins;
    }
    return fresh / this.recentCount;
  }

  /** After a gap the next point does not follow the last one: contexts must not bridge it. */
  forgetRecent(): void {
    this.recentCount = 0;
  }

  /** The recent bins, oldest first. */
  get state(): { seen: Uint8Array; recent: number[] } {
    const recent: number[] = [];
    for (let k = this.recentCount - 1; k >= 0; k--) recent.push(Math.floor(this.history / this.bins ** k) % this.bins);
    return { seen: this.seen, recent };
  }

  static restore(bins: number, order: number, seen: Uint8Array, recent: readonly number[]): ContextNovelty {
    const novelty = new ContextNovelty(bins, order, seen);
    for (const bin of recent.slice(-order)) {
      novelty.history = (novelty.history * bins + bin) % novelty.span;
      novelty.recentCount += 1;
    }
    return novelty;
  }
}
