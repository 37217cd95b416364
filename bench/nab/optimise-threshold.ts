/**
 * NAB's threshold optimisation (NAB v1.1 `sweeper.calcScoreByThreshold` as driven by
 * `optimizer.optimizeThreshold`; Lavin & Ahmad 2015, §"Scoring"). Pure.
 *
 * A threshold t detects every row scoring ≥ t. Each window is worth its earliest detection's
 * weighted sigmoid (the largest, since the sigmoid falls across the window) or −fnWeight if it
 * has none; every detection outside windows adds its (negative) weighted value. Only the
 * distinct score values (and "detect nothing", 1.1 as in NAB) change which rows are detected,
 * so they are the only candidates, and all are tried: rows are sorted once by score and the
 * corpus score is updated row by row, O(n log n) per profile.
 *
 * The running total accumulates rounding over ~10^5 updates, so it only picks the threshold;
 * the reported score is recomputed directly at that threshold by `scoreAtThreshold`.
 */
import { MAX_TP } from './scaled-sigmoid.js';
import type { ScoredCorpus } from './scored-corpus.js';
import type { CostProfile, ThresholdResult } from './types.js';

/** NAB's "detect nothing" candidate; scores are in [0, 1], so no row reaches it. */
export const NO_DETECTION_THRESHOLD = 1.1;

/** Weighted value of row i under a profile (NAB's `sweepScore`). */
function weighted(corpus: ScoredCorpus, i: number, profile: CostProfile): number {
  const u = corpus.unweighted[i] as number;
  return (corpus.windows[i] as number) >= 0 ? (u * profile.tpWeight) / MAX_TP : u * profile.fpWeight;
}

export function optimiseThreshold(corpus: ScoredCorpus, profile: CostProfile): ThresholdResult {
  const n = corpus.scores.length;
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => (corpus.scores[b] as number) - (corpus.scores[a] as number),
  );
  const best = new Float64Array(corpus.scorableWindows).fill(-profile.fnWeight);
  let total = -profile.fnWeight * corpus.scorableWindows;
  let bestThreshold = NO_DETECTION_THRESHOLD;
  let bestTotal = total;
  let k = 0;
  while (k < n) {
    const threshold = corpus.scores[order[k] as number] as number;
    // Take in every row of this score before judging the threshold: ties are detected together.
    for (; k < n && corpus.scores[order[k] as number] === threshold; k++) {
      const i = order[k] as number;
      const value = weighted(corpus, i, profile);
      const window = corpus.windows[i] as number;
      if (window < 0) {
        total += value;
      } else if (value > (best[window] as number)) {
        total += value - (best[window] as number);
        best[window] = value;
      }
    }
    // Strictly better only: on a tie NAB keeps the higher threshold (stable sort, swept downwards).
    if (total > bestTotal) {
      bestTotal = total;
      bestThreshold = threshold;
    }
  }
  return { threshold: bestThreshold, score: scoreAtThreshold(corpus, profile, bestThreshold) };
}

/** The corpus score when every row scoring ≥ threshold is a detection, summed directly. */
export function scoreAtThreshold(corpus: ScoredCorpus, profile: CostProfile, threshold: number): number {
  const best = new Float64Array(corpus.scorableWindows).fill(-profile.fnWeight);
  let falsePositives = 0;
  for (let i = 0; i < corpus.scores.length; i++) {
    if ((corpus.scores[i] as number) < threshold) continue;
    const value = weighted(corpus, i, profile);
    const window = corpus.windows[i] as number;
    if (window < 0) falsePositives += value;
    else best[window] = Math.max(best[window] as number, value);
  }
  return best.reduce((sum, v) => sum + v, falsePositives);
}
