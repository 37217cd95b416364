/**
 * Root-cause accuracy as the RCA literature reports it (MicroRank, Nezha, RCAEval): AC@k is the
 * share of cases whose true root-cause service is among the first k ranked, Avg@5 the mean of
 * AC@1 … AC@5. Pure.
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
}

const DEPTH = 5;

export function accuracyOf(cases: readonly RankedCase[]): Accuracy {
  const hitsAt = new Array<number>(DEPTH).fill(0);
  for (const { truth, ranked } of cases) {
    const rank = ranked.slice(0, DEPTH).indexOf(truth);
    if (rank === -1) continue;
    for (let k = rank; k < DEPTH; k++) hitsAt[k] = (hitsAt[k] ?? 0) + 1;
  }
  const acAt = hitsAt.map((hits) => (cases.length === 0 ? 0 : hits / cases.length));
  return { cases: cases.length, acAt, avg5: acAt.reduce((sum, ac) => sum + ac, 0) / DEPTH };
}
