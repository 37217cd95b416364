/**
 * Anomaly likelihood (Ahmad, Lavin, Purdy & Agha, "Unsupervised real-time anomaly detection for
 * streaming data", Neurocomputing 262, 2017, §4): a raw score means little on its own — a noisy
 * series is novel all the time, a quiet one almost never — so what counts is how unusual the
 * recent raw scores are for this series. We model the raw scores as a Gaussian (exponentially
 * weighted mean and variance, so memory is O(1) where the paper keeps a window) and compare the
 * mean of the last few raw scores against it. Pure.
 *
 * The output is −log10 of the Gaussian upper tail, scaled so 0.5 is a 1 % tail and 1 a 10^-4
 * tail: a log scale keeps strong anomalies apart where the likelihood itself would round to 1.
 */
import { upperNormalTail } from './normal-tail.js';

export interface LikelihoodState {
  mean: number;
  variance: number;
  count: number;
  recent: number[];
}

/** A 1 % tail (the NAB-optimal operating point) scores 0.5. */
const DECADES_AT_FULL_SCORE = 4;
/**
 * Least spread of the raw scores. A series that is almost never novel has a spread near 0, and
 * against it one new context (a raw 1/3, a short mean of 0.11) was a 10^-100 tail: every
 * first-time wiggle of a quiet stretch scored 1, like a real incident. Floored, one new context
 * is a ~1.5 % tail and a wholly new point (short mean 0.33) still a 10^-11 one. From 0.04 to
 * 0.07 NAB gains ~1 standard (Twitter IBM 11 → 4 false alarms); 0.08 loses windows.
 */
const MIN_SD = 0.05;

export class AnomalyLikelihood {
  // Fields of their own rather than a state object: one pointer fewer to chase per point.
  private mean: number;
  private variance: number;
  private count: number;
  /** The last `shortPoints` raw scores as a ring (no allocation per point); `head` is the next slot. */
  private readonly recent: Float64Array;
  private head = 0;
  private recentCount = 0;

  constructor(
    state: LikelihoodState,
    private readonly halfLife: number,
    private readonly shortPoints: number,
  ) {
    this.mean = state.mean;
    this.variance = state.variance;
    this.count = state.count;
    this.recent = new Float64Array(shortPoints);
    for (const raw of state.recent.slice(-shortPoints)) this.remember(raw);
  }

  static fresh(halfLife: number, shortPoints: number): AnomalyLikelihood {
    return new AnomalyLikelihood({ mean: 0, variance: 0, count: 0, recent: [] }, halfLife, shortPoints);
  }

  get state(): LikelihoodState {
    const recent: number[] = [];
    for (let k = this.recentCount; k > 0; k--) recent.push(this.recent[(this.head - k + this.shortPoints) % this.shortPoints] as number);
    return { mean: this.mean, variance: this.variance, count: this.count, recent };
  }

  /** Scores `raw` against the raw scores before it, then learns it. In [0, 1]. */
  observe(raw: number): number {
    this.remember(raw);
    let shortMean = 0;
    for (let k = 0; k < this.recentCount; k++) shortMean += this.recent[k] as number;
    shortMean /= this.recentCount;

    this.count += 1;
    const weight = Math.max(1 / this.halfLife, 1 / this.count);
    const delta = raw - this.mean;
    this.mean += weight * delta;
    this.variance = (1 - weight) * (this.variance + weight * delta * delta);

    const tail = upperNormalTail((shortMean - this.mean) / Math.max(Math.sqrt(this.variance), MIN_SD));
    return Math.min(1, Math.max(0, -Math.log10(Math.max(tail, Number.MIN_VALUE)) / DECADES_AT_FULL_SCORE));
  }

  clearRecent(): void {
    this.recentCount = 0;
    this.head = 0;
  }

  private remember(raw: number): void {
    this.recent[this.head] = raw;
    this.head = (this.head + 1) % this.shortPoints;
    if (this.recentCount < this.shortPoints) this.recentCount += 1;
  }
}
