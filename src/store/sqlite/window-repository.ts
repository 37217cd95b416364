import { type Alert, AlertSchema } from '../../core/records.js';
import type { SpanOutcome, TemplateCount } from '../../core/window-outcomes.js';
import type { TimeRange, WindowRepository, WindowSeries } from '../store.js';
import type { AlertActivity } from './alert-activity.js';
import type { SqliteConnection } from './connection.js';
import { spanAttributeSql } from './span-attribute-sql.js';

// Series are walked by their own table and each one's points read by a seek on the (series,
// time) primary key, so the cost follows the series and points of the window, not the store.
// `last_ms` rules out series that ended before the window without touching their points. The
// points come back as two comma-separated lists per series: one row per series instead of one
// object per point is what keeps a read of 100,000 points near 100 ms.
const SERIES_IN = `SELECT s.key, s.name, s.service, s.instance, s.labels, s.last_ms,
    group_concat(p.time_ms, ',' ORDER BY p.time_ms) AS times, group_concat(p.value, ',' ORDER BY p.time_ms) AS vals
  FROM series s JOIN points p ON p.series_id = s.id
  WHERE s.last_ms >= @from AND p.time_ms >= @historyFrom AND p.time_ms <= @to AND p.value IS NOT NULL
  GROUP BY s.id HAVING max(p.time_ms) >= @from`;

const SPAN_COUNT = 'SELECT count(*) AS spans FROM spans WHERE start_ms >= @from AND start_ms <= @to';

// One pass over the window's spans (the (start_ms, service) index), their children found by grouping the
// same rows on (trace, parent) rather than by a lookup per span. A child that started outside
// the window is missed, which only blurs the spans at its edges. Traces are sampled whole by
// the last hex digit of their id (random in W3C trace ids): @buckets of the 16 digits kept.
const SPAN_OUTCOMES = `WITH w AS (
    SELECT trace_id, span_id, parent_span_id, service, instance, start_ms, duration_ms,
      status = 'error' AS failed,
      CASE WHEN kind IN ('client', 'producer') THEN peer_service END AS peer,
      CASE WHEN status <> 'error' THEN ${spanAttributeSql('attributes', 'http.response.body.size')} END AS body_bytes
    FROM spans WHERE start_ms >= @from AND start_ms <= @to AND instr('0123456789abcdef', substr(lower(trace_id), -1)) <= @buckets
  ),
  kids AS (
    SELECT trace_id, parent_span_id AS span_id, sum(duration_ms) AS kid_ms, max(failed) AS kid_failed
    FROM w WHERE parent_span_id IS NOT NULL GROUP BY trace_id, parent_span_id
  ),
  flagged AS (
    SELECT w.service, w.instance, w.peer, w.start_ms, w.failed, w.body_bytes,
      max(0, w.duration_ms - coalesce(k.kid_ms, 0)) AS self_ms,
      w.failed AND k.span_id IS NULL AND w.peer IS NOT NULL AS unanswered,
      w.failed AND coalesce(k.kid_failed, 0) = 0 AS own_error
    FROM w LEFT JOIN kids k ON k.trace_id = w.trace_id AND k.span_id = w.span_id
  )
  SELECT service, instance, peer, count(*) AS spans, sum(failed) AS errors, sum(own_error) AS own_errors,
    sum(unanswered) AS unanswered, sum(self_ms) AS self_ms,
    coalesce(sum(ln(1 + body_bytes)), 0) AS body_log_bytes, count(body_bytes) AS bodies,
    min(CASE WHEN own_error THEN start_ms END) AS first_own_error_ms
  FROM flagged GROUP BY service, instance, peer`;

const TEMPLATE_COUNTS = `SELECT l.service, l.instance, l.template_id, count(*) AS count, min(l.time_ms) AS first_ms, t.template
  FROM logs l LEFT JOIN log_templates t ON t.service = l.service AND t.template_id = l.template_id
  WHERE l.time_ms >= @from AND l.time_ms <= @to AND l.severity_number >= @minSeverity AND l.template_id IS NOT NULL
  GROUP BY l.service, l.instance, l.template_id`;

// last_seen_ms is indexed; the start lives in the record, checked on the rows the index finds.
const ALERTS_OVERLAPPING = `SELECT record FROM alerts
  WHERE last_seen_ms >= @from AND json_extract(record, '$.startsMs') <= @to
  ORDER BY last_seen_ms DESC, id DESC LIMIT @limit`;

interface SeriesPointsRow {
  key: string;
  name: string;
  service: string;
  instance: string | null;
  labels: string;
  last_ms: number;
  times: string;
  vals: string;
}

interface SpanOutcomeRow {
  service: string;
  instance: string | null;
  peer: string | null;
  spans: number;
  errors: number;
  own_errors: number;
  unanswered: number;
  self_ms: number;
  body_log_bytes: number;
  bodies: number;
  first_own_error_ms: number | null;
}

interface TemplateCountRow {
  service: string;
  instance: string | null;
  template_id: string;
  count: number;
  first_ms: number;
  template: string | null;
}

/** Reads over one time window, for root-cause analysis of it. */
export class SqliteWindowRepository implements WindowRepository {
  readonly #conn: SqliteConnection;

  readonly #alertActivity: AlertActivity;

  constructor(conn: SqliteConnection, alertActivity: AlertActivity) {
    this.#conn = conn;
    this.#alertActivity = alertActivity;
  }

  seriesIn(range: TimeRange, historyFromMs: number): WindowSeries[] {
    const rows = this.#conn
      .statement(SERIES_IN)
      .all({ from: range.fromMs, to: range.toMs, historyFrom: Math.min(historyFromMs, range.fromMs) }) as SeriesPointsRow[];
    return rows.map((row) => {
      const times = row.times.split(',');
      const values = row.vals.split(',');
      return {
        key: row.key,
        name: row.name,
        service: row.service,
        ...(row.instance !== null ? { instance: row.instance } : {}),
        labels: JSON.parse(row.labels) as Record<string, string>,
        lastMs: row.last_ms,
        points: times.map((time, index) => ({ timeMs: Number(time), value: Number(values[index]) })),
      };
    });
  }

  spanCount(range: TimeRange): number {
    return (this.#conn.statement(SPAN_COUNT).get({ from: range.fromMs, to: range.toMs }) as { spans: number }).spans;
  }

  spanOutcomes(range: TimeRange, traceShare = 1): SpanOutcome[] {
    const buckets = Math.min(16, Math.max(1, Math.round(traceShare * 16)));
    const rows = this.#conn.statement(SPAN_OUTCOMES).all({ from: range.fromMs, to: range.toMs, buckets }) as SpanOutcomeRow[];
    return rows.map((row) => ({
      service: row.service,
      ...(row.instance !== null ? { instance: row.instance } : {}),
      ...(row.peer !== null ? { peer: row.peer } : {}),
      spans: row.spans,
      errors: row.errors,
      ownErrors: row.own_errors,
      unansweredCalls: row.unanswered,
      selfMs: row.self_ms,
      bodyLogBytes: row.body_log_bytes,
      bodies: row.bodies,
      ...(row.first_own_error_ms !== null ? { firstOwnErrorMs: row.first_own_error_ms } : {}),
    }));
  }

  templateCounts(range: TimeRange, minSeverity: number): TemplateCount[] {
    const rows = this.#conn
      .statement(TEMPLATE_COUNTS)
      .all({ from: range.fromMs, to: range.toMs, minSeverity }) as TemplateCountRow[];
    return rows.map((row) => ({
      service: row.service,
      ...(row.instance !== null ? { instance: row.instance } : {}),
      templateId: row.template_id,
      ...(row.template !== null ? { template: row.template } : {}),
      count: row.count,
      firstMs: row.first_ms,
    }));
  }

  alertsOverlapping(range: TimeRange, limit: number): Alert[] {
    // The range is matched on last_seen_ms: journalled repeats must be in the rows first.
    this.#alertActivity.fold();
    const rows = this.#conn.statement(ALERTS_OVERLAPPING).all({ from: range.fromMs, to: range.toMs, limit }) as Array<{ record: string }>;
    // Validated on the way out, as the alert repository does.
    return rows.map((row) => AlertSchema.parse(JSON.parse(row.record)));
  }
}
