import { type CatalogEntry, CatalogEntrySchema } from '../../core/incident-api.js';
import type { CatalogRepository } from '../store.js';
import type { SqliteConnection } from './connection.js';

const SAVE = `INSERT INTO service_catalog (service, updated_ms, record) VALUES (?, ?, ?)
  ON CONFLICT (service) DO UPDATE SET updated_ms = excluded.updated_ms, record = excluded.record`;
const GET = 'SELECT updated_ms, record FROM service_catalog WHERE service = ?';
const ALL = 'SELECT service, updated_ms, record FROM service_catalog ORDER BY service';

interface CatalogRow {
  service: string;
  updated_ms: number;
  record: string;
}

/** The service catalog's human-entered fields on SQLite; the discovered part stays in the topology tables. */
export class SqliteCatalogRepository implements CatalogRepository {
  readonly #conn: SqliteConnection;

  constructor(conn: SqliteConnection) {
    this.#conn = conn;
  }

  save(service: string, entry: CatalogEntry, updatedMs: number): void {
    this.#conn.statement(SAVE).run(service, updatedMs, JSON.stringify(entry));
  }

  get(service: string): { entry: CatalogEntry; updatedMs: number } | undefined {
    const row = this.#conn.statement(GET).get(service) as Omit<CatalogRow, 'service'> | undefined;
    return row === undefined ? undefined : { entry: CatalogEntrySchema.parse(JSON.parse(row.record)), updatedMs: row.updated_ms };
  }

  all(): Map<string, { entry: CatalogEntry; updatedMs: number }> {
    const rows = this.#conn.statement(ALL).all() as CatalogRow[];
    return new Map(rows.map((row) => [row.service, { entry: CatalogEntrySchema.parse(JSON.parse(row.record)), updatedMs: row.updated_ms }]));
  }
}
