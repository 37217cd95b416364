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
const MIN_SD = 1e-4;

export class AnomalyLikelihood {
  constructor(
    private readonly state: LikelihoodState,
    private readonly halfLife: number,
    private readonly shortPoints: number,
  ) {}

  static fresh(halfLife: number, shortPoints: number): AnomalyLikelihood {
    return new AnomalyLikelihood({ mean: 0, variance: 0, count: 0, recent: [] }, halfLife, shortPoints);
  }

  get snapshot(): LikelihoodState {
    return { ...this.state, recent: [...this.state.recent] };
  }

  /** Scores `raw` against the raw scores before it, then learns it. In [0, 1]. */
  observe(raw: number): number {
    const s = this.state;
    s.recent.push(raw);
    if (s.recent.length > this.shortPoints) s.recent.shift();
    let shortMean = 0;
    for (const r of s.recent) shortMean += r;
    shortMean /= s.recent.length;

    s.count += 1;
    const weight = Math.max(1 / this.halfLife, 1 / s.count);
    const delta = raw - s.mean;
    s.mean += weight * delta;
    s.variance = (1 - weight) * (s.variance + weight * delta * delta);

    const tail = upperNormalTail((shortMean - s.mean) / Math.max(Math.sqrt(s.variance), MIN_SD));
    return Math.min(1, Math.max(0, -Math.log10(Math.max(tail, Number.MIN_VALUE)) / DECADES_AT_FULL_SCORE));
  }

  clearRecent(): void {
    this.state.recent = [];
  }
}
