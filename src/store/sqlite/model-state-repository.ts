import type { ModelStateEntry, ModelStateRepository } from '../store.js';
import type { SqliteConnection } from './connection.js';

const SAVE = `INSERT INTO model_state (kind, key, state, updated_ms) VALUES (?, ?, ?, ?)
  ON CONFLICT (kind, key) DO UPDATE SET state = excluded.state, updated_ms = excluded.updated_ms`;
const LOAD_ALL = `SELECT key, state FROM model_state WHERE kind = ? ORDER BY updated_ms, key`;
const LOAD = 'SELECT state FROM model_state WHERE kind = ? AND key = ?';
const DELETE_BEFORE = 'DELETE FROM model_state WHERE kind = ? AND updated_ms < ?';

/** Model state on SQLite: one row per (kind, key), replaced on each save. */
export class SqliteModelStateRepository implements ModelStateRepository {
  readonly #conn: SqliteConnection;

  constructor(conn: SqliteConnection) {
    this.#conn = conn;
  }

  saveMany(entries: readonly ModelStateEntry[]): void {
    if (entries.length === 0) return;
    const save = this.#conn.statement(SAVE);
    // One transaction (a savepoint when the caller already opened one): one fsync, all or nothing.
    this.#conn.transaction(() => {
      for (const entry of entries) save.run(entry.kind, entry.key, entry.state, entry.updatedMs);
    });
  }

  loadAll(kind: string): Array<{ key: string; state: string }> {
    return this.#conn.statement(LOAD_ALL).all(kind) as Array<{ key: string; state: string }>;
  }

  load(kind: string, key: string): string | undefined {
    const row = this.#conn.statement(LOAD).get(kind, key) as { state: string } | undefined;
    return row?.state;
  }

  deleteBefore(kind: string, updatedMs: number): number {
    return this.#conn.statement(DELETE_BEFORE).run(kind, updatedMs).changes;
  }
}
