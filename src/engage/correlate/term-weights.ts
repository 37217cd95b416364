/**
 * Inverse document frequency over the alerts seen so far, learned online: words every alert
 * says ("usual", "score") weigh little, words few alerts say ("postgres", "oom") weigh much.
 * Smoothed IDF as in scikit-learn's TfidfVectorizer (smooth_idf): ln((1 + n) / (1 + df)) + 1. Pure.
 */
export class TermWeights {
  private readonly documentFrequency = new Map<string, number>();
  private documents = 0;

  /** Counts one alert's distinct words. */
  add(terms: Iterable<string>): void {
    this.documents++;
    for (const term of terms) this.documentFrequency.set(term, (this.documentFrequency.get(term) ?? 0) + 1);
  }

  idf(term: string): number {
    return Math.log((1 + this.documents) / (1 + (this.documentFrequency.get(term) ?? 0))) + 1;
  }

  get size(): number {
    return this.documents;
  }
}
