/**
 * AnyValue and KeyValue lists read from protobuf wire bytes into the intermediate OtlpValue
 * shape, with the same results as decoding through protobufjs and read-any-value.ts: an
 * AnyValue with no field set (or a KeyValue with no value) is null, int64 becomes the nearest
 * number, bytes become base64, a repeated key keeps its last value.
 */
import type { OtlpAttributes, OtlpValue } from './otlp-types.js';
import { ProtobufWireError, WIRE, expectWireType, type ProtobufWireReader } from './protobuf-wire-reader.js';
import { setOwn } from './set-own.js';
import type { WantedKeys } from './wanted-keys.js';

/** As read-any-value.ts: deeper nesting is never legitimate and recursion must stay bounded. */
const MAX_DEPTH = 32;

/** One AnyValue occupying [reader.pos, end). */
function readAnyValue(reader: ProtobufWireReader, end: number, depth: number): OtlpValue {
  if (depth > MAX_DEPTH) throw new ProtobufWireError(`value nests deeper than ${MAX_DEPTH} levels`);
  let value: OtlpValue = null;
  while (reader.pos < end) {
    const tag = reader.uint32(end);
    const wireType = tag & 7;
    switch (tag >>> 3) {
      case 1:
        expectWireType(wireType, WIRE.bytes, 'AnyValue.string_value');
        value = reader.string(end);
        break;
      case 2:
        expectWireType(wireType, WIRE.varint, 'AnyValue.bool_value');
        value = reader.uint32(end) !== 0;
        break;
      case 3:
        expectWireType(wireType, WIRE.varint, 'AnyValue.int_value');
        value = reader.int64(end);
        break;
      case 4:
        expectWireType(wireType, WIRE.fixed64, 'AnyValue.double_value');
        value = reader.double(end);
        break;
      case 5:
        expectWireType(wireType, WIRE.bytes, 'AnyValue.array_value');
        value = readArrayValue(reader, reader.delimitedEnd(end), depth);
        break;
      case 6:
        expectWireType(wireType, WIRE.bytes, 'AnyValue.kvlist_value');
        value = readKeyValues(reader, reader.delimitedEnd(end), depth);
        break;
      case 7:
        expectWireType(wireType, WIRE.bytes, 'AnyValue.bytes_value');
        value = reader.base64(end);
        break;
      default:
        reader.skip(wireType, end);
    }
  }
  return value;
}

/** ArrayValue: field 1, repeated AnyValue. */
function readArrayValue(reader: ProtobufWireReader, end: number, depth: number): OtlpValue[] {
  const values: OtlpValue[] = [];
  while (reader.pos < end) {
    const tag = reader.uint32(end);
    if (tag >>> 3 === 1) {
      expectWireType(tag & 7, WIRE.bytes, 'ArrayValue.values');
      values.push(readAnyValue(reader, reader.delimitedEnd(end), depth + 1));
    } else reader.skip(tag & 7, end);
  }
  return values;
}

/** Which keys locateKeyValue reads: every one (decoded), none (skipped), or those WantedKeys match. */
type KeyReading = 'every' | 'none' | WantedKeys;

/**
 * Where one KeyValue's parts lie (field 1 key, field 2 value): its key, and whether it is
 * wanted (every key read is; with WantedKeys, those it matches, the key '' otherwise), and the
 * value's bytes [valueStart, valueEnd), or -1 when it has none. One object reused, read into
 * locals at once: the span path reads several per span.
 */
const keyValue = { key: '', wanted: false, valueStart: -1, valueEnd: -1 };
function locateKeyValue(reader: ProtobufWireReader, end: number, keys: KeyReading): typeof keyValue {
  keyValue.key = '';
  keyValue.wanted = keys === 'every' || (keys !== 'none' && keys.wantsEmptyKey);
  keyValue.valueStart = -1;
  keyValue.valueEnd = -1;
  while (reader.pos < end) {
    const tag = reader.uint32(end);
    const field = tag >>> 3;
    if (field === 1) {
      expectWireType(tag & 7, WIRE.bytes, 'KeyValue.key');
      if (keys === 'every') keyValue.key = reader.interned(end);
      else if (keys === 'none') reader.skip(WIRE.bytes, end);
      else {
        const key = reader.matched(end, keys);
        keyValue.key = key ?? '';
        keyValue.wanted = key !== undefined;
      }
    } else if (field === 2) {
      expectWireType(tag & 7, WIRE.bytes, 'KeyValue.value');
      keyValue.valueEnd = reader.delimitedEnd(end);
      keyValue.valueStart = reader.pos;
      reader.pos = keyValue.valueEnd;
    } else reader.skip(tag & 7, end);
  }
  return keyValue;
}

/**
 * One KeyValue into `into`, its value decoded when `wanted` matches its key (or there is no
 * `wanted`), else checked and skipped. The reader ends at `end`.
 */
function readKeyValue(reader: ProtobufWireReader, end: number, depth: number, into: OtlpAttributes, wanted?: WantedKeys): void {
  const { key, wanted: decode, valueStart, valueEnd } = locateKeyValue(reader, end, wanted ?? 'every');
  let value: OtlpValue = null;
  if (valueStart >= 0) {
    reader.pos = valueStart;
    if (decode) value = readAnyValue(reader, valueEnd, depth + 1);
    else checkAnyValue(reader, valueEnd, depth + 1);
  }
  reader.pos = end;
  if (decode) setOwn(into, key, value);
}

/**
 * Walks one AnyValue occupying [reader.pos, end) as readAnyValue would, failing where it
 * would fail (wire types, nesting depth, lengths), but builds nothing: the attributes the
 * span path does not read are checked this way, so a body accepted is one that decodes again
 * when a trace is read.
 */
function checkAnyValue(reader: ProtobufWireReader, end: number, depth: number): void {
  if (depth > MAX_DEPTH) throw new ProtobufWireError(`value nests deeper than ${MAX_DEPTH} levels`);
  while (reader.pos < end) {
    const tag = reader.uint32(end);
    const wireType = tag & 7;
    const field = tag >>> 3;
    const expected = ANY_VALUE_WIRE_TYPES[field];
    if (expected === undefined) {
      reader.skip(wireType, end);
      continue;
    }
    expectWireType(wireType, expected, ANY_VALUE_FIELDS[field] as string);
    if (field === 5 || field === 6) checkNested(reader, reader.delimitedEnd(end), depth, field === 6);
    else reader.skip(wireType, end);
  }
}

/** AnyValue's fields 1–7 (string, bool, int, double, array, kvlist, bytes) and their wire types. */
const ANY_VALUE_WIRE_TYPES: readonly (number | undefined)[] = [undefined, WIRE.bytes, WIRE.varint, WIRE.varint, WIRE.fixed64, WIRE.bytes, WIRE.bytes, WIRE.bytes];
const ANY_VALUE_FIELDS: readonly string[] = ['', 'AnyValue.string_value', 'AnyValue.bool_value', 'AnyValue.int_value', 'AnyValue.double_value', 'AnyValue.array_value', 'AnyValue.kvlist_value', 'AnyValue.bytes_value'];

/** ArrayValue (field 1: AnyValue) or KeyValueList (field 1: KeyValue), checked as readAnyValue reads them. */
function checkNested(reader: ProtobufWireReader, end: number, depth: number, keyValues: boolean): void {
  while (reader.pos < end) {
    const tag = reader.uint32(end);
    if (tag >>> 3 !== 1) {
      reader.skip(tag & 7, end);
      continue;
    }
    expectWireType(tag & 7, WIRE.bytes, keyValues ? 'KeyValueList.values' : 'ArrayValue.values');
    const itemEnd = reader.delimitedEnd(end);
    if (keyValues) checkKeyValue(reader, itemEnd, depth);
    else checkAnyValue(reader, itemEnd, depth + 1);
  }
}

function checkKeyValue(reader: ProtobufWireReader, end: number, depth: number): void {
  const { valueStart, valueEnd } = locateKeyValue(reader, end, 'none');
  if (valueStart < 0) return;
  reader.pos = valueStart;
  checkAnyValue(reader, valueEnd, depth + 1);
  reader.pos = end;
}

/** One AnyValue occupying [reader.pos, end), at the top level. */
export function readAnyValueAt(reader: ProtobufWireReader, end: number): OtlpValue {
  return readAnyValue(reader, end, 0);
}

/**
 * A repeated KeyValue field read element by element: call with the end of one element each
 * time the enclosing message's decoder meets it. KeyValueList (field 1) is read whole here.
 */
export function readKeyValueInto(reader: ProtobufWireReader, end: number, into: OtlpAttributes): void {
  readKeyValue(reader, end, 0, into);
}

/**
 * As readKeyValueInto, but only a key in `wanted` has its value decoded into `into`; the
 * others are checked and skipped. Most of decoding a span was building the values (nearly all
 * unique strings) of attributes that nothing on the ingest path reads.
 */
export function readKeyValueIfWanted(reader: ProtobufWireReader, end: number, wanted: WantedKeys, into: OtlpAttributes): void {
  readKeyValue(reader, end, 0, into, wanted);
}

function readKeyValues(reader: ProtobufWireReader, end: number, depth: number): OtlpAttributes {
  const attributes: OtlpAttributes = {};
  while (reader.pos < end) {
    const tag = reader.uint32(end);
    if (tag >>> 3 === 1) {
      expectWireType(tag & 7, WIRE.bytes, 'KeyValueList.values');
      readKeyValue(reader, reader.delimitedEnd(end), depth, attributes);
    } else reader.skip(tag & 7, end);
  }
  return attributes;
}
