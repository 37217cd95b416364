/**
 * Inverse document frequency over the alerts seen so far, learned online: words every alert
 * says ("usual", "score") weigh little, words few alerts say ("postgres", "oom") weigh much.
 * Smoothed IDF as in scikit-learn's TfidfVectorizer (smooth_idf): ln((1 + n) / (1 + df)) + 1. Pure.
 */
export class TermWeights {
  private readonly documentFrequency = new Map<string, number>();
  private documents = 0;
  /**
   * Weights computed since the last document: one alert is scored against every candidate
   * incident, and their words overlap, so each weight's logarithm is taken once per alert.
   * Any new document changes every weight (n moves), so it empties the memo.
   */
  private memo = new Map<string, number>();

  /** Counts one alert's distinct words. */
  add(terms: Iterable<string>): void {
    this.documents++;
    for (const term of terms) this.documentFrequency.set(term, (this.documentFrequency.get(term) ?? 0) + 1);
    if (this.memo.size > 0) this.memo = new Map();
  }

  idf(term: string): number {
    let weight = this.memo.get(term);
    if (weight === undefined) {
      weight = Math.log((1 + this.documents) / (1 + (this.documentFrequency.get(term) ?? 0))) + 1;
      this.memo.set(term, weight);
    }
    return weight;
  }

  get size(): number {
    return this.documents;
  }
}
