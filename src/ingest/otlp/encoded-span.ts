/**
 * Reads back a span that was stored as its OTLP/protobuf Span message (SpanRecord.encoded):
 * all of its attributes, for a trace's waterfall, or one attribute by key, for the store's SQL
 * readers (service map, window outcomes) that need a single semantic-convention value per span.
 * The bytes were validated when the request was decoded, so a failure here means a damaged row.
 */
import type { Attributes, AttributeValue } from '../../core/records.js';
import { readAnyValueAt } from './decode-any-value-wire.js';
import { readSpan } from './decode-traces-wire.js';
import type { OtlpValue } from './otlp-types.js';
import { attributeValue, toAttributes } from './otlp-values.js';
import { ProtobufWireReader, WIRE } from './protobuf-wire-reader.js';

/** Span.attributes and KeyValue.key / KeyValue.value, from the OTLP protos. */
const SPAN_ATTRIBUTES_TAG = (9 << 3) | WIRE.bytes;
const KEY_TAG = (1 << 3) | WIRE.bytes;
const VALUE_TAG = (2 << 3) | WIRE.bytes;

/** The attributes as spansToRecords made them from the same bytes. */
export function attributesOfEncodedSpan(encoded: Uint8Array): Attributes {
  return toAttributes(readSpan(new ProtobufWireReader(encoded), encoded.byteLength).attributes);
}

/**
 * The value of attribute `key`, or undefined when the span lacks it (or holds an empty value).
 * Keys are compared as bytes and only the matching value is decoded; a repeated key keeps its
 * last value, as decoding does.
 */
export function attributeOfEncodedSpan(encoded: Uint8Array, key: Buffer): AttributeValue | undefined {
  const reader = new ProtobufWireReader(encoded);
  const bytes = reader.bytes;
  const end = bytes.byteLength;
  let found: AttributeValue | undefined;
  while (reader.pos < end) {
    const tag = reader.uint32(end);
    if (tag !== SPAN_ATTRIBUTES_TAG) {
      reader.skip(tag & 7, end);
      continue;
    }
    const pairEnd = reader.delimitedEnd(end);
    let matches = false;
    let valueStart = -1;
    let valueEnd = -1;
    while (reader.pos < pairEnd) {
      const field = reader.uint32(pairEnd);
      if (field === KEY_TAG) {
        const keyEnd = reader.delimitedEnd(pairEnd);
        matches = keyEnd - reader.pos === key.length && bytes.compare(key, 0, key.length, reader.pos, keyEnd) === 0;
        reader.pos = keyEnd;
      } else if (field === VALUE_TAG) {
        valueEnd = reader.delimitedEnd(pairEnd);
        valueStart = reader.pos;
        reader.pos = valueEnd;
      } else reader.skip(field & 7, pairEnd);
    }
    if (!matches) continue;
    // A pair with no value is an empty value, which decoding drops.
    let value: OtlpValue = null;
    if (valueStart >= 0) {
      reader.pos = valueStart;
      value = readAnyValueAt(reader, valueEnd);
      reader.pos = pairEnd;
    }
    found = value === null ? undefined : attributeValue(value);
  }
  return found;
}
