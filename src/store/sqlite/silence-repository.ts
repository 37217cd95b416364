import { type Silence, SilenceSchema } from '../../core/silence-api.js';
import type { SilenceRepository } from '../store.js';
import type { SqliteConnection } from './connection.js';

const SAVE = `INSERT INTO silences (id, ends_ms, created_ms, record) VALUES (@id, @endsMs, @createdMs, @record)
  ON CONFLICT (id) DO UPDATE SET ends_ms = excluded.ends_ms, record = excluded.record`;
const GET = 'SELECT record FROM silences WHERE id = ?';
const UNEXPIRED = 'SELECT record FROM silences WHERE ends_ms > ? ORDER BY created_ms, id';
const LIST = 'SELECT record FROM silences ORDER BY created_ms DESC, id DESC LIMIT ?';

/** Silences and maintenance windows on SQLite; expired ones are kept, as history. */
export class SqliteSilenceRepository implements SilenceRepository {
  readonly #conn: SqliteConnection;

  constructor(conn: SqliteConnection) {
    this.#conn = conn;
  }

  save(silence: Silence): void {
    this.#conn.statement(SAVE).run({ id: silence.id, endsMs: silence.endsMs, createdMs: silence.createdMs, record: JSON.stringify(silence) });
  }

  get(id: string): Silence | undefined {
    const row = this.#conn.statement(GET).get(id) as { record: string } | undefined;
    return row ? parseSilence(row.record) : undefined;
  }

  unexpired(nowMs: number): Silence[] {
    return (this.#conn.statement(UNEXPIRED).all(nowMs) as Array<{ record: string }>).map((row) => parseSilence(row.record));
  }

  list(limit: number): Silence[] {
    return (this.#conn.statement(LIST).all(limit) as Array<{ record: string }>).map((row) => parseSilence(row.record));
  }
}

function parseSilence(json: string): Silence {
  return SilenceSchema.parse(JSON.parse(json));
}
