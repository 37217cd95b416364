/**
 * The services within `maxHops` of one service in the service graph, ignoring direction, with
 * their distance: one breadth-first search per alert answers its distance to every candidate
 * incident's services by lookup, instead of one search per (alert service, incident service)
 * pair. Pure.
 */
import type { ServiceGraph } from '../../core/service-graph.js';

export function serviceNeighbourhood(graph: ServiceGraph, service: string, maxHops: number): ReadonlyMap<string, number> {
  const hopsOf = new Map<string, number>([[service, 0]]);
  let frontier = [service];
  for (let hops = 1; hops <= maxHops && frontier.length > 0; hops++) {
    const next: string[] = [];
    for (const node of frontier) {
      for (const neighbour of [...graph.callees(node), ...graph.callers(node)]) {
        if (hopsOf.has(neighbour)) continue;
        hopsOf.set(neighbour, hops);
        next.push(neighbour);
      }
    }
    frontier = next;
  }
  return hopsOf;
}
