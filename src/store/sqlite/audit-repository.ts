import type { AuditEntry } from '../../core/silence-api.js';
import type { AuditFilter, AuditRepository } from '../store.js';
import type { SqliteConnection } from './connection.js';
import { NO_LIMIT } from './limits.js';

const APPEND = `INSERT INTO audit (time_ms, actor, action, subject_kind, subject_id, detail, route, user_id, token_id, address, user_agent, before_json, after_json, status)
  VALUES (@timeMs, @actor, @action, @subjectKind, @subjectId, @detail, @route, @userId, @tokenId, @address, @userAgent, @beforeJson, @afterJson, @status)`;
const LIST = `SELECT id, time_ms AS timeMs, actor, action, subject_kind AS subjectKind, subject_id AS subjectId, detail,
    route, user_id AS userId, token_id AS tokenId, address, user_agent AS userAgent, before_json AS beforeJson, after_json AS afterJson, status
  FROM audit
  WHERE (@subjectKind IS NULL OR subject_kind = @subjectKind) AND (@subjectId IS NULL OR subject_id = @subjectId)
    AND (@actor IS NULL OR actor = @actor)
    AND (@action IS NULL OR action = @action OR substr(action, 1, length(@action) + 1) = @action || '.')
    AND (@fromMs IS NULL OR time_ms >= @fromMs) AND (@toMs IS NULL OR time_ms < @toMs)
    AND (@beforeId IS NULL OR id < @beforeId)
  ORDER BY id DESC LIMIT @limit`;

/** The columns added by the "audit trail" migration are NULL in entries written before it. */
interface AuditRow {
  id: number;
  timeMs: number;
  actor: string;
  action: string;
  subjectKind: string;
  subjectId: string;
  detail: string;
  route: string | null;
  userId: string | null;
  tokenId: string | null;
  address: string | null;
  userAgent: string | null;
  beforeJson: string | null;
  afterJson: string | null;
  status: number | null;
}

/** The audit trail on SQLite: append-only (triggers refuse UPDATE and DELETE), newest first. */
export class SqliteAuditRepository implements AuditRepository {
  readonly #conn: SqliteConnection;

  constructor(conn: SqliteConnection) {
    this.#conn = conn;
  }

  append(entry: Omit<AuditEntry, 'id'>): AuditEntry {
    const result = this.#conn.statement(APPEND).run({
      timeMs: entry.timeMs,
      actor: entry.actor,
      action: entry.action,
      subjectKind: entry.subjectKind,
      subjectId: entry.subjectId,
      detail: entry.detail,
      route: entry.route ?? null,
      userId: entry.userId ?? null,
      tokenId: entry.tokenId ?? null,
      address: entry.address ?? null,
      userAgent: entry.userAgent ?? null,
      beforeJson: entry.before === undefined ? null : JSON.stringify(entry.before),
      afterJson: entry.after === undefined ? null : JSON.stringify(entry.after),
      status: entry.status ?? null,
    });
    return { id: Number(result.lastInsertRowid), ...entry };
  }

  list(filter: AuditFilter = {}): AuditEntry[] {
    const rows = this.#conn.statement(LIST).all({
      subjectKind: filter.subjectKind ?? null,
      subjectId: filter.subjectId ?? null,
      actor: filter.actor ?? null,
      action: filter.action ?? null,
      fromMs: filter.fromMs ?? null,
      toMs: filter.toMs ?? null,
      beforeId: filter.beforeId ?? null,
      limit: filter.limit ?? NO_LIMIT,
    }) as AuditRow[];
    return rows.map(toEntry);
  }
}

function toEntry(row: AuditRow): AuditEntry {
  const { route, userId, tokenId, address, userAgent, beforeJson, afterJson, status, ...base } = row;
  return {
    ...base,
    ...(route === null ? {} : { route }),
    ...(userId === null ? {} : { userId }),
    ...(tokenId === null ? {} : { tokenId }),
    ...(address === null ? {} : { address }),
    ...(userAgent === null ? {} : { userAgent }),
    ...(beforeJson === null ? {} : { before: JSON.parse(beforeJson) as unknown }),
    ...(afterJson === null ? {} : { after: JSON.parse(afterJson) as unknown }),
    ...(status === null ? {} : { status }),
  };
}
