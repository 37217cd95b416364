/**
 * How new the recent shape of a series is: the share of its recent contexts (the last value's
 * bin, the last two bins, the last three …) never seen before. Pure and O(order) per point.
 *
 * The idea is that of contextual anomaly detection (CAD-OSE, Smirnov & Ahmad in NAB 2016;
 * Cortical's "novelty" detectors): operations metrics repeat a small vocabulary of shapes, and
 * an incident is a shape they have not made before — a value in a bin never visited, or a
 * familiar value reached by a path never taken. Seen contexts live in a fixed bitset addressed by
 * an FNV-1a hash of the bin sequence, so memory is constant (2^bits / 8 bytes) and a collision
 * only ever makes a context look familiar (errs quiet, never loud).
 */

export interface NoveltyReading {
  /** Share of the contexts ending at this point that were new, in [0, 1]. */
  novelty: number;
  /** The single-bin context was new: the value sits where the series has never been. */
  newBin: boolean;
}

const FNV_OFFSET = 2166136261;
const FNV_PRIME = 16777619;

export class ContextNovelty {
  private readonly seen: Uint8Array;
  private readonly mask: number;
  /** Newest bin last; at most `order` entries. */
  private recent: number[] = [];

  constructor(
    private readonly order: number,
    bits: number,
    seen?: Uint8Array,
  ) {
    this.mask = (1 << bits) - 1;
    this.seen = seen ?? new Uint8Array(1 << Math.max(0, bits - 3));
  }

  /** Scores the contexts ending in `bin`, then remembers them. */
  observe(bin: number): NoveltyReading {
    this.recent.push(bin);
    if (this.recent.length > this.order) this.recent.shift();
    let fresh = 0;
    let newBin = false;
    let hash = FNV_OFFSET;
    for (let k = this.recent.length - 1; k >= 0; k--) {
      hash = Math.imul(hash ^ ((this.recent[k] as number) + 1024), FNV_PRIME) >>> 0;
      const slot = (hash ^ (hash >>> 15)) & this.mask;
      const byte = slot >>> 3;
      const bit = 1 << (slot & 7);
      if (((this.seen[byte] as number) & bit) === 0) {
        this.seen[byte] = (this.seen[byte] as number) | bit;
        fresh += 1;
        if (k === this.recent.length - 1) newBin = true;
      }
    }
    return { novelty: fresh / this.recent.length, newBin };
  }

  /** After a gap the next point does not follow the last one: contexts must not bridge it. */
  forgetRecent(): void {
    this.recent = [];
  }

  get state(): { seen: Uint8Array; recent: readonly number[] } {
    return { seen: this.seen, recent: this.recent };
  }

  static restore(order: number, bits: number, seen: Uint8Array, recent: readonly number[]): ContextNovelty {
    const novelty = new ContextNovelty(order, bits, seen);
    novelty.recent = recent.slice(-order);
    return novelty;
  }
}
