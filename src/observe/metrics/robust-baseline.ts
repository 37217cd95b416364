/**
 * A rolling robust baseline: median and scale of the last N normal points of a series.
 * Pure; bounded memory (one ring of N numbers).
 *
 * Scale is the MAD scaled to a normal σ (×1.4826). When more than half of the window is one
 * value, the MAD is 0 and would make every blip infinite, so we fall back to the mean absolute
 * deviation scaled to σ (×1.2533), as in the modified z-score of Iglewicz & Hoaglin (1993),
 * and never go below 5 % of the median or the metric's own floor.
 */

export class RobustBaseline {
  private readonly values: number[] = [];
  private next = 0;

  constructor(private readonly capacity: number) {}

  get size(): number {
    return this.values.length;
  }

  add(value: number): void {
    if (this.values.length < this.capacity) {
      this.values.push(value);
    } else {
      this.values[this.next] = value;
      this.next = (this.next + 1) % this.capacity;
    }
  }

  /** Median and robust scale of the window; callers check `size` first. */
  stats(minScale: number): { median: number; scale: number } {
    const sorted = [...this.values].sort((a, b) => a - b);
    const median = medianOfSorted(sorted);
    const deviations = sorted.map((v) => Math.abs(v - median)).sort((a, b) => a - b);
    const mad = medianOfSorted(deviations);
    const meanDeviation = deviations.reduce((sum, d) => sum + d, 0) / Math.max(1, deviations.length);
    const scale = Math.max(
      mad > 0 ? 1.4826 * mad : 1.2533 * meanDeviation,
      0.05 * Math.abs(median),
      minScale,
      Number.EPSILON,
    );
    return { median, scale };
  }

  toJSON(): number[] {
    return [...this.values.slice(this.next), ...this.values.slice(0, this.next)];
  }
}

function medianOfSorted(sorted: readonly number[]): number {
  if (sorted.length === 0) return 0;
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] as number;
  return sorted.length % 2 === 1 ? upper : (upper + (sorted[middle - 1] as number)) / 2;
}
