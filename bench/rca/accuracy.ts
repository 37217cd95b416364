/**
 * Root-cause accuracy as the RCA literature reports it (MicroRank, Nezha, RCAEval): AC@k is the
 * share of cases whose true root-cause service is among the first k ranked, Avg@5 the mean of
 * AC@1 … AC@5, and MRR the mean of 1/rank of the true service (0 when it is not among the
 * first 5, so it is MRR@5). Pure.
 */

/** One ranking to score: the true service and the services returned, best first. */
export interface RankedCase {
  truth: string;
  ranked: readonly string[];
}

export interface Accuracy {
  cases: number;
  /** AC@1 … AC@5, shares in [0, 1]. */
  acAt: readonly number[];
  avg5: number;
  mrr: number;
}

const DEPTH = 5;

export function accuracyOf(cases: readonly RankedCase[]): Accuracy {
  const hitsAt = new Array<number>(DEPTH).fill(0);
  let reciprocalRanks = 0;
  for (const { truth, ranked } of cases) {
    // A service listed twice (once per instance, say) counts at its first place only.
    const rank = [...new Set(ranked)].slice(0, DEPTH).indexOf(truth);
    if (rank === -1) continue;
    reciprocalRanks += 1 / (rank + 1);
    for (let k = rank; k < DEPTH; k++) hitsAt[k] = (hitsAt[k] ?? 0) + 1;
  }
  const share = (count: number) => (cases.length === 0 ? 0 : count / cases.length);
  const acAt = hitsAt.map(share);
  return { cases: cases.length, acAt, avg5: acAt.reduce((sum, ac) => sum + ac, 0) / DEPTH, mrr: share(reciprocalRanks) };
}
