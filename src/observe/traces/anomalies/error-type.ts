/**
 * The type of a failed span's error, by OpenTelemetry semantic conventions, most specific first:
 * `exception.type` (recorded on an exception event; read here when the record carries it as an
 * attribute), `error.type`, the HTTP response status code, the gRPC status code, else the status
 * message with its variable parts (numbers, ids, quoted values) masked, so "timeout after
 * 3012 ms" and "timeout after 2987 ms" are one type. Pure.
 */
import type { AttributeValue, SpanRecord } from '../../../core/records.js';

/** Every attribute errorTypeOf reads: span ingest decodes only the attributes analysis reads. */
export const ERROR_TYPE_KEYS: ReadonlySet<string> = new Set([
  'exception.type',
  'error.type',
  'http.response.status_code',
  'http.status_code',
  'rpc.grpc.status_code',
]);

/** Types are names, not essays: long messages are cut here. */
const MAX_TYPE_CHARS = 120;

export function errorTypeOf(span: SpanRecord): string {
  const { attributes } = span;
  const exception = text(attributes['exception.type']);
  if (exception !== undefined) return exception;
  const declared = text(attributes['error.type']);
  if (declared !== undefined) return declared;
  const http = attributes['http.response.status_code'] ?? attributes['http.status_code'];
  if (http !== undefined) return `HTTP ${String(http)}`;
  const grpc = attributes['rpc.grpc.status_code'];
  if (grpc !== undefined) return `gRPC ${String(grpc)}`;
  const message = span.statusMessage?.trim();
  return message ? normaliseMessage(message) : 'error without a type';
}

function text(value: AttributeValue | undefined): string | undefined {
  if (value === undefined) return undefined;
  const string = String(value).trim();
  return string === '' ? undefined : string.slice(0, MAX_TYPE_CHARS);
}

export function normaliseMessage(message: string): string {
  return message
    .replace(/"[^"]*"|'[^']*'/g, '<*>')
    .replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, '<*>')
    .replace(/\b(?=[0-9a-f]*\d)[0-9a-f]{8,}\b/gi, '<*>')
    .replace(/\d+(\.\d+)?/g, '<n>')
    .slice(0, MAX_TYPE_CHARS);
}
