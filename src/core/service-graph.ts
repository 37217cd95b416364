/** The service graph as an adjacency structure, for correlation (distance) and RCA (callees). Pure. */
import type { ServiceEdge } from './records.js';

export class ServiceGraph {
  private readonly out = new Map<string, Set<string>>();
  private readonly in = new Map<string, Set<string>>();

  constructor(edges: readonly Pick<ServiceEdge, 'caller' | 'callee'>[]) {
    for (const { caller, callee } of edges) {
      link(this.out, caller, callee);
      link(this.in, callee, caller);
    }
  }

  callees(service: string): string[] {
    return [...(this.out.get(service) ?? [])];
  }

  callers(service: string): string[] {
    return [...(this.in.get(service) ?? [])];
  }

  /** The services on a shortest path from one to the other ignoring direction, both ends included; undefined beyond `max` hops. */
  path(from: string, to: string, max: number): string[] | undefined {
    if (from === to) return [from];
    const parent = new Map<string, string>([[from, from]]);
    let frontier = [from];
    for (let hops = 1; hops <= max && frontier.length > 0; hops++) {
      const next: string[] = [];
      for (const node of frontier) {
        for (const neighbour of [...(this.out.get(node) ?? []), ...(this.in.get(node) ?? [])]) {
          if (parent.has(neighbour)) continue;
          parent.set(neighbour, node);
          if (neighbour === to) return walkBack(parent, to);
          next.push(neighbour);
        }
      }
      frontier = next;
    }
    return undefined;
  }

  /** Hops between two services ignoring direction, or undefined beyond `max`. */
  distance(from: string, to: string, max: number): number | undefined {
    if (from === to) return 0;
    let frontier = [from];
    const seen = new Set(frontier);
    for (let hops = 1; hops <= max; hops++) {
      const next: string[] = [];
      for (const node of frontier) {
        for (const neighbour of [...(this.out.get(node) ?? []), ...(this.in.get(node) ?? [])]) {
          if (neighbour === to) return hops;
          if (!seen.has(neighbour)) {
            seen.add(neighbour);
            next.push(neighbour);
          }
        }
      }
      frontier = next;
    }
    return undefined;
  }
}

function link(map: Map<string, Set<string>>, from: string, to: string): void {
  let set = map.get(from);
  if (!set) {
    set = new Set();
    map.set(from, set);
  }
  set.add(to);
}

function walkBack(parent: ReadonlyMap<string, string>, end: string): string[] {
  const path = [end];
  for (let node = end; parent.get(node) !== node; ) {
    node = parent.get(node) as string;
    path.unshift(node);
  }
  return path;
}
