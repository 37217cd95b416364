/**
 * Log template rows on SQLite: one per (service, template id), counts added per ingest batch.
 * Change histories are JSON arrays, read and merged here only for the rare batch that refined
 * a template, so the common upsert stays one statement.
 */
import type { LogTemplateChange, LogTemplateRow, LogTemplateUpdate } from '../store.js';
import type { SqliteConnection } from './connection.js';

/** Refinements kept per template, like the miner's own `maxChanges`. */
export const TEMPLATE_CHANGES_KEPT = 16;

// A batch's text is the newest; counts add up; an update without changes keeps the old list.
const RECORD = `INSERT INTO log_templates (service, template_id, template, first_seen_ms, last_seen_ms,
    count, max_severity, changes)
  VALUES (@service, @templateId, @template, @firstSeenMs, @lastSeenMs, @count, @maxSeverity, @changes)
  ON CONFLICT (service, template_id) DO UPDATE SET
    template = excluded.template,
    first_seen_ms = min(first_seen_ms, excluded.first_seen_ms),
    last_seen_ms = max(last_seen_ms, excluded.last_seen_ms),
    count = count + excluded.count,
    max_severity = max(max_severity, excluded.max_severity),
    changes = iif(excluded.changes = '[]', changes, excluded.changes)`;
const CHANGES = 'SELECT changes FROM log_templates WHERE service = ? AND template_id = ?';
const TEMPLATE_COLUMNS = 'service, template_id, template, first_seen_ms, last_seen_ms, count, max_severity, changes';
// better-sqlite3 binds JS numbers as REAL, so the division is made integral explicitly.
const COUNTS = `SELECT CAST((time_ms - @fromMs) / @bucketMs AS INTEGER) AS bucket, count(*) AS n FROM logs
  WHERE template_id = @templateId AND service = @service AND time_ms >= @fromMs AND time_ms < @endMs
  GROUP BY bucket`;

interface TemplateRow {
  service: string;
  template_id: string;
  template: string;
  first_seen_ms: number;
  last_seen_ms: number;
  count: number;
  max_severity: number;
  changes: string;
}

export function recordTemplates(conn: SqliteConnection, updates: readonly LogTemplateUpdate[]): void {
  const record = conn.statement(RECORD);
  const changesOf = conn.statement(CHANGES);
  conn.transaction(() => {
    for (const update of updates) {
      let changes: LogTemplateChange[] = [];
      if (update.changes.length > 0) {
        const row = changesOf.get(update.service, update.templateId) as { changes: string } | undefined;
        const before = row ? (JSON.parse(row.changes) as LogTemplateChange[]) : [];
        changes = [...before, ...update.changes].slice(-TEMPLATE_CHANGES_KEPT);
      }
      const { service, templateId, template, firstSeenMs, lastSeenMs, count, maxSeverity } = update;
      record.run({ service, templateId, template, firstSeenMs, lastSeenMs, count, maxSeverity, changes: JSON.stringify(changes) });
    }
  });
}

export function listTemplates(
  conn: SqliteConnection,
  filter: { service?: string; templateId?: string; minSeverity?: number; limit: number },
): LogTemplateRow[] {
  const where: string[] = [];
  if (filter.service !== undefined) where.push('service = @service');
  if (filter.templateId !== undefined) where.push('template_id = @templateId');
  if (filter.minSeverity !== undefined) where.push('max_severity >= @minSeverity');
  const sql = `SELECT ${TEMPLATE_COLUMNS} FROM log_templates ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY count DESC, first_seen_ms, service, template_id LIMIT @limit`;
  const params = {
    limit: filter.limit,
    ...(filter.service !== undefined ? { service: filter.service } : {}),
    ...(filter.templateId !== undefined ? { templateId: filter.templateId } : {}),
    ...(filter.minSeverity !== undefined ? { minSeverity: filter.minSeverity } : {}),
  };
  return (conn.statement(sql).all(params) as TemplateRow[]).map(templateFromRow);
}

export function templateCounts(
  conn: SqliteConnection,
  template: { service: string; templateId: string },
  window: { fromMs: number; bucketMs: number; buckets: number },
): number[] {
  const counts = new Array<number>(window.buckets).fill(0);
  const rows = conn.statement(COUNTS).all({
    ...template,
    fromMs: window.fromMs,
    bucketMs: window.bucketMs,
    endMs: window.fromMs + window.bucketMs * window.buckets,
  }) as Array<{ bucket: number; n: number }>;
  for (const { bucket, n } of rows) counts[bucket] = n;
  return counts;
}

function templateFromRow(row: TemplateRow): LogTemplateRow {
  return {
    service: row.service,
    templateId: row.template_id,
    template: row.template,
    firstSeenMs: row.first_seen_ms,
    lastSeenMs: row.last_seen_ms,
    count: row.count,
    maxSeverity: row.max_severity,
    changes: JSON.parse(row.changes) as LogTemplateChange[],
  };
}
