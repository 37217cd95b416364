/**
 * AnyValue and KeyValue lists (attributes) into plain OtlpValue data, for both encodings.
 */
import { asMessage, fieldOf, readList, readString, toDouble, toInt64, type Message } from './field-readers.js';
import { OtlpShapeError, within } from './otlp-shape-error.js';
import { setOwn } from './set-own.js';
import type { OtlpAttributes, OtlpValue } from './otlp-types.js';

/** Deeper nesting than this is refused: it is never legitimate and recursion must stay bounded. */
const MAX_DEPTH = 32;

function toBase64(value: unknown, field: string): string {
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64');
  if (typeof value === 'string') return value; // OTLP/JSON already carries bytes as base64
  throw new OtlpShapeError(field, 'must be base64 bytes');
}

function readValues(message: Message, depth: number): OtlpValue[] {
  return readList(message, 'values', (item) => readAnyValue(item, depth + 1));
}

function readKeyValues(message: Message, field: string, depth: number): OtlpAttributes {
  const attributes: OtlpAttributes = {};
  readList(message, field, (item) => {
    const pair = asMessage(item, '');
    const key = readString(pair, 'key');
    const raw = fieldOf(pair, 'value');
    setOwn(attributes, key, raw === undefined ? null : within('value', () => readAnyValue(raw, depth + 1)));
  });
  return attributes;
}

/** One AnyValue; an AnyValue with no field set is null. */
export function readAnyValue(raw: unknown, depth = 0): OtlpValue {
  if (depth > MAX_DEPTH) throw new OtlpShapeError('value', `nests deeper than ${MAX_DEPTH} levels`);
  const value = asMessage(raw, '');
  const text = fieldOf(value, 'stringValue');
  if (text !== undefined) {
    if (typeof text !== 'string') throw new OtlpShapeError('stringValue', 'must be a string');
    return text;
  }
  const flag = fieldOf(value, 'boolValue');
  if (flag !== undefined) {
    if (typeof flag !== 'boolean') throw new OtlpShapeError('boolValue', 'must be a boolean');
    return flag;
  }
  const integer = fieldOf(value, 'intValue');
  if (integer !== undefined) return Number(toInt64(integer, 'intValue'));
  const double = fieldOf(value, 'doubleValue');
  if (double !== undefined) return toDouble(double, 'doubleValue');
  const bytes = fieldOf(value, 'bytesValue');
  if (bytes !== undefined) return toBase64(bytes, 'bytesValue');
  const array = fieldOf(value, 'arrayValue');
  if (array !== undefined) return within('arrayValue', () => readValues(asMessage(array, ''), depth));
  const kvlist = fieldOf(value, 'kvlistValue');
  if (kvlist !== undefined) return within('kvlistValue', () => readKeyValues(asMessage(kvlist, ''), 'values', depth));
  return null;
}

/** A repeated KeyValue field (e.g. `attributes`) as a record; a repeated key keeps its last value. */
export function readAttributes(message: Message, field = 'attributes'): OtlpAttributes {
  return readKeyValues(message, field, 0);
}
