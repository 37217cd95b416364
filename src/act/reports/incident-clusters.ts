/**
 * Clusters of similar incidents: recurring trouble nobody has linked into a problem yet.
 * Each incident is the bag of terms similar-incident search uses (engage/incidents/
 * similar-incidents.ts), scored by BM25 against the others of the period. A BM25 score has no
 * fixed scale, so each is divided by the incident's score against itself (the best any
 * document can do for that query): two incidents are alike when each reaches at least
 * `minSimilarity` of the other's self-score, and clusters are the connected groups of alike
 * incidents (single linkage, by union-find). Pure.
 */
import type { IncidentCluster } from '../../core/report-api.js';
import { Bm25Index } from '../../engage/incidents/bm25.js';
import { incidentTerms, type IncidentDocument } from '../../engage/incidents/similar-incidents.js';

export interface ClusterOptions {
  /** Share of an incident's self-score another must reach, both ways. @default 0.5 */
  minSimilarity?: number;
  /** Shared terms listed per cluster. @default 5 */
  terms?: number;
}

export function similarIncidentClusters(documents: readonly IncidentDocument[], options: ClusterOptions = {}): IncidentCluster[] {
  const minSimilarity = options.minSimilarity ?? 0.5;
  if (!(minSimilarity > 0 && minSimilarity <= 1)) throw new RangeError(`similarIncidentClusters: minSimilarity must be in (0, 1], got ${minSimilarity}`);
  const terms = documents.map(incidentTerms);
  const index = new Bm25Index(documents.map((document, i) => ({ id: String(i), terms: terms[i] ?? [] })));
  // relative[i][j]: j's score for i's query, as a share of i's own.
  const relative = terms.map((query, i) => {
    const hits = index.search(query, { limit: documents.length });
    const self = hits.find((hit) => hit.id === String(i))?.score ?? 0;
    return new Map(hits.map((hit) => [Number(hit.id), { share: self > 0 ? hit.score / self : 0, terms: hit.terms }]));
  });
  const parent = documents.map((_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] as number] as number;
    return i;
  };
  for (let i = 0; i < documents.length; i++) {
    for (const [j, hit] of relative[i] ?? []) {
      if (j <= i || hit.share < minSimilarity || (relative[j]?.get(i)?.share ?? 0) < minSimilarity) continue;
      parent[root(j)] = root(i);
    }
  }
  const members = new Map<number, number[]>();
  documents.forEach((_, i) => members.set(root(i), [...(members.get(root(i)) ?? []), i]));
  return [...members.values()]
    .filter((group) => group.length >= 2)
    .map((group) => describeCluster(group, documents, relative, options.terms ?? 5))
    .sort((a, b) => b.count - a.count || (a.incidentIds[0] ?? '').localeCompare(b.incidentIds[0] ?? ''));
}

function describeCluster(
  group: readonly number[],
  documents: readonly IncidentDocument[],
  relative: ReadonlyArray<Map<number, { terms: Array<{ term: string; weight: number }> }>>,
  termCount: number,
): IncidentCluster {
  const incidents = group.map((i) => (documents[i] as IncidentDocument).incident).sort((a, b) => b.startedMs - a.startedMs || a.id.localeCompare(b.id));
  // Weight of each term over the matches inside the cluster: what its incidents have in common.
  const weights = new Map<string, number>();
  for (const i of group) {
    for (const j of group) {
      if (i === j) continue;
      for (const { term, weight } of relative[i]?.get(j)?.terms ?? []) weights.set(term, (weights.get(term) ?? 0) + weight);
    }
  }
  return {
    incidentIds: incidents.map((incident) => incident.id),
    count: incidents.length,
    title: incidents[0]?.title ?? '',
    services: [...new Set(incidents.flatMap((incident) => incident.services))].sort(),
    terms: [...weights].sort(([a, x], [b, y]) => y - x || a.localeCompare(b)).slice(0, termCount).map(([term]) => term),
  };
}
