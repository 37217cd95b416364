/**
 * Trace search on SQLite, straight from the spans table: no summary table to keep up to date on
 * the span insert path (the hottest write path). A trace is represented in the scan by its
 * newest matching span only (the NOT EXISTS below), so each trace comes once, the order is
 * stable, and a (start, id) cursor pages through traces exactly like log search pages lines.
 * The cost is proportional to the spans read until `limit` traces are found, plus one lookup
 * of the trace's spans per span read.
 */
import type { SpanCursor, TraceSearchPage, TraceSearchQuery, TraceSummary } from '../store.js';
import type { SqliteConnection } from './connection.js';
import { traceKeyOf } from './trace-key.js';

interface MatchRow {
  trace_id: string;
  start_ms: number;
  id: number;
}

interface SummaryRow {
  trace_id: string;
  start_ms: number;
  end_ms: number;
  span_count: number;
  error_count: number;
  services: string;
}

interface RootRow {
  trace_id: string;
  service: string;
  name: string;
}

// Ids and their trace keys (trace-key.ts, the indexed column) travel as JSON parameters, so one
// cached statement serves any page size. A span stored twice (sent again in another batch)
// counts once.
const OF_TRACES = `trace_key IN (SELECT value FROM json_each(@keys)) AND trace_id IN (SELECT value FROM json_each(@ids))`;
const SUMMARIES = `SELECT trace_id, MIN(start_ms) AS start_ms, MAX(start_ms + duration_ms) AS end_ms,
    COUNT(DISTINCT span_id) AS span_count, COUNT(DISTINCT CASE WHEN status = 'error' THEN span_id END) AS error_count,
    json_group_array(DISTINCT service) AS services
  FROM spans WHERE ${OF_TRACES} GROUP BY trace_id`;
// The root: a span with no parent first, then the earliest (a trace whose root has not arrived).
const ROOTS = `SELECT trace_id, service, name FROM (
    SELECT trace_id, service, name, row_number() OVER (
      PARTITION BY trace_id ORDER BY parent_span_id IS NOT NULL, start_ms, id) AS position
    FROM spans WHERE ${OF_TRACES})
  WHERE position = 1`;

export function searchTraces(conn: SqliteConnection, query: TraceSearchQuery): TraceSearchPage {
  const { sql, params } = searchStatement(query);
  const rows = conn.statement(sql).all(params) as MatchRow[];
  const page = rows.slice(0, query.limit);
  const byId = new Map(traceSummaries(conn, page.map((row) => row.trace_id)).map((summary) => [summary.traceId, summary]));
  const traces = page.flatMap((row) => byId.get(row.trace_id) ?? []);
  const last = page.at(-1);
  const next: SpanCursor | undefined = rows.length > query.limit && last ? { timeMs: last.start_ms, id: last.id } : undefined;
  return next ? { traces, next } : { traces };
}

export function traceSummaries(conn: SqliteConnection, traceIds: readonly string[]): TraceSummary[] {
  if (traceIds.length === 0) return [];
  const params = { ids: JSON.stringify(traceIds), keys: JSON.stringify(traceIds.map(traceKeyOf)) };
  const roots = new Map((conn.statement(ROOTS).all(params) as RootRow[]).map((row) => [row.trace_id, row]));
  return (conn.statement(SUMMARIES).all(params) as SummaryRow[]).map((row) => {
    const root = roots.get(row.trace_id);
    return {
      traceId: row.trace_id,
      rootService: root?.service ?? '',
      rootOperation: root?.name ?? '',
      startMs: row.start_ms,
      durationMs: row.end_ms - row.start_ms,
      spanCount: row.span_count,
      errorCount: row.error_count,
      services: (JSON.parse(row.services) as string[]).sort(),
    };
  });
}

/**
 * The span filters on `alias`. In the NOT EXISTS subquery they are written with a unary `+`,
 * which keeps the planner on the trace_key index there instead of, say, the service index,
 * whatever the filters are.
 */
function spanFilters(query: TraceSearchQuery, alias: string, indexed: boolean): string[] {
  const column = (name: string): string => `${indexed ? '' : '+'}${alias}.${name}`;
  const terms: string[] = [];
  if (query.service !== undefined) terms.push(`${column('service')} = @service`);
  if (query.services !== undefined) terms.push(`${column('service')} IN (SELECT value FROM json_each(@services))`);
  if (query.operation !== undefined) terms.push(`${column('name')} = @operation`);
  // Literal, so the partial index spans_error_start applies.
  if (query.status === 'error') terms.push(`${alias}.status = 'error'`);
  if (query.status === 'ok') terms.push(`${column('status')} <> 'error'`);
  if (query.minDurationMs !== undefined) terms.push(`${column('duration_ms')} >= @minDurationMs`);
  if (query.maxDurationMs !== undefined) terms.push(`${column('duration_ms')} <= @maxDurationMs`);
  if (query.fromMs !== undefined) terms.push(`${column('start_ms')} >= @fromMs`);
  if (query.toMs !== undefined) terms.push(`${column('start_ms')} <= @toMs`);
  return terms;
}

function searchStatement(query: TraceSearchQuery): { sql: string; params: Record<string, unknown> } {
  // One more than asked: whether it comes back says if there is a next page.
  const params: Record<string, unknown> = { limit: query.limit + 1 };
  for (const name of ['service', 'operation', 'minDurationMs', 'maxDurationMs', 'fromMs', 'toMs'] as const) {
    if (query[name] !== undefined) params[name] = query[name];
  }
  if (query.services !== undefined) params['services'] = JSON.stringify(query.services);
  const where = spanFilters(query, 's', true);
  if (query.after) {
    where.push('(s.start_ms, s.id) < (@afterMs, @afterId)');
    Object.assign(params, { afterMs: query.after.timeMs, afterId: query.after.id });
  }
  // Only the trace's newest matching span stands for it.
  const newer = ['n.trace_key = s.trace_key', 'n.trace_id = s.trace_id', '(n.start_ms, n.id) > (s.start_ms, s.id)', ...spanFilters(query, 'n', false)];
  where.push(`NOT EXISTS (SELECT 1 FROM spans n WHERE ${newer.join(' AND ')})`);
  const sql = `SELECT s.trace_id, s.start_ms, s.id FROM spans s WHERE ${where.join(' AND ')}
    ORDER BY s.start_ms DESC, s.id DESC LIMIT @limit`;
  return { sql, params };
}
