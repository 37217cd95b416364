/**
 * Where a series is expected to be and how far it usually strays: an exponentially weighted
 * location and scale with Huber clipping (Huber 1964; the robust exponential smoothing of
 * Gelper, Fried & Croux, J. Forecasting 29, 2010). Each residual is clipped to ±`clip` scales
 * before it updates either, so one spike moves the level by at most weight·clip·scale and a
 * fault cannot become the new normal quickly, yet a lasting level shift is followed within a
 * few half-lives. Pure; O(1) per point, two numbers of state.
 *
 * It starts from the median and MAD of the learning points (robust from the first point on).
 */

export interface LevelState {
  location: number;
  scale: number;
}

const MAD_TO_SIGMA = 1.4826;
/** Variance of a standard normal clipped at ±3 is 0.9733; dividing by it keeps the scale unbiased. */
const CLIPPED_VARIANCE = 0.9733;

export class RobustLevel {
  // Fields of their own rather than a state object: one pointer fewer to chase per point.
  private center: number;
  private spread: number;
  /** `spread` floored (see `scale`); kept up to date, as it is read several times a point. */
  private flooredSpread: number;

  constructor(
    state: LevelState,
    private readonly weight: number,
    private readonly clip: number,
    private readonly minScale: number,
  ) {
    this.center = state.location;
    this.spread = state.scale;
    this.flooredSpread = this.floor(state.scale);
  }

  get state(): LevelState {
    return { location: this.center, scale: this.spread };
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
    const scale = mad > 0 ? MAD_TO_SIGMA * mad : 1.2533 * meanDeviation;
    return new RobustLevel({ location, scale }, weight, clip, minScale);
  }

  /** Learns the residual `value − offset` (offset: the seasonal profile, 0 without one). */
  update(residual: number): void {
    const limit = this.clip * this.flooredSpread;
    const clipped = Math.max(-limit, Math.min(limit, residual - this.center));
    this.center += this.weight * clipped;
    // The scale learns at half the rate: under a lasting shift every residual is clipped, and at
    // the full rate the scale would grow ~17 % a point and swallow the shift before the level moved.
    const scaleWeight = this.weight / 2;
    this.spread = Math.sqrt((1 - scaleWeight) * this.spread * this.spread + (scaleWeight * clipped * clipped) / CLIPPED_VARIANCE);
    this.flooredSpread = this.floor(this.spread);
  }

  private floor(spread: number): number {
    return Math.max(spread, this.minScale, 1e-9 * Math.abs(this.center), Number.MIN_VALUE);
  }
}

function median(sorted: readonly number[]): number {
  if (sorted.length === 0) return 0;
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle] as number) + (sorted[middle - 1] as number)) / 2;
}
