/**
 * Inverse document frequency over the alerts seen so far, learned online: words every alert
 * says ("usual", "score") weigh little, words few alerts say ("postgres", "oom") weigh much.
 * Smoothed IDF as in scikit-learn's TfidfVectorizer (smooth_idf): ln((1 + n) / (1 + df)) + 1.
 * Words are numbered on first sight (`id`) so that scoring an alert against every candidate
 * incident reads weights from arrays, not hash maps. Pure.
 */
export class TermWeights {
  private readonly ids = new Map<string, number>();
  private documentFrequency = new Float64Array(256);
  private documents = 0;
  /**
   * Weights computed since the last document: one alert is scored against every candidate
   * incident, and their words overlap, so each weight's logarithm is taken once per alert. Any
   * new document changes every weight (n moves): a weight counts only if stamped with the
   * current `generation`.
   */
  private memo = new Float64Array(256);
  private memoGeneration = new Uint32Array(256);
  private generation = 1;

  /** The number of a word, the same for every use of it. */
  id(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(term, id);
      if (id >= this.memo.length) this.grow();
    }
    return id;
  }

  /** Counts one alert's distinct words (their ids). */
  add(terms: Iterable<number>): void {
    this.documents++;
    for (const term of terms) this.documentFrequency[term] = (this.documentFrequency[term] as number) + 1;
    this.generation++;
  }

  idf(term: number): number {
    if (this.memoGeneration[term] === this.generation) return this.memo[term] as number;
    const weight = Math.log((1 + this.documents) / (1 + (this.documentFrequency[term] as number))) + 1;
    this.memo[term] = weight;
    this.memoGeneration[term] = this.generation;
    return weight;
  }

  get size(): number {
    return this.documents;
  }

  private grow(): void {
    const size = this.memo.length * 2;
    this.documentFrequency = copied(this.documentFrequency, new Float64Array(size));
    this.memo = copied(this.memo, new Float64Array(size));
    this.memoGeneration = copied(this.memoGeneration, new Uint32Array(size));
  }
}

function copied<T extends Float64Array | Uint32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
