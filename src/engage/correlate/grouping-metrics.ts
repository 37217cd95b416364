/**
 * How good a grouping is against known groups (the labels of a replay), counted per
 * deduplicated alert so a chatty alert cannot hide a mistake:
 * - purity: the share of alerts in the majority label of their incident;
 * - completeness: the share of alerts in the incident holding most of their label's alerts
 *   (inverse purity; cf. Amigó et al., "A comparison of extrinsic clustering evaluation
 *   metrics", Information Retrieval 12, 2009).
 * Compression is 1 − incidents / firing alert events, the figure vendors quote as noise
 * reduction, and 1 − incidents / deduplicated alerts beside it. Pure.
 */
export interface GroupedAlert {
  incidentId: string;
  label?: string;
}

export interface GroupingMetrics {
  events: number;
  alerts: number;
  incidents: number;
  compression: number;
  /** Over deduplicated alerts rather than events. */
  alertCompression: number;
  /** Alerts with a label: purity and completeness are over these; undefined without any. */
  labelled: number;
  purity?: number;
  completeness?: number;
}

export function groupingMetrics(alerts: readonly GroupedAlert[], events: number): GroupingMetrics {
  const incidents = new Set(alerts.map((a) => a.incidentId)).size;
  const labelled = alerts.filter((a): a is Required<GroupedAlert> => a.label !== undefined);
  const base: GroupingMetrics = {
    events,
    alerts: alerts.length,
    incidents,
    compression: events > 0 ? 1 - incidents / events : 0,
    alertCompression: alerts.length > 0 ? 1 - incidents / alerts.length : 0,
    labelled: labelled.length,
  };
  if (labelled.length === 0) return base;
  return {
    ...base,
    purity: majorityShare(labelled, (a) => a.incidentId, (a) => a.label),
    completeness: majorityShare(labelled, (a) => a.label, (a) => a.incidentId),
  };
}

/** Σ over groups of the count of their most common member class, over all items. */
function majorityShare<T>(items: readonly T[], group: (item: T) => string, member: (item: T) => string): number {
  const counts = new Map<string, Map<string, number>>();
  for (const item of items) {
    let inner = counts.get(group(item));
    if (!inner) counts.set(group(item), (inner = new Map()));
    inner.set(member(item), (inner.get(member(item)) ?? 0) + 1);
  }
  let majority = 0;
  for (const inner of counts.values()) majority += Math.max(...inner.values());
  return majority / items.length;
}
