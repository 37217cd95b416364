import { type Postmortem, PostmortemSchema } from '../../core/incident-api.js';
import type { PostmortemRepository } from '../store.js';
import type { SqliteConnection } from './connection.js';

const SAVE = `INSERT INTO postmortems (incident_id, updated_ms, record) VALUES (?, ?, ?)
  ON CONFLICT (incident_id) DO UPDATE SET updated_ms = excluded.updated_ms, record = excluded.record`;
const GET = 'SELECT record FROM postmortems WHERE incident_id = ?';
const EXISTING = 'SELECT incident_id FROM postmortems WHERE incident_id IN (SELECT value FROM json_each(?))';

/** Postmortems on SQLite, one per incident, deleted with it. */
export class SqlitePostmortemRepository implements PostmortemRepository {
  readonly #conn: SqliteConnection;

  constructor(conn: SqliteConnection) {
    this.#conn = conn;
  }

  save(postmortem: Postmortem): void {
    this.#conn.statement(SAVE).run(postmortem.incidentId, postmortem.updatedMs, JSON.stringify(postmortem));
  }

  get(incidentId: string): Postmortem | undefined {
    const row = this.#conn.statement(GET).get(incidentId) as { record: string } | undefined;
    return row === undefined ? undefined : PostmortemSchema.parse(JSON.parse(row.record));
  }

  existing(incidentIds: readonly string[]): Set<string> {
    const rows = this.#conn.statement(EXISTING).all(JSON.stringify(incidentIds)) as Array<{ incident_id: string }>;
    return new Set(rows.map((row) => row.incident_id));
  }
}
