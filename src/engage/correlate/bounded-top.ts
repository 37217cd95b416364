/**
 * The best few of many candidates when an upper bound of each one's score is cheap and its
 * exact score is not: the k highest bounds are scored exactly first, and then only the
 * candidates whose bound reaches the k-th best exact score so far, since the others cannot
 * reach the top k (the "threshold" idea of Fagin, Lotem and Naor, "Optimal aggregation algorithms
 * for middleware", PODS 2001, with one bound per candidate instead of sorted lists). The
 * result holds every candidate of the true top k, so ranking it gives the same top k as
 * scoring all. Pure.
 */

export interface Bounded {
  /** No exact score of this candidate exceeds it. */
  bound: number;
}

/**
 * Slack for the bound: a bound and an exact score are computed along different paths (a
 * logistic of a larger sum), and Math.exp is not promised to be monotonic to the last bit.
 */
const BOUND_SLACK = 1e-9;

export function boundedTop<T extends Bounded, S extends { score: number }>(candidates: readonly T[], k: number, exact: (candidate: T) => S): S[] {
  const scored: S[] = [];
  // The k best exact scores so far, best first.
  const best: number[] = [];
  const keep = (result: S) => {
    scored.push(result);
    let at = best.length;
    while (at > 0 && (best[at - 1] as number) < result.score) at--;
    if (at < k) {
      best.splice(at, 0, result.score);
      if (best.length > k) best.pop();
    }
  };
  // The k highest bounds set the bar; of the rest, only those whose bound reaches it can enter
  // the top k, and the bar only rises, so one pass in any order finds them all without sorting.
  const first = firstK(candidates, k, (a, b) => b.bound - a.bound);
  for (const candidate of first) keep(exact(candidate));
  for (const candidate of candidates) {
    if (first.includes(candidate)) continue;
    const kth = best[k - 1];
    if (kth !== undefined && kth > candidate.bound + BOUND_SLACK) continue;
    keep(exact(candidate));
  }
  return scored;
}

/**
 * The first `k` of `items` sorted by `compare`, as a stable sort would order them (equals keep
 * their order in `items`), in one pass instead of sorting them all.
 */
export function firstK<T>(items: readonly T[], k: number, compare: (a: T, b: T) => number): T[] {
  const kept: T[] = [];
  for (const item of items) {
    let at = kept.length;
    while (at > 0 && compare(kept[at - 1] as T, item) > 0) at--;
    if (at >= k) continue;
    kept.splice(at, 0, item);
    if (kept.length > k) kept.pop();
  }
  return kept;
}
