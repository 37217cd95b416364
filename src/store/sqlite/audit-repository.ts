import type { AuditEntry } from '../../core/silence-api.js';
import type { AuditFilter, AuditRepository } from '../store.js';
import type { SqliteConnection } from './connection.js';
import { NO_LIMIT } from './limits.js';

const APPEND = `INSERT INTO audit (time_ms, actor, action, subject_kind, subject_id, detail)
  VALUES (@timeMs, @actor, @action, @subjectKind, @subjectId, @detail)`;
const LIST = `SELECT id, time_ms AS timeMs, actor, action, subject_kind AS subjectKind, subject_id AS subjectId, detail
  FROM audit WHERE (@subjectKind IS NULL OR subject_kind = @subjectKind) AND (@subjectId IS NULL OR subject_id = @subjectId)
  ORDER BY id DESC LIMIT @limit`;

/** The audit trail on SQLite: append-only, newest first. */
export class SqliteAuditRepository implements AuditRepository {
  readonly #conn: SqliteConnection;

  constructor(conn: SqliteConnection) {
    this.#conn = conn;
  }

  append(entry: Omit<AuditEntry, 'id'>): AuditEntry {
    const result = this.#conn.statement(APPEND).run(entry);
    return { id: Number(result.lastInsertRowid), ...entry };
  }

  list(filter: AuditFilter = {}): AuditEntry[] {
    return this.#conn.statement(LIST).all({
      subjectKind: filter.subjectKind ?? null,
      subjectId: filter.subjectId ?? null,
      limit: filter.limit ?? NO_LIMIT,
    }) as AuditEntry[];
  }
}
