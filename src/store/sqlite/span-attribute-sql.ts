/**
 * One attribute of a stored span, in SQL, whichever way the row holds its attributes: JSON text
 * (spans that arrived as OTLP/JSON, rows written before spans kept their protobuf bytes) goes
 * through json_extract; a BLOB (the span's OTLP/protobuf Span message, telemetry-rows.ts) goes
 * through the span_attribute() function this module registers on the connection, which
 * decodes only the value asked for.
 */
import type Database from 'better-sqlite3';
import { attributeOfEncodedSpan } from '../../ingest/otlp/encoded-span.js';

const FUNCTION_NAME = 'span_attribute';

/** Registers span_attribute(encoded BLOB, key TEXT) on `db`; call once per connection. */
export function registerSpanAttributeFunction(db: Database.Database): void {
  // Keys are a handful of constants in the readers' SQL: each is encoded once.
  const keys = new Map<string, Buffer>();
  db.function(FUNCTION_NAME, { deterministic: true }, (encoded: unknown, key: unknown) => {
    if (!Buffer.isBuffer(encoded) || typeof key !== 'string') return null;
    let keyBytes = keys.get(key);
    if (keyBytes === undefined) {
      keyBytes = Buffer.from(key, 'utf8');
      keys.set(key, keyBytes);
    }
    const value = attributeOfEncodedSpan(encoded, keyBytes);
    // As json_extract answers: booleans as 1 and 0, a missing key as NULL.
    if (typeof value === 'boolean') return value ? 1 : 0;
    return value ?? null;
  });
}

/** SQL for attribute `key` of the span row's `column` (a constant key from this code base). */
export function spanAttributeSql(column: string, key: string): string {
  if (!/^[\w.]+$/.test(key)) throw new RangeError(`spanAttributeSql: key must be letters, digits, _ and ., got ${key}`);
  return `(CASE WHEN typeof(${column}) = 'blob' THEN ${FUNCTION_NAME}(${column}, '${key}') ELSE json_extract(${column}, '$."${key}"') END)`;
}
