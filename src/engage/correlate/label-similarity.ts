/**
 * Label similarity of an alert to an incident: weighted (generalised) Jaccard between the
 * alert's label pairs (weight 1 each) and the incident's pairs weighted by the share of its
 * alerts that carry them, J = Σ min / Σ max. Volatile labels (pods, ids, template ids) are
 * left out before this: they differ between alerts of one cause by construction. Pure.
 *
 * Σ max = Σ incident + Σ alert − Σ min, and Σ min only runs over the alert's pairs, so the
 * cost is the alert's label count, not the incident's.
 */
export interface LabelProfile {
  /** Alerts carrying each `key=value` pair. */
  readonly pairs: ReadonlyMap<string, number>;
  /** Alerts folded in. */
  readonly alerts: number;
  /** Σ over pairs of count: the incident-side total is this / alerts. */
  readonly pairTotal: number;
}

export function labelSimilarity(alertPairs: readonly string[], profile: LabelProfile): number {
  if (alertPairs.length === 0 || profile.alerts === 0 || profile.pairTotal === 0) return 0;
  let shared = 0;
  for (const pair of alertPairs) shared += Math.min(1, (profile.pairs.get(pair) ?? 0) / profile.alerts);
  const union = profile.pairTotal / profile.alerts + alertPairs.length - shared;
  return union > 0 ? shared / union : 0;
}

/** `key=value` pairs of the labels that say what is wrong, not which replica said it. */
export function stableLabelPairs(labels: Readonly<Record<string, string>>, volatile: ReadonlySet<string>): string[] {
  const pairs: string[] = [];
  for (const [key, value] of Object.entries(labels)) {
    if (!volatile.has(key)) pairs.push(`${key}=${value}`);
  }
  return pairs;
}
