/**
 * Text similarity of an alert to an incident: TF-IDF cosine between the alert's words and the
 * words of all the incident's alerts summed (its centroid direction). Pure.
 */
import type { TermWeights } from './term-weights.js';

/** Terms are TermWeights ids mapped to their counts. */
export function textSimilarity(alertTerms: ReadonlyMap<number, number>, incidentTerms: ReadonlyMap<number, number>, weights: TermWeights): number {
  if (alertTerms.size === 0 || incidentTerms.size === 0) return 0;
  let dot = 0;
  let alertNorm = 0;
  for (const [term, count] of alertTerms) {
    const idf = weights.idf(term);
    const a = count * idf;
    alertNorm += a * a;
    const other = incidentTerms.get(term);
    if (other !== undefined) dot += a * other * idf;
  }
  if (dot === 0) return 0;
  let incidentNorm = 0;
  for (const [term, count] of incidentTerms) {
    const b = count * weights.idf(term);
    incidentNorm += b * b;
  }
  return Math.min(1, dot / Math.sqrt(alertNorm * incidentNorm));
}
