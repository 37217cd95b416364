import type { ServiceEdge } from '../../core/records.js';
import type { InstanceInfo, ServiceInfo, TopologyRepository } from '../store.js';
import type { SqliteConnection } from './connection.js';

// last_seen only moves forward: batches from several ingest paths may arrive out of order.
const UPSERT_EDGE = `INSERT INTO service_edges (caller, callee, via, last_seen_ms) VALUES (?, ?, ?, ?)
  ON CONFLICT (caller, callee, via) DO UPDATE SET last_seen_ms = max(last_seen_ms, excluded.last_seen_ms)`;
const EDGES = `SELECT caller, callee, via, last_seen_ms FROM service_edges ORDER BY caller, callee, via`;
const UPSERT_SERVICE = `INSERT INTO services (name, last_seen_ms) VALUES (?, ?)
  ON CONFLICT (name) DO UPDATE SET last_seen_ms = max(last_seen_ms, excluded.last_seen_ms)`;
const SERVICES = 'SELECT name, last_seen_ms FROM services ORDER BY name';
const UPSERT_INSTANCE = `INSERT INTO instances (service, instance, host, last_seen_ms) VALUES (?, ?, ?, ?)
  ON CONFLICT (service, instance) DO UPDATE SET last_seen_ms = max(last_seen_ms, excluded.last_seen_ms),
    host = CASE WHEN excluded.host IS NOT NULL AND excluded.last_seen_ms >= last_seen_ms THEN excluded.host ELSE coalesce(host, excluded.host) END`;
const INSTANCES = 'SELECT service, instance, host, last_seen_ms FROM instances ORDER BY service, instance';

interface EdgeRow {
  caller: string;
  callee: string;
  via: string;
  last_seen_ms: number;
}

/**
 * The service graph on SQLite. An edge is identified by caller, callee and how it was seen, so
 * a span edge and a peer edge between the same services are both kept. Lists are sorted by name.
 */
export class SqliteTopologyRepository implements TopologyRepository {
  readonly #conn: SqliteConnection;

  constructor(conn: SqliteConnection) {
    this.#conn = conn;
  }

  saveEdges(edges: readonly ServiceEdge[]): void {
    const upsert = this.#conn.statement(UPSERT_EDGE);
    this.#conn.transaction(() => {
      for (const edge of edges) upsert.run(edge.caller, edge.callee, edge.via, edge.lastSeenMs);
    });
  }

  edges(): ServiceEdge[] {
    const rows = this.#conn.statement(EDGES).all() as EdgeRow[];
    return rows.map((row) => ({
      caller: row.caller,
      callee: row.callee,
      via: row.via as ServiceEdge['via'],
      lastSeenMs: row.last_seen_ms,
    }));
  }

  touchServices(services: ReadonlyArray<ServiceInfo>): void {
    const upsert = this.#conn.statement(UPSERT_SERVICE);
    this.#conn.transaction(() => {
      for (const service of services) upsert.run(service.name, service.lastSeenMs);
    });
  }

  services(): ServiceInfo[] {
    const rows = this.#conn.statement(SERVICES).all() as Array<{ name: string; last_seen_ms: number }>;
    return rows.map((row) => ({ name: row.name, lastSeenMs: row.last_seen_ms }));
  }

  touchInstances(instances: ReadonlyArray<InstanceInfo>): void {
    const upsert = this.#conn.statement(UPSERT_INSTANCE);
    this.#conn.transaction(() => {
      for (const entry of instances) upsert.run(entry.service, entry.instance, entry.host ?? null, entry.lastSeenMs);
    });
  }

  instances(): InstanceInfo[] {
    const rows = this.#conn.statement(INSTANCES).all() as Array<{ service: string; instance: string; host: string | null; last_seen_ms: number }>;
    return rows.map((row) => ({ service: row.service, instance: row.instance, ...(row.host !== null ? { host: row.host } : {}), lastSeenMs: row.last_seen_ms }));
  }
}
