import { TextDecoder } from 'node:util';
import type { LogRecord, MetricPoint, SpanRecord } from '../../core/records.js';
import { seriesKey, sortLabels } from '../../core/series.js';
import type { InsertSpansOptions, SeriesInfo, TelemetryRepository, TimeRange } from '../store.js';
import type { SqliteConnection } from './connection.js';
import { pruneTelemetry } from './telemetry-prune.js';
import { batchDigest } from './batch-digest.js';
import { bodyOf, newestStartOf, pushPackedSpanParams, type PackedSpans } from './packed-spans.js';
import { traceKeyOf } from './trace-key.js';
import {
  type LogRow,
  type PointRow,
  type SeriesRow,
  type SpanRow,
  logFromRow,
  logParams,
  pointFromRow,
  seriesFromRow,
  spanFromRow,
  pushSpanParams,
} from './telemetry-rows.js';

// One round trip per distinct series per batch: creates the series or advances last_ms.
const UPSERT_SERIES = `INSERT INTO series (key, name, service, instance, labels, unit, last_ms)
  VALUES (?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (key) DO UPDATE SET
    last_ms = max(last_ms, excluded.last_ms),
    unit = coalesce(excluded.unit, unit)
  RETURNING id`;
// A point is identified by series and time: a retried export overwrites instead of duplicating.
const INSERT_POINT = `INSERT INTO points (series_id, time_ms, value) VALUES (?, ?, ?)
  ON CONFLICT (series_id, time_ms) DO UPDATE SET value = excluded.value`;
const SPAN_INSERT_COLUMNS = `trace_id, span_id, parent_span_id, service, instance,
  name, kind, start_ms, duration_ms, status, status_message, peer_service, attributes, trace_key`;
const SPAN_ROW = `(${Array.from({ length: 14 }, () => '?').join(', ')})`;
/**
 * Spans go in SPANS_PER_INSERT rows per statement: one statement step per row was most of the
 * cost of storing a span (16 rows: about 1.2x, measured; more gained nothing). 16 × 14 parameters is far below
 * SQLite's limit of 32,766 parameters. Nothing
 * in the table is unique (trace-key.ts): a resent batch is recognised by its digest instead.
 * OR IGNORE all the same: a statement that cannot fail part-way needs no statement journal,
 * and a plain INSERT, which could (a NOT NULL), made storing a span ~1.6x dearer (measured).
 */
const SPANS_PER_INSERT = 16;
const insertSpansSql = (rows: number) =>
  `INSERT OR IGNORE INTO spans (${SPAN_INSERT_COLUMNS}) VALUES ${Array.from({ length: rows }, () => SPAN_ROW).join(', ')}`;
const INSERT_LOG = `INSERT INTO logs (time_ms, service, instance, severity_number, severity_text,
  body, trace_id, span_id, attributes, template_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

const SERIES_POINTS = `SELECT p.time_ms, p.value FROM points p JOIN series s ON s.id = p.series_id
  WHERE s.key = ? AND p.time_ms >= ? AND p.time_ms <= ? ORDER BY p.time_ms`;
const SERIES_COLUMNS = 'key, name, service, instance, labels, last_ms';
const LIST_SERIES = `SELECT ${SERIES_COLUMNS} FROM series ORDER BY key`;
const LIST_SERIES_OF_SERVICE = `SELECT ${SERIES_COLUMNS} FROM series WHERE service = ? ORDER BY key`;
const SPAN_COLUMNS = `trace_id, span_id, parent_span_id, service, instance, name, kind, start_ms,
  duration_ms, status, status_message, peer_service, attributes`;
const SPANS_OF_TRACE = `SELECT ${SPAN_COLUMNS} FROM spans WHERE trace_key = ? AND trace_id = ? ORDER BY start_ms, id`;
// A batch stored before answers no row: it is not stored again.
const NOTE_SPAN_BATCH = 'INSERT INTO span_batches (digest, newest_ms) VALUES (?, ?) ON CONFLICT DO NOTHING';
const LOG_COLUMNS = `time_ms, service, instance, severity_number, severity_text, body, trace_id,
  span_id, attributes, template_id`;
// Two statements rather than `service = ? OR ? IS NULL`, which would keep the planner off the
// (service, time_ms) index.
const RECENT_LOGS = `SELECT ${LOG_COLUMNS} FROM logs WHERE time_ms >= ? AND time_ms <= ?
  ORDER BY time_ms DESC, id DESC LIMIT ?`;
const RECENT_LOGS_OF_SERVICE = `SELECT ${LOG_COLUMNS} FROM logs
  WHERE service = ? AND time_ms >= ? AND time_ms <= ? ORDER BY time_ms DESC, id DESC LIMIT ?`;

interface PendingSeries {
  first: MetricPoint;
  lastMs: number;
}

/**
 * Telemetry on SQLite. Ranges include both ends. Each insert call is one transaction (a
 * savepoint inside store.transaction), which is what makes batch inserts fast.
 */
export class SqliteTelemetryRepository implements TelemetryRepository {
  readonly #conn: SqliteConnection;

  constructor(conn: SqliteConnection) {
    this.#conn = conn;
  }

  insertMetricPoints(points: readonly MetricPoint[]): void {
    const upsertSeries = this.#conn.statement(UPSERT_SERIES);
    const insertPoint = this.#conn.statement(INSERT_POINT);
    // Keys are computed once; series are upserted once per batch with the batch's newest time.
    const keys = points.map((point) => seriesKey(point));
    const pending = new Map<string, PendingSeries>();
    points.forEach((point, index) => {
      const key = keys[index] as string;
      const seen = pending.get(key);
      if (seen === undefined) pending.set(key, { first: point, lastMs: point.timeMs });
      else if (point.timeMs > seen.lastMs) seen.lastMs = point.timeMs;
    });

    this.#conn.transaction(() => {
      const ids = new Map<string, number>();
      for (const [key, { first, lastMs }] of pending) {
        const row = upsertSeries.get(
          key,
          first.name,
          first.service,
          first.instance ?? null,
          JSON.stringify(sortLabels(first.labels)),
          first.unit ?? null,
          lastMs,
        ) as { id: number };
        ids.set(key, row.id);
      }
      points.forEach((point, index) => {
        insertPoint.run(ids.get(keys[index] as string), point.timeMs, point.value);
      });
    });
  }

  insertSpans(spans: readonly SpanRecord[], options: InsertSpansOptions = {}): boolean {
    let newestMs = 0;
    for (const span of spans) if (span.startMs > newestMs) newestMs = span.startMs;
    const batch = { newestMs, ...(options.batchBody ? { digest: batchDigest(options.batchBody) } : {}) };
    return this.#insertSpanRows(spans.length, (params, row) => pushSpanParams(params, spans[row] as SpanRecord), batch);
  }

  /**
   * insertSpans for spans packed by packSpans (the span writer thread's input), the body they
   * came in packed with them when they are to be stored once (InsertSpansOptions.batchBody).
   */
  insertPackedSpans(packed: PackedSpans): boolean {
    const decoder = new TextDecoder();
    const body = bodyOf(packed);
    const batch = { newestMs: newestStartOf(packed), ...(body ? { digest: batchDigest(body) } : {}) };
    return this.#insertSpanRows(packed.count, (params, row) => pushPackedSpanParams(params, packed, row, decoder), batch);
  }

  #insertSpanRows(count: number, pushRow: (params: unknown[], row: number) => void, batch: { newestMs: number; digest?: Uint8Array }): boolean {
    const full = this.#conn.statement(insertSpansSql(SPANS_PER_INSERT));
    const params: unknown[] = [];
    return this.#conn.transaction(() => {
      if (batch.digest !== undefined && !this.#noteBatch(batch.digest, batch.newestMs)) return false;
      let index = 0;
      for (; index + SPANS_PER_INSERT <= count; index += SPANS_PER_INSERT) {
        params.length = 0;
        for (let row = index; row < index + SPANS_PER_INSERT; row++) pushRow(params, row);
        full.run(params);
      }
      const rest = count - index;
      if (rest === 0) return true;
      params.length = 0;
      for (let row = index; row < count; row++) pushRow(params, row);
      this.#conn.statement(insertSpansSql(rest)).run(params);
      return true;
    });
  }

  /** False when a batch with this digest is already stored. */
  #noteBatch(digest: Uint8Array, newestMs: number): boolean {
    return this.#conn.statement(NOTE_SPAN_BATCH).run(digest, newestMs).changes > 0;
  }

  insertLogs(logs: readonly LogRecord[]): void {
    const insert = this.#conn.statement(INSERT_LOG);
    this.#conn.transaction(() => {
      for (const log of logs) insert.run(...logParams(log));
    });
  }

  seriesPoints(key: string, range: TimeRange): Array<{ timeMs: number; value: number }> {
    const rows = this.#conn.statement(SERIES_POINTS).all(key, range.fromMs, range.toMs) as PointRow[];
    return rows.map(pointFromRow);
  }

  listSeries(filter: { service?: string } = {}): SeriesInfo[] {
    const rows =
      filter.service === undefined
        ? this.#conn.statement(LIST_SERIES).all()
        : this.#conn.statement(LIST_SERIES_OF_SERVICE).all(filter.service);
    return (rows as SeriesRow[]).map(seriesFromRow);
  }

  /** Each span once: a span stored twice (sent again in another batch) is read from its first row. */
  spansOfTrace(traceId: string): SpanRecord[] {
    const rows = this.#conn.statement(SPANS_OF_TRACE).all(traceKeyOf(traceId), traceId) as SpanRow[];
    const seen = new Set<string>();
    const spans: SpanRecord[] = [];
    for (const row of rows) {
      if (seen.has(row.span_id)) continue;
      seen.add(row.span_id);
      spans.push(spanFromRow(row));
    }
    return spans;
  }

  /** Newest first, at most `limit` records. */
  recentLogs(filter: { service?: string; range: TimeRange; limit: number }): LogRecord[] {
    const { fromMs, toMs } = filter.range;
    const rows =
      filter.service === undefined
        ? this.#conn.statement(RECENT_LOGS).all(fromMs, toMs, filter.limit)
        : this.#conn.statement(RECENT_LOGS_OF_SERVICE).all(filter.service, fromMs, toMs, filter.limit);
    return (rows as LogRow[]).map(logFromRow);
  }

  pruneBefore(beforeMs: number): number {
    return pruneTelemetry(this.#conn, beforeMs);
  }
}
