/**
 * The service map of a time window from its spans: services, the databases, queues and external
 * systems they call, their instances, and the call edges between them, each with rate, error
 * ratio and p50/p95/p99 duration. Pure: spans in, map out; the window only scales rates.
 *
 * Edges, following OpenTelemetry semantic conventions:
 * - a client or producer span with a known peer (peer.service, messaging destination,
 *   server.address, db.system; see ingest/otlp/peer-service.ts) is a call caller → peer, as
 *   the caller saw it. db.system(.name) makes the peer a database, messaging.system a queue;
 * - a server or consumer span whose parent is in another service is the same call seen by the
 *   callee. Under a client span, the client's peer name is an alias of this service (a host
 *   name, say) and is folded into it. Under a producer span, the message went through the
 *   producer's queue: the edge is queue → consumer, and the producer's own span draws
 *   producer → queue.
 * An edge's stats are the caller's view when it has client/producer spans for it (they include
 * the network and still count when the callee is down), else the callee's.
 */
import type { MapEdge, MapInstance, MapNodeKind, MapSpan, OperationStats } from '../../core/service-map-api.js';
import { SpanTally, tallyOf } from './span-tally.js';

export type { MapSpan };

export interface ServiceMapNode {
  name: string;
  kind: MapNodeKind;
  system?: string;
  stats: MapEdge['stats'];
  instances: MapInstance[];
  operations: OperationStats[];
}

export interface ServiceMap {
  nodes: ServiceMapNode[];
  edges: MapEdge[];
}

interface EdgeTallies {
  kind: MapEdge['kind'];
  caller: SpanTally;
  callee: SpanTally;
}

const SEP = '\u0000';

export function buildServiceMap(spans: Iterable<MapSpan>, windowMs: number): ServiceMap {
  const own = new Map<string, SpanTally>();
  const instances = new Map<string, Map<string, SpanTally>>();
  const operations = new Map<string, Map<string, SpanTally>>();
  const edges = new Map<string, EdgeTallies>();
  const peerSystems = new Map<string, { kind: MapNodeKind; system?: string }>();
  const aliases = new Map<string, string>();
  const edge = (caller: string, callee: string, kind: MapEdge['kind']): EdgeTallies => {
    const key = caller + SEP + callee;
    let tallies = edges.get(key);
    if (!tallies) {
      tallies = { kind, caller: new SpanTally(), callee: new SpanTally() };
      edges.set(key, tallies);
    }
    return tallies;
  };

  for (const span of spans) {
    if (span.kind === 'server' || span.kind === 'consumer') {
      tallyOf(own, span.service).add(span.durationMs, span.error);
      tallyOf(nested(operations, span.service), `${span.kind}${SEP}${span.name}`).add(span.durationMs, span.error);
      if (span.instance !== undefined) tallyOf(nested(instances, span.service), span.instance).add(span.durationMs, span.error);
      const parent = span.parent;
      if (parent && parent.service !== span.service) {
        if (parent.kind === 'producer' && parent.peer !== undefined) {
          edge(parent.peer, span.service, 'messaging').callee.add(span.durationMs, span.error);
        } else {
          if (parent.kind === 'client' && parent.peer !== undefined && parent.peer !== span.service) aliases.set(parent.peer, span.service);
          edge(parent.service, span.service, span.kind === 'consumer' ? 'messaging' : 'request').callee.add(span.durationMs, span.error);
        }
      }
    } else if ((span.kind === 'client' || span.kind === 'producer') && span.peer !== undefined && span.peer !== span.service) {
      edge(span.service, span.peer, span.kind === 'producer' ? 'messaging' : 'request').caller.add(span.durationMs, span.error);
      if (!peerSystems.has(span.peer)) peerSystems.set(span.peer, peerSystemOf(span));
    } else {
      // Internal spans and calls to unknown peers still say the service is alive.
      if (!own.has(span.service)) own.set(span.service, new SpanTally());
    }
  }

  const instrumented = new Set(own.keys());
  const resolve = (name: string): string => (instrumented.has(name) ? name : aliases.get(name) ?? name);
  const merged = mergeEdges(edges, resolve);
  const mapEdges = [...merged.values()].map(({ caller, callee, kind, tallies }) => {
    const observedBy: MapEdge['observedBy'] = tallies.caller.requests > 0 ? 'caller' : 'callee';
    const stats = (observedBy === 'caller' ? tallies.caller : tallies.callee).stats(windowMs);
    return { caller, callee, kind, observedBy, stats };
  });

  const nodes: ServiceMapNode[] = [...instrumented].map((name) => ({
    name,
    kind: 'service' as const,
    stats: (own.get(name) as SpanTally).stats(windowMs),
    instances: statsList(instances.get(name), windowMs).map(({ key, stats }) => ({ name: key, stats })),
    operations: statsList(operations.get(name), windowMs).map(({ key, stats }) => {
      const [kind, opName] = key.split(SEP) as ['server' | 'consumer', string];
      return { name: opName, kind, stats };
    }),
  }));
  // Uninstrumented peers: what their callers saw of them.
  const peers = new Map<string, SpanTally>();
  for (const { callee, tallies } of merged.values()) {
    if (!instrumented.has(callee)) tallyOf(peers, callee).merge(tallies.caller);
  }
  for (const [name, tally] of peers) {
    const system = peerSystems.get(name) ?? { kind: 'external' as const };
    nodes.push({ name, ...system, stats: tally.stats(windowMs), instances: [], operations: [] });
  }
  // Queues are also callers (queue → consumer) without spans of their own.
  for (const { caller } of merged.values()) {
    if (!instrumented.has(caller) && !peers.has(caller)) {
      peers.set(caller, new SpanTally());
      nodes.push({ name: caller, kind: 'queue', stats: new SpanTally().stats(windowMs), instances: [], operations: [] });
    }
  }
  nodes.sort((a, b) => a.name.localeCompare(b.name));
  mapEdges.sort((a, b) => a.caller.localeCompare(b.caller) || a.callee.localeCompare(b.callee));
  return { nodes, edges: mapEdges };
}

function peerSystemOf(span: MapSpan): { kind: MapNodeKind; system?: string } {
  if (span.messagingSystem !== undefined) return { kind: 'queue', system: span.messagingSystem };
  if (span.dbSystem !== undefined) return { kind: 'database', system: span.dbSystem };
  return { kind: 'external' };
}

/** Edges re-keyed after folding peer aliases into the services they name; tallies of one key are merged. */
function mergeEdges(edges: Map<string, EdgeTallies>, resolve: (name: string) => string) {
  const merged = new Map<string, { caller: string; callee: string; kind: MapEdge['kind']; tallies: EdgeTallies }>();
  for (const [key, tallies] of edges) {
    const [rawCaller, rawCallee] = key.split(SEP) as [string, string];
    const caller = resolve(rawCaller);
    const callee = resolve(rawCallee);
    if (caller === callee) continue;
    const mergedKey = caller + SEP + callee;
    const existing = merged.get(mergedKey);
    if (!existing) {
      merged.set(mergedKey, { caller, callee, kind: tallies.kind, tallies: { kind: tallies.kind, caller: new SpanTally().merge(tallies.caller), callee: new SpanTally().merge(tallies.callee) } });
    } else {
      existing.tallies.caller.merge(tallies.caller);
      existing.tallies.callee.merge(tallies.callee);
    }
  }
  return merged;
}

function nested<K, V>(outer: Map<K, Map<string, V>>, key: K): Map<string, V> {
  let inner = outer.get(key);
  if (!inner) {
    inner = new Map();
    outer.set(key, inner);
  }
  return inner;
}

/** Busiest first, then by name. */
function statsList(tallies: Map<string, SpanTally> | undefined, windowMs: number) {
  return [...(tallies ?? [])]
    .map(([key, tally]) => ({ key, stats: tally.stats(windowMs) }))
    .sort((a, b) => b.stats.requests - a.stats.requests || a.key.localeCompare(b.key));
}
