import type { MapSpan } from '../../core/service-map-api.js';
import type { SpanKind } from '../../core/records.js';
import type { ServiceMapRepository, TimeRange } from '../store.js';
import type { SqliteConnection } from './connection.js';
import { spanAttributeSql } from './span-attribute-sql.js';

/**
 * Only the columns the map sums, newest first. The peer's system is read from the stored
 * attributes in SQL (span-attribute-sql.ts) and only for spans with a peer, so most rows decode
 * no attributes at all. The parent is joined only for server and consumer spans, through the
 * trace_key index: one lookup per incoming call, of one row even when the parent was stored
 * twice (sent again in another batch).
 */
const MAP_SPANS = `SELECT s.service, s.instance, s.name, s.kind, s.duration_ms, s.status = 'error' AS error, s.peer_service,
    CASE WHEN s.peer_service IS NOT NULL THEN coalesce(${spanAttributeSql('s.attributes', 'db.system.name')}, ${spanAttributeSql('s.attributes', 'db.system')}) END AS db_system,
    CASE WHEN s.peer_service IS NOT NULL THEN ${spanAttributeSql('s.attributes', 'messaging.system')} END AS messaging_system,
    p.service AS parent_service, p.kind AS parent_kind, p.peer_service AS parent_peer
  FROM spans s
  LEFT JOIN spans p ON s.kind IN ('server', 'consumer') AND s.parent_span_id IS NOT NULL
    AND p.id = (SELECT id FROM spans WHERE trace_key = s.trace_key AND trace_id = s.trace_id AND span_id = s.parent_span_id LIMIT 1)
  WHERE s.start_ms >= ? AND s.start_ms <= ?
  ORDER BY s.start_ms DESC
  LIMIT ?`;

interface MapSpanRow {
  service: string;
  instance: string | null;
  name: string;
  kind: SpanKind;
  duration_ms: number;
  error: number;
  peer_service: string | null;
  db_system: unknown;
  messaging_system: unknown;
  parent_service: string | null;
  parent_kind: SpanKind | null;
  parent_peer: string | null;
}

export class SqliteServiceMapRepository implements ServiceMapRepository {
  readonly #conn: SqliteConnection;

  constructor(conn: SqliteConnection) {
    this.#conn = conn;
  }

  mapSpans(range: TimeRange, limit: number): { spans: MapSpan[]; truncated: boolean } {
    const rows = this.#conn.statement(MAP_SPANS).all(range.fromMs, range.toMs, limit + 1) as MapSpanRow[];
    const truncated = rows.length > limit;
    if (truncated) rows.length = limit;
    return { spans: rows.map(mapSpanOf), truncated };
  }
}

function mapSpanOf(row: MapSpanRow): MapSpan {
  const span: MapSpan = { service: row.service, name: row.name, kind: row.kind, durationMs: row.duration_ms, error: row.error === 1 };
  if (row.instance !== null) span.instance = row.instance;
  if (row.peer_service !== null) span.peer = row.peer_service;
  if (typeof row.db_system === 'string' && row.db_system !== '') span.dbSystem = row.db_system;
  if (typeof row.messaging_system === 'string' && row.messaging_system !== '') span.messagingSystem = row.messaging_system;
  if (row.parent_service !== null && row.parent_kind !== null) {
    span.parent = { service: row.parent_service, kind: row.parent_kind };
    if (row.parent_peer !== null) span.parent.peer = row.parent_peer;
  }
  return span;
}
