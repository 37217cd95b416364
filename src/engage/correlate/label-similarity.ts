/**
 * Label similarity of an alert to an incident: weighted (generalised) Jaccard between the
 * alert's label pairs (weight 1 each) and the incident's pairs weighted by the share of its
 * alerts that carry them, J = Σ min / Σ max. Volatile labels (pods, ids, template ids) are
 * left out before this: they differ between alerts of one cause by construction. Pure.
 *
 * Σ max = Σ incident + Σ alert − Σ min, and Σ min only runs over the alert's pairs, so the
 * cost is the alert's label count, not the incident's. Pairs are numbered (`LabelPairs`):
 * an alert is compared with every candidate incident, and a number is looked up faster than
 * a `key=value` string built afresh for each alert.
 */
export interface LabelProfile {
  /** Alerts carrying each pair, by LabelPairs number. */
  readonly pairs: ReadonlyMap<number, number>;
  /** Alerts folded in. */
  readonly alerts: number;
  /** Σ over pairs of count: the incident-side total is this / alerts. */
  readonly pairTotal: number;
}

/** Numbers for `key=value` pairs, the same for every use of a pair. */
export class LabelPairs {
  private readonly ids = new Map<string, number>();
  private readonly names: string[] = [];

  id(pair: string): number {
    let id = this.ids.get(pair);
    if (id === undefined) {
      id = this.names.length;
      this.ids.set(pair, id);
      this.names.push(pair);
    }
    return id;
  }

  name(id: number): string {
    return this.names[id] as string;
  }
}

export function labelSimilarity(alertPairs: readonly number[], profile: LabelProfile): number {
  if (alertPairs.length === 0 || profile.alerts === 0 || profile.pairTotal === 0) return 0;
  let shared = 0;
  for (const pair of alertPairs) shared += Math.min(1, (profile.pairs.get(pair) ?? 0) / profile.alerts);
  const union = profile.pairTotal / profile.alerts + alertPairs.length - shared;
  return union > 0 ? shared / union : 0;
}

/** The numbered `key=value` pairs of the labels that say what is wrong, not which replica said it. */
export function stableLabelPairs(labels: Readonly<Record<string, string>>, volatile: ReadonlySet<string>, pairs: LabelPairs): number[] {
  const stable: number[] = [];
  for (const [key, value] of Object.entries(labels)) {
    if (!volatile.has(key)) stable.push(pairs.id(`${key}=${value}`));
  }
  return stable;
}
