/**
 * Quantises values into a few bins spanning everything the series has done so far, so
 * ContextNovelty can compare shapes. Pure; O(1).
 *
 * The span only grows: a value past the old extremes widens it (and is itself flagged as
 * beyond them), so after a spike the bins coarsen and the series has to do something bigger
 * to look new again — the behaviour that keeps noisy series quiet. `minSpan` keeps a
 * near-constant series from splitting its noise into bins (a metric's own floor, e.g. two
 * percentage points for an error ratio).
 */

export class ValueBins {
  constructor(
    private readonly bins: number,
    private readonly minSpan: number,
    private low = Number.POSITIVE_INFINITY,
    private high = Number.NEGATIVE_INFINITY,
  ) {}

  get extremes(): { low: number; high: number } {
    return { low: this.low, high: this.high };
  }

  /** Widens the span to `value`; true when it had to (the value is beyond all seen). */
  extend(value: number): boolean {
    const beyond = value < this.low || value > this.high;
    if (value < this.low) this.low = value;
    if (value > this.high) this.high = value;
    return beyond && Number.isFinite(this.low) && this.low !== this.high;
  }

  bin(value: number): number {
    const span = Math.max(this.high - this.low, this.minSpan, Number.MIN_VALUE);
    const index = Math.floor(((value - this.low) / span) * this.bins);
    // A span of ±1e308 overflows to Infinity and gives NaN: such a value is at the edge anyway.
    if (!Number.isFinite(index)) return index > 0 ? this.bins - 1 : 0;
    return Math.min(this.bins - 1, Math.max(0, index));
  }
}

/**
 * The bin of a deviation `z` (in scales from the expected value): one scale per bin, `bins / 2`
 * below zero, the outermost bins open-ended. Where ValueBins places a value within everything
 * the series has ever done — coarse after one wild outlier, and blind to the time of day — this
 * places it against what was expected just now, so its contexts are shapes of the residual.
 */
export function deviationBin(z: number, bins: number): number {
  const index = Math.floor(z) + (bins >> 1);
  return index < 0 ? 0 : index >= bins ? bins - 1 : index;
}
