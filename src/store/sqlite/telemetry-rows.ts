/**
 * Row shapes of the telemetry tables and their mapping to records. Rows are cast, not validated:
 * only this store writes these tables, and validating every span or log would cost more than
 * the read itself. Absent optional fields are NULL in a row and missing (not undefined) in a
 * record, so records round-trip exactly.
 */
import type { Attributes, LogRecord, SpanKind, SpanRecord, SpanStatus } from '../../core/records.js';
import { attributesOfEncodedSpan } from '../../ingest/otlp/encoded-span.js';
import type { SeriesInfo } from '../store.js';
import { traceKeyOf } from './trace-key.js';

export interface SeriesRow {
  key: string;
  name: string;
  service: string;
  instance: string | null;
  labels: string;
  last_ms: number;
}

export interface PointRow {
  time_ms: number;
  value: number | null;
}

export interface SpanRow {
  trace_id: string;
  span_id: string;
  parent_span_id: string | null;
  service: string;
  instance: string | null;
  name: string;
  kind: string;
  start_ms: number;
  duration_ms: number;
  status: string;
  status_message: string | null;
  peer_service: string | null;
  /** JSON text, or (BLOB) the span's OTLP/protobuf Span message: see pushSpanParams. */
  attributes: string | Buffer;
}

export interface LogRow {
  time_ms: number;
  service: string;
  instance: string | null;
  severity_number: number;
  severity_text: string;
  body: string;
  trace_id: string | null;
  span_id: string | null;
  attributes: string;
  template_id: string | null;
}

export function seriesFromRow(row: SeriesRow): SeriesInfo {
  const info: SeriesInfo = {
    key: row.key,
    name: row.name,
    service: row.service,
    labels: JSON.parse(row.labels) as Record<string, string>,
    lastMs: row.last_ms,
  };
  if (row.instance !== null) info.instance = row.instance;
  return info;
}

/** SQLite stores NaN as NULL; reading it back as NaN keeps the value a number. */
export function pointFromRow(row: PointRow): { timeMs: number; value: number } {
  return { timeMs: row.time_ms, value: row.value ?? Number.NaN };
}

export function spanFromRow(row: SpanRow): SpanRecord {
  const span: SpanRecord = {
    traceId: row.trace_id,
    spanId: row.span_id,
    service: row.service,
    name: row.name,
    kind: row.kind as SpanKind,
    startMs: row.start_ms,
    durationMs: row.duration_ms,
    status: row.status as SpanStatus,
    attributes: typeof row.attributes === 'string' ? (JSON.parse(row.attributes) as Attributes) : attributesOfEncodedSpan(row.attributes),
  };
  if (row.parent_span_id !== null) span.parentSpanId = row.parent_span_id;
  if (row.instance !== null) span.instance = row.instance;
  if (row.status_message !== null) span.statusMessage = row.status_message;
  if (row.peer_service !== null) span.peerService = row.peer_service;
  return span;
}

/**
 * Appends a span's positional parameters, in the column order of the span insert, to `params`.
 * A span that arrived as OTLP/protobuf keeps its Span message bytes in the attributes column
 * (a BLOB; the column's TEXT affinity leaves blobs as they are) instead of its attributes as
 * JSON: storing the JSON made inserting a span ~1.12× dearer (docs/benchmarks.md), and a
 * trace's attributes are only read when the trace itself is (spanFromRow decodes them).
 */
export function pushSpanParams(params: unknown[], span: SpanRecord): void {
  params.push(
    span.traceId,
    span.spanId,
    span.parentSpanId ?? null,
    span.service,
    span.instance ?? null,
    span.name,
    span.kind,
    span.startMs,
    span.durationMs,
    span.status,
    span.statusMessage ?? null,
    span.peerService ?? null,
    span.encoded !== undefined ? asBuffer(span.encoded) : JSON.stringify(span.attributes),
    traceKeyOf(span.traceId),
  );
}

/** better-sqlite3 binds Buffers as BLOBs; a view, not a copy. */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export function logFromRow(row: LogRow): LogRecord {
  const log: LogRecord = {
    timeMs: row.time_ms,
    service: row.service,
    severityNumber: row.severity_number,
    severityText: row.severity_text,
    body: row.body,
    attributes: JSON.parse(row.attributes) as Attributes,
  };
  if (row.instance !== null) log.instance = row.instance;
  if (row.trace_id !== null) log.traceId = row.trace_id;
  if (row.span_id !== null) log.spanId = row.span_id;
  if (row.template_id !== null) log.templateId = row.template_id;
  return log;
}

/** Positional parameters in the column order of INSERT_LOG. */
export function logParams(log: LogRecord): unknown[] {
  return [
    log.timeMs,
    log.service,
    log.instance ?? null,
    log.severityNumber,
    log.severityText,
    log.body,
    log.traceId ?? null,
    log.spanId ?? null,
    JSON.stringify(log.attributes),
    log.templateId ?? null,
  ];
}
