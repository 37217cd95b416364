/**
 * Okapi BM25, written from Robertson & Zaragoza, "The Probabilistic Relevance Framework: BM25
 * and Beyond" (Foundations and Trends in IR 3(4), 2009), section 3.4:
 *
 *   score(q, d) = Σ_{t ∈ q}  idf(t) · tf·(k1 + 1) / (k1·((1 − b) + b·dl/avdl) + tf) · qtf·(k3 + 1) / (k3 + qtf)
 *
 * tf is the term's frequency in the document, dl the document's length in terms, avdl the mean
 * length, qtf the term's frequency in the query. k1 saturates term frequency, b normalises for
 * length, k3 saturates query term frequency (our queries are whole incidents, so it matters).
 * idf is the Robertson/Spärck Jones weight without relevance information,
 * log((N − n + 0.5)/(n + 0.5)), shifted by one inside the log: the paper notes the raw weight
 * goes negative for terms in more than half the documents, which would make sharing a common
 * term count against similarity; log(1 + …) keeps it small and positive instead.
 * Pure; an index is built once and searched many times.
 */

export interface Bm25Options {
  /** @default 1.2 */
  k1?: number;
  /** @default 0.75 */
  b?: number;
  /** @default 8 */
  k3?: number;
}

export interface Bm25Document {
  id: string;
  terms: readonly string[];
}

export interface Bm25Hit {
  id: string;
  score: number;
  /** Each matched term's share of the score, largest first. */
  terms: Array<{ term: string; weight: number }>;
}

interface Posting {
  doc: number;
  tf: number;
}

export class Bm25Index {
  readonly #ids: string[];
  readonly #lengths: number[];
  readonly #postings = new Map<string, Posting[]>();
  readonly #averageLength: number;
  readonly #k1: number;
  readonly #b: number;
  readonly #k3: number;

  constructor(documents: readonly Bm25Document[], options: Bm25Options = {}) {
    this.#k1 = checkParameter('k1', options.k1 ?? 1.2, 0, Number.POSITIVE_INFINITY);
    this.#b = checkParameter('b', options.b ?? 0.75, 0, 1);
    this.#k3 = checkParameter('k3', options.k3 ?? 8, 0, Number.POSITIVE_INFINITY);
    this.#ids = documents.map((d) => d.id);
    this.#lengths = documents.map((d) => d.terms.length);
    documents.forEach((document, doc) => {
      for (const [term, tf] of frequencies(document.terms)) {
        const postings = this.#postings.get(term);
        if (postings) postings.push({ doc, tf });
        else this.#postings.set(term, [{ doc, tf }]);
      }
    });
    const total = this.#lengths.reduce((sum, length) => sum + length, 0);
    this.#averageLength = documents.length === 0 ? 0 : total / documents.length;
  }

  get size(): number {
    return this.#ids.length;
  }

  idf(term: string): number {
    const n = this.#postings.get(term)?.length ?? 0;
    return Math.log(1 + (this.#ids.length - n + 0.5) / (n + 0.5));
  }

  /** Documents sharing a term with the query, best first, at most `limit`; `exclude` skips ids (the query's own document). */
  search(query: readonly string[], options: { limit: number; exclude?: ReadonlySet<string> }): Bm25Hit[] {
    const scores = new Map<number, Map<string, number>>();
    for (const [term, qtf] of frequencies(query)) {
      const postings = this.#postings.get(term);
      if (!postings) continue;
      const idf = this.idf(term);
      const queryWeight = (qtf * (this.#k3 + 1)) / (this.#k3 + qtf);
      for (const { doc, tf } of postings) {
        const norm = this.#k1 * (1 - this.#b + (this.#b * (this.#lengths[doc] as number)) / this.#averageLength);
        const weight = idf * ((tf * (this.#k1 + 1)) / (norm + tf)) * queryWeight;
        let terms = scores.get(doc);
        if (!terms) scores.set(doc, (terms = new Map()));
        terms.set(term, weight);
      }
    }
    const hits: Bm25Hit[] = [];
    for (const [doc, terms] of scores) {
      const id = this.#ids[doc] as string;
      if (options.exclude?.has(id)) continue;
      const weighted = [...terms].map(([term, weight]) => ({ term, weight })).sort((a, b) => b.weight - a.weight || a.term.localeCompare(b.term));
      hits.push({ id, score: weighted.reduce((sum, t) => sum + t.weight, 0), terms: weighted });
    }
    // Ties broken by id so an answer is reproducible.
    return hits.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id)).slice(0, options.limit);
  }
}

function frequencies(terms: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
  return counts;
}

function checkParameter(name: string, value: number, min: number, max: number): number {
  if (!(value >= min && value <= max)) throw new RangeError(`Bm25Index: ${name} must be in [${min}, ${max}], got ${value}`);
  return value;
}
