/**
 * What the incident page says about a grouping decision (docs/correlation.md): the score against
 * the threshold, the four features as bar widths, and which incidents an operator may merge into.
 */
import { formatScore } from './format.js';
import { isOpen } from './incident-window.js';
import type { Alert, Incident } from './types.js';

export type Correlation = NonNullable<Alert['correlation']>;

export interface FeatureBar {
  name: keyof Correlation['features'];
  value: number;
  /** Bar width in percent, the value clamped to 0..1. */
  widthPct: number;
  /** What the feature measures, for a tooltip. */
  hint: string;
}

/** In the order the model weighs them (time is necessary); the hints condense docs/correlation.md. */
const FEATURES: readonly (readonly [FeatureBar['name'], string])[] = [
  ['time', 'how soon after the incident last grew: 1 at once, halving every 90 s by default'],
  ['topology', 'closeness in the service graph: 1 same service, 1/2 one hop, 1/3 two hops'],
  ['labels', 'weighted Jaccard similarity of the labels'],
  ['text', 'TF-IDF cosine similarity of name and summary'],
];

export function featureBars(correlation: Correlation): FeatureBar[] {
  return FEATURES.map(([name, hint]) => {
    const value = correlation.features[name];
    return { name, value, widthPct: Math.min(1, Math.max(0, value)) * 100, hint };
  });
}

/**
 * False for an alert that opened an incident with no active candidate: it was never scored, and
 * its zero score and features would only read as "scored nothing".
 */
export function wasScored(correlation: Correlation): boolean {
  return correlation.outcome !== 'opened' || correlation.candidates.length > 0;
}

/** "0.93 ≥ 0.50": the comparison with the threshold (a rule may still have decided otherwise). */
export function scoreVerdict(correlation: Correlation): string {
  const sign = correlation.score >= correlation.threshold ? '≥' : '<';
  return `${formatScore(correlation.score)} ${sign} ${formatScore(correlation.threshold)}`;
}

/** Open incidents other than `currentId` (merge and split need both sides open), newest first. */
export function mergeTargets(incidents: readonly Incident[], currentId: string): Incident[] {
  return incidents.filter((incident) => incident.id !== currentId && isOpen(incident)).sort((a, b) => b.startedMs - a.startedMs);
}
