/**
 * Where a series is expected to be and how far it usually strays: an exponentially weighted
 * location and scale with Huber clipping (Huber 1964; the robust exponential smoothing of
 * Gelper, Fried & Croux, J. Forecasting 29, 2010). Each residual is clipped to ±`clip` scales
 * before it updates either, so one spike moves the level by at most weight·clip·scale and a
 * fault cannot become the new normal quickly, yet a lasting level shift is followed within a
 * few half-lives. Pure; O(1) per point, two numbers of state.
 *
 * It starts from the median of the learning points and the smaller of their MAD and the spread
 * of their successive differences (robust from the first point on, and not inflated by a trend
 * within them).
 */

export interface LevelState {
  location: number;
  scale: number;
  /** Mean absolute deviation from the location, unclipped: the floor of the scale (see `floor`). */
  meanDeviation: number;
}

const MAD_TO_SIGMA = 1.4826;
/** Variance of a standard normal clipped at ±3 is 0.9733; dividing by it keeps the scale unbiased. */
const CLIPPED_VARIANCE = 0.9733;
/** σ / E|X − μ| for a normal X: turns a mean absolute deviation into a scale. */
const MEAN_DEVIATION_TO_SIGMA = 1.2533;
/** Residuals beyond this many scales count as this many in the mean absolute deviation. */
const MEAN_DEVIATION_CLIP = 100;

export class RobustLevel {
  // Fields of their own rather than a state object: one pointer fewer to chase per point.
  private center: number;
  private spread: number;
  /** `spread` floored (see `scale`); kept up to date, as it is read several times a point. */
  private flooredSpread: number;
  private meanDeviation: number;

  constructor(
    state: LevelState,
    private readonly weight: number,
    private readonly clip: number,
    private readonly minScale: number,
  ) {
    this.center = state.location;
    this.spread = state.scale;
    this.meanDeviation = state.meanDeviation;
    this.flooredSpread = this.floor(state.scale);
  }

  get state(): LevelState {
    return { location: this.center, scale: this.spread, meanDeviation: this.meanDeviation };
  }

  get location(): number {
    return this.center;
  }

  /** Scale used for z-scores and bands: never below the metric's floor or a hair of the level. */
  get scale(): number {
    return this.flooredSpread;
  }

  static fromLearning(values: readonly number[], weight: number, clip: number, minScale: number): RobustLevel {
    const sorted = [...values].sort((a, b) => a - b);
    const location = median(sorted);
    const deviations = sorted.map((v) => Math.abs(v - location)).sort((a, b) => a - b);
    const mad = median(deviations);
    const meanDeviation = deviations.reduce((sum, d) => sum + d, 0) / Math.max(1, deviations.length);
    // More than half the points equal: the MAD is 0; the mean deviation still says how much the rest stray.
    const spread = mad > 0 ? MAD_TO_SIGMA * mad : MEAN_DEVIATION_TO_SIGMA * meanDeviation;
    // Learning points that trend or step (a rate settling after a restart, a transfer winding
    // down) are far from their median by the trend, not by noise: the MAD, and the mean
    // deviation that floors the scale, came out tens of times the noise and took hundreds of
    // points to shrink. Successive differences see the noise alone (the difference-based
    // estimator of Rice, Annals of Statistics 12, 1984, made robust with a median): the smaller
    // of the two starts the scale, and the floor may not undo it. Only ever tighter than before.
    const noise = differenceScale(values);
    const scale = noise > 0 ? Math.min(spread, noise) : spread;
    return new RobustLevel(
      { location, scale, meanDeviation: Math.min(meanDeviation, scale / MEAN_DEVIATION_TO_SIGMA) },
      weight,
      clip,
      minScale,
    );
  }

  /** Learns the residual `value − offset` (offset: the seasonal profile, 0 without one). */
  update(residual: number): void {
    const limit = this.clip * this.flooredSpread;
    const deviation = residual - this.center;
    const clipped = Math.max(-limit, Math.min(limit, deviation));
    this.center += this.weight * clipped;
    // The scale learns at half the rate: under a lasting shift every residual is clipped, and at
    // the full rate the scale would grow ~17 % a point and swallow the shift before the level moved.
    const scaleWeight = this.weight / 2;
    // Clipped too, but far wider, and at half the scale's rate: repeated bursts teach it, one
    // wild value raises it by at most half a scale (fading with a half-life of ~140 points), and
    // a lasting shift is not absorbed faster than the scale itself absorbs it. Unclipped only
    // while there is no scale at all, so a flat start can learn one.
    const limitForMean = this.meanDeviation === 0 && this.spread === 0 ? Number.MAX_VALUE : MEAN_DEVIATION_CLIP * this.flooredSpread;
    this.meanDeviation += (scaleWeight / 2) * (Math.min(Math.abs(deviation), limitForMean) - this.meanDeviation);
    this.spread = Math.sqrt((1 - scaleWeight) * this.spread * this.spread + (scaleWeight * clipped * clipped) / CLIPPED_VARIANCE);
    this.flooredSpread = this.floor(this.spread);
  }

  /**
   * A series that is mostly one value (a disk that writes in bursts, an error count) has a
   * robust scale of zero, and clipping at a multiple of zero would keep it there: every burst
   * would be 10^12 scales off. The unclipped mean absolute deviation says how far the series
   * does stray, bursts included, and floors the scale; on a well-behaved series it is about the
   * robust scale itself, so it changes little there. (+2 on NAB standard: docs/benchmarks.md.)
   */
  private floor(spread: number): number {
    return Math.max(spread, MEAN_DEVIATION_TO_SIGMA * this.meanDeviation, this.minScale, 1e-9 * Math.abs(this.center), Number.MIN_VALUE);
  }
}

/** σ of the noise from the median absolute difference of consecutive values (a difference is √2 σ wide). */
function differenceScale(values: readonly number[]): number {
  const differences: number[] = [];
  for (let i = 1; i < values.length; i++) differences.push(Math.abs((values[i] as number) - (values[i - 1] as number)));
  differences.sort((a, b) => a - b);
  return (MAD_TO_SIGMA * median(differences)) / Math.SQRT2;
}

function median(sorted: readonly number[]): number {
  if (sorted.length === 0) return 0;
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle] as number) + (sorted[middle - 1] as number)) / 2;
}
