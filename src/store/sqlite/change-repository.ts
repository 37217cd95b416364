import { type Change, ChangeSchema } from '../../core/records.js';
import type { ChangeRepository, TimeRange } from '../store.js';
import type { SqliteConnection } from './connection.js';

const SAVE = `INSERT INTO changes (id, service, time_ms, record) VALUES (?, ?, ?, ?)
  ON CONFLICT (id) DO UPDATE SET service = excluded.service, time_ms = excluded.time_ms,
    record = excluded.record`;
// Two statements so each can use its own index ((time_ms) or (service, time_ms)).
const LIST = `SELECT record FROM changes WHERE time_ms >= ? AND time_ms <= ? ORDER BY time_ms, id`;
const LIST_OF_SERVICE = `SELECT record FROM changes
  WHERE service = ? AND time_ms >= ? AND time_ms <= ? ORDER BY time_ms, id`;

/** Changes (deploys, config, flags) on SQLite; list() is oldest first, range ends included. */
export class SqliteChangeRepository implements ChangeRepository {
  readonly #conn: SqliteConnection;

  constructor(conn: SqliteConnection) {
    this.#conn = conn;
  }

  save(change: Change): void {
    this.#conn.statement(SAVE).run(change.id, change.service, change.timeMs, JSON.stringify(change));
  }

  list(filter: { range: TimeRange; service?: string }): Change[] {
    const { fromMs, toMs } = filter.range;
    const rows =
      filter.service === undefined
        ? this.#conn.statement(LIST).all(fromMs, toMs)
        : this.#conn.statement(LIST_OF_SERVICE).all(filter.service, fromMs, toMs);
    return (rows as Array<{ record: string }>).map((row) => ChangeSchema.parse(JSON.parse(row.record)));
  }
}
