/**
 * Log search on SQLite: filters on the logs table's indexes, full text through the FTS5 index
 * `logs_fts` (kept in step with `logs` by triggers, see migrations.ts), newest first with a
 * (time, id) cursor. The SQL is assembled from the filters present, so each combination gets
 * its own cached statement and the planner sees only the terms it can use an index for.
 */
import Database from 'better-sqlite3';
import { LogQueryError } from '../log-query-error.js';
import type { LogHit, LogSearchPage, LogSearchQuery, SnippetPart } from '../store.js';
import type { SqliteConnection } from './connection.js';
import { type LogRow, logFromRow } from './telemetry-rows.js';

/**
 * Private-use characters around matches in snippet(): log bodies practically never hold them,
 * and they are parsed back into parts, so no markup reaches a client.
 */
const MATCH_OPEN = '\uE000';
const MATCH_CLOSE = '\uE001';
/** Tokens of context snippet() returns around the best match (FTS5 allows at most 64). */
const SNIPPET_TOKENS = 32;

const COLUMNS = `l.id, l.time_ms, l.service, l.instance, l.severity_number, l.severity_text, l.body,
  l.trace_id, l.span_id, l.attributes, l.template_id`;

interface HitRow extends LogRow {
  id: number;
  snippet?: string;
}

export function searchLogs(conn: SqliteConnection, query: LogSearchQuery): LogSearchPage {
  const { sql, params } = searchStatement(query);
  let rows: HitRow[];
  try {
    rows = conn.statement(sql).all(params) as HitRow[];
  } catch (error) {
    // Only the MATCH operand comes from the client; any other SQL error is ours.
    if (query.text !== undefined && error instanceof Database.SqliteError && error.code === 'SQLITE_ERROR') {
      throw new LogQueryError(query.text, `${error.message}; put terms with punctuation in double quotes, e.g. "10.0.0.1"`);
    }
    throw error;
  }
  const page = rows.slice(0, query.limit).map(hitFromRow);
  const last = page.at(-1);
  return rows.length > query.limit && last ? { logs: page, next: { timeMs: last.timeMs, id: last.id } } : { logs: page };
}

function searchStatement(query: LogSearchQuery): { sql: string; params: Record<string, unknown> } {
  const where: string[] = [];
  // One more than asked: whether it comes back says if there is a next page.
  const params: Record<string, unknown> = { limit: query.limit + 1 };
  let columns = COLUMNS;
  let source = 'logs l';
  if (query.text !== undefined) {
    columns += `, snippet(logs_fts, 0, @open, @close, '…', ${SNIPPET_TOKENS}) AS snippet`;
    source = 'logs_fts JOIN logs l ON l.id = logs_fts.rowid';
    where.push('logs_fts MATCH @text');
    Object.assign(params, { text: query.text, open: MATCH_OPEN, close: MATCH_CLOSE });
  }
  const filters: Array<[keyof LogSearchQuery, string]> = [
    ['service', 'l.service = @service'],
    ['templateId', 'l.template_id = @templateId'],
    ['traceId', 'l.trace_id = @traceId'],
    ['minSeverity', 'l.severity_number >= @minSeverity'],
    ['fromMs', 'l.time_ms >= @fromMs'],
    ['toMs', 'l.time_ms <= @toMs'],
  ];
  for (const [name, term] of filters) {
    if (query[name] === undefined) continue;
    where.push(term);
    params[name] = query[name];
  }
  if (query.services !== undefined) {
    // One statement for any number of services: the list travels as one JSON parameter.
    where.push('l.service IN (SELECT value FROM json_each(@services))');
    params['services'] = JSON.stringify(query.services);
  }
  if (query.after) {
    where.push('(l.time_ms, l.id) < (@afterMs, @afterId)');
    Object.assign(params, { afterMs: query.after.timeMs, afterId: query.after.id });
  }
  const sql = `SELECT ${columns} FROM ${source} ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY l.time_ms DESC, l.id DESC LIMIT @limit`;
  return { sql, params };
}

function hitFromRow(row: HitRow): LogHit {
  const hit: LogHit = { id: row.id, ...logFromRow(row) };
  if (row.snippet !== undefined) hit.snippet = snippetParts(row.snippet);
  return hit;
}

/** 'a \uE000b\uE001 c' → [{a }, {b, match}, { c}]. */
export function snippetParts(marked: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let rest = marked;
  while (rest.length > 0) {
    const open = rest.indexOf(MATCH_OPEN);
    if (open === -1) break;
    const close = rest.indexOf(MATCH_CLOSE, open + 1);
    if (close === -1) break;
    if (open > 0) parts.push({ text: rest.slice(0, open), match: false });
    parts.push({ text: rest.slice(open + 1, close), match: true });
    rest = rest.slice(close + 1);
  }
  if (rest.length > 0) parts.push({ text: rest, match: false });
  return parts;
}
