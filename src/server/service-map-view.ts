/**
 * The service map of a window as the API answers it: spans read from the store, summed by the
 * pure builder (src/observe/traces/service-map.ts), each node given its health from firing
 * alerts and open incidents (src/observe/traces/node-health.ts).
 */
import { OpsError } from '../core/errors.js';
import type { Alert, Incident } from '../core/records.js';
import type { MapEdge, MapHost, MapNode, OperationStats } from '../core/service-map-api.js';
import { nodeHealth } from '../observe/traces/node-health.js';
import { buildServiceMap } from '../observe/traces/service-map.js';
import type { Store } from '../store/store.js';

/** Window when the request names none: recent enough to be "now", long enough for stable percentiles. */
export const DEFAULT_WINDOW_MS = 15 * 60_000;
/**
 * Spans summed per answer at most (the newest of the window): a busier window answers
 * `truncated` rather than slower. Reading and summing 200k spans took 3–4 s on this 2-core
 * machine while it ran other work (load 12), so 100k keeps an answer near a second or below.
 */
export const MAP_SPAN_LIMIT = 100_000;

export interface MapView {
  from: number;
  to: number;
  spans: number;
  truncated: boolean;
  nodes: MapNode[];
  edges: MapEdge[];
  hosts: MapHost[];
  operations: Map<string, OperationStats[]>;
  firing: Alert[];
  open: Incident[];
}

/** `from`/`to` as given, defaulted from `nowMs`; 400 when they are reversed. */
export function mapWindow(query: { from?: number | undefined; to?: number | undefined }, nowMs: number): { from: number; to: number } {
  const to = query.to ?? nowMs;
  const from = query.from ?? to - DEFAULT_WINDOW_MS;
  if (from > to) throw new OpsError('OPS_ERR_VALIDATION', [`querystring.from (${from}) is after querystring.to (${to})`]);
  return { from, to };
}

export function readMapView(store: Store, window: { from: number; to: number }): MapView {
  const { spans, truncated } = store.serviceMap.mapSpans({ fromMs: window.from, toMs: window.to }, MAP_SPAN_LIMIT);
  // Rates are per second of the window, at least one second so an instant window stays finite.
  const map = buildServiceMap(spans, Math.max(1000, window.to - window.from));
  const firing = store.alerts.list({ status: 'firing', limit: 1000 });
  const open = store.incidents.list({ status: ['triggered', 'acknowledged'] });
  const operations = new Map<string, OperationStats[]>();
  const hostOf = new Map(store.topology.instances().map((entry) => [`${entry.service}\u0000${entry.instance}`, entry.host]));
  const nodes = map.nodes.map(({ operations: ops, ...node }) => {
    operations.set(node.name, ops);
    const instances = node.instances.map((instance) => {
      const host = hostOf.get(`${node.name}\u0000${instance.name}`);
      return host !== undefined ? { ...instance, host } : instance;
    });
    return { ...node, instances, health: nodeHealth(node.name, firing, open) };
  });
  return { ...window, spans: spans.length, truncated, nodes, edges: map.edges, hosts: hostsOf(nodes), operations, firing, open };
}

/** The entity graph's machines: each host with the map's instances on it, by name. */
function hostsOf(nodes: readonly MapNode[]): MapHost[] {
  const hosts = new Map<string, MapHost>();
  for (const node of nodes) {
    for (const instance of node.instances) {
      if (instance.host === undefined) continue;
      let host = hosts.get(instance.host);
      if (!host) {
        host = { name: instance.host, instances: [] };
        hosts.set(instance.host, host);
      }
      host.instances.push({ service: node.name, instance: instance.name });
    }
  }
  return [...hosts.values()].sort((a, b) => a.name.localeCompare(b.name));
}
