import type { SqliteConnection } from './connection.js';

/**
 * Rows deleted per statement. Each chunk is its own short write transaction (when not called
 * inside store.transaction), so other connections and the WAL never wait on one huge delete.
 */
const CHUNK = 5_000;

const SERIES_IDS = 'SELECT id FROM series';
// Points are clustered by (series, time), so deleting per series walks the primary key.
const DELETE_POINTS = `DELETE FROM points WHERE series_id = @id AND time_ms IN (
  SELECT time_ms FROM points WHERE series_id = @id AND time_ms < @before ORDER BY time_ms LIMIT @limit)`;
// A series whose newest point is older than the cut-off has no points left.
const DELETE_EMPTY_SERIES = 'DELETE FROM series WHERE last_ms < ?';
const DELETE_SPANS = 'DELETE FROM spans WHERE id IN (SELECT id FROM spans WHERE start_ms < ? LIMIT ?)';
// A batch's digest goes with its newest span: a resend after that would store nothing twice.
const DELETE_SPAN_BATCHES = 'DELETE FROM span_batches WHERE newest_ms < ?';
// Triggers take each deleted log out of the full-text index too (migrations.ts).
const DELETE_LOGS = 'DELETE FROM logs WHERE id IN (SELECT id FROM logs WHERE time_ms < ? LIMIT ?)';
// A template not seen within retention goes with its logs; seen again, it starts a new row.
const DELETE_TEMPLATES = 'DELETE FROM log_templates WHERE last_seen_ms < ?';

/**
 * Deletes points, spans (and their batches' digests), logs and log templates last seen before
 * `beforeMs`; returns how many points, spans and logs went (series, digests and templates are
 * not counted).
 */
export function pruneTelemetry(conn: SqliteConnection, beforeMs: number): number {
  let deleted = 0;
  const seriesIds = conn.statement(SERIES_IDS).all() as Array<{ id: number }>;
  const deletePoints = conn.statement(DELETE_POINTS);
  for (const { id } of seriesIds) {
    deleted += repeatUntilShort(() => deletePoints.run({ id, before: beforeMs, limit: CHUNK }).changes);
  }
  conn.statement(DELETE_EMPTY_SERIES).run(beforeMs);

  const deleteSpans = conn.statement(DELETE_SPANS);
  deleted += repeatUntilShort(() => deleteSpans.run(beforeMs, CHUNK).changes);
  conn.statement(DELETE_SPAN_BATCHES).run(beforeMs);
  const deleteLogs = conn.statement(DELETE_LOGS);
  deleted += repeatUntilShort(() => deleteLogs.run(beforeMs, CHUNK).changes);
  conn.statement(DELETE_TEMPLATES).run(beforeMs);
  return deleted;
}

function repeatUntilShort(deleteChunk: () => number): number {
  let total = 0;
  for (;;) {
    const changes = deleteChunk();
    total += changes;
    if (changes < CHUNK) return total;
  }
}
