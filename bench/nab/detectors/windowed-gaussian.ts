/**
 * Baseline: the "windowed Gaussian" of NAB's scoreboard, written from its description. Each
 * point is scored by how unlikely it is under a normal law fitted to the previous
 * `WINDOW` values: score = 1 − P(|X − μ| ≥ |x − μ|) = 1 − erfc(|z|/√2). Causal, O(1) per point.
 *
 * Mean and variance come from running sums over a ring buffer, shifted by the file's first
 * value so that large levels (tweet counts, bytes) do not cancel catastrophically.
 */
import type { NabDetector, PointScorer } from './nab-detector.js';
import { erfc } from '../../../src/observe/metrics/model/normal-tail.js';

/** As in NAB's windowedGaussian detector: long enough to span several days of 5-minute data. */
const WINDOW = 6400;
/** A flat window has σ = 0; a floor keeps the first change finite rather than NaN. */
const MIN_STD = 1e-6;

function createScorer(): PointScorer {
  const ring = new Float64Array(WINDOW);
  let count = 0;
  let next = 0;
  let shift = 0;
  let sum = 0;
  let sumSquares = 0;
  return (_timeMs, value) => {
    if (count === 0) shift = value;
    let score = 0;
    if (count >= 2) {
      const mean = sum / count;
      const variance = Math.max(0, (sumSquares - (sum * sum) / count) / (count - 1));
      const z = Math.abs(value - shift - mean) / Math.max(Math.sqrt(variance), MIN_STD);
      score = 1 - erfc(z / Math.SQRT2);
    }
    const x = value - shift;
    if (count === WINDOW) {
      const old = ring[next] as number;
      sum -= old;
      sumSquares -= old * old;
    } else {
      count += 1;
    }
    ring[next] = x;
    next = (next + 1) % WINDOW;
    sum += x;
    sumSquares += x * x;
    return Math.min(1, Math.max(0, score));
  };
}

export const windowedGaussianDetector: NabDetector = {
  name: 'windowedGaussian',
  description: `tail probability under a rolling mean/std of the last ${WINDOW} points`,
  create: createScorer,
};
