/**
 * Text similarity of an alert to an incident: TF-IDF cosine between the alert's words and the
 * words of all the incident's alerts summed (its centroid direction). The alert's norm is the
 * same against every incident, so it is taken once per alert (`alertTextNorm`). Pure.
 */
import type { TermWeights } from './term-weights.js';

/** Σ (count · idf)² over the alert's terms: the square of its vector's norm. */
export function alertTextNorm(alertTerms: ReadonlyMap<number, number>, weights: TermWeights): number {
  let norm = 0;
  for (const [term, count] of alertTerms) {
    const a = count * weights.idf(term);
    norm += a * a;
  }
  return norm;
}

/** An incident's words (TermWeights ids) and their counts, place by place (incident-profile.ts). */
export interface IncidentWords {
  readonly termIds: readonly number[];
  readonly termCounts: readonly number[];
  /** 0 for a word it does not have. */
  termCount(term: number): number;
}

/**
 * Σ over the words the alert and the incident share of (count · idf)(count · idf): the cosine's
 * numerator, 0 when they share none. The alert's terms are TermWeights ids mapped to their counts.
 */
export function textDot(alertTerms: ReadonlyMap<number, number>, incident: IncidentWords, weights: TermWeights): number {
  let dot = 0;
  for (const [term, count] of alertTerms) {
    const other = incident.termCount(term);
    if (other === 0) continue;
    const idf = weights.idf(term);
    const a = count * idf;
    dot += a * other * idf;
  }
  return dot;
}

/** The cosine from its numerator (textDot) and the alert's alertTextNorm, under the same weights. */
export function textSimilarity(dot: number, alertNorm: number, incident: IncidentWords, weights: TermWeights): number {
  if (dot === 0) return 0;
  const { termIds, termCounts } = incident;
  let incidentNorm = 0;
  for (let i = 0; i < termIds.length; i++) {
    const b = (termCounts[i] as number) * weights.idf(termIds[i] as number);
    incidentNorm += b * b;
  }
  return Math.min(1, dot / Math.sqrt(alertNorm * incidentNorm));
}
