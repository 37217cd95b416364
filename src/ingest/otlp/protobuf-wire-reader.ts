/**
 * The protobuf wire format (varints, fixed64, length-delimited fields) read straight from the
 * request bytes, for the decoders that build our intermediate shape without the generated
 * message objects in between. Every read is bounds-checked; a malformed body throws
 * ProtobufWireError, which the decoders turn into OPS_ERR_BAD_PAYLOAD.
 */
import type { WantedKeys } from './wanted-keys.js';

export class ProtobufWireError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProtobufWireError';
  }
}

export const WIRE = { varint: 0, fixed64: 1, bytes: 2, fixed32: 5 } as const;

const TWO_POW_32 = 4_294_967_296;

/** Strings longer than this are not worth hashing: long texts rarely repeat. */
const MAX_INTERNED_BYTES = 64;
/** Distinct strings one reader keeps; past it, new ones are decoded plainly. */
const MAX_INTERNED = 4_096;

/** An interned string and where its bytes are in the body (offsets, not a view: one object less). */
interface Interned {
  start: number;
  length: number;
  text: string;
}

export class ProtobufWireReader {
  readonly #bytes: Buffer;
  /**
   * For fixed64, made on first use (readers of one span's bytes mostly never need it):
   * DataView's getBigUint64 makes one bigint where Buffer's readBigUInt64LE makes four.
   */
  #view: DataView | undefined;
  /** Strings read with interned(), by a hash of their bytes. */
  readonly #interned = new Map<number, Interned>();
  /** The same for internedHex(): the same bytes read as hex are another string. */
  readonly #internedHex = new Map<number, Interned>();
  /** Position of the next byte to read. */
  pos: number;

  constructor(bytes: Uint8Array, start = 0) {
    this.#bytes = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.pos = start;
  }

  get bytes(): Buffer {
    return this.#bytes;
  }

  /** A varint's low 32 bits (tags, lengths, enums, bools); its high bits are read and dropped. */
  uint32(end: number): number {
    let value = 0;
    for (let shift = 0; shift < 70; shift += 7) {
      if (this.pos >= end) throw new ProtobufWireError('index out of range');
      const byte = this.#bytes[this.pos++] as number;
      if (shift < 32) value |= (byte & 0x7f) << shift;
      if (byte < 0x80) return value >>> 0;
    }
    throw new ProtobufWireError('varint longer than 10 bytes');
  }

  /** A varint read as a signed 64-bit integer (int64), as the nearest double. */
  int64(end: number): number {
    let low = 0;
    let high = 0;
    for (let shift = 0; shift < 70; shift += 7) {
      if (this.pos >= end) throw new ProtobufWireError('index out of range');
      const byte = this.#bytes[this.pos++] as number;
      const bits = byte & 0x7f;
      if (shift < 28) low |= bits << shift;
      else if (shift === 28) {
        low |= bits << 28;
        high |= bits >>> 4;
      } else high |= bits << (shift - 32);
      if (byte < 0x80) return (high | 0) * TWO_POW_32 + (low >>> 0);
    }
    throw new ProtobufWireError('varint longer than 10 bytes');
  }

  /** An unsigned fixed64 (OTLP nanosecond timestamps) as a bigint, exact. */
  fixed64(end: number): bigint {
    this.#need(8, end);
    this.#view ??= new DataView(this.#bytes.buffer, this.#bytes.byteOffset, this.#bytes.byteLength);
    const value = this.#view.getBigUint64(this.pos, true);
    this.pos += 8;
    return value;
  }

  double(end: number): number {
    this.#need(8, end);
    const value = this.#bytes.readDoubleLE(this.pos);
    this.pos += 8;
    return value;
  }

  /** The end offset of the length-delimited field starting here; pos moves to its first byte. */
  delimitedEnd(end: number): number {
    const length = this.uint32(end);
    this.#need(length, end);
    return this.pos + length;
  }

  string(end: number): string {
    const fieldEnd = this.delimitedEnd(end);
    const text = this.#bytes.toString('utf8', this.pos, fieldEnd);
    this.pos = fieldEnd;
    return text;
  }

  /**
   * A string field that repeats across a body (attribute keys, span and service names): the
   * same bytes give the same string object, so decoding them allocates nothing and the string
   * is already internalized when it becomes a property key. Decoding a fresh string for each
   * of a span's ~25 keys and names, then hashing it again as a key, was most of decoding.
   */
  interned(end: number): string {
    return this.#intern(end, this.#interned, 'utf8');
  }

  /**
   * A bytes field in lowercase hex that repeats across a body (trace ids: every span of a trace
   * carries its trace's), with the same reuse as interned().
   */
  internedHex(end: number): string {
    return this.#intern(end, this.#internedHex, 'hex');
  }

  #intern(end: number, cache: Map<number, Interned>, encoding: 'utf8' | 'hex'): string {
    const fieldEnd = this.delimitedEnd(end);
    const start = this.pos;
    this.pos = fieldEnd;
    const length = fieldEnd - start;
    if (length > MAX_INTERNED_BYTES) return this.#bytes.toString(encoding, start, fieldEnd);
    const bytes = this.#bytes;
    // FNV-1a over the bytes, with the length folded in.
    let hash = 0x811c9dc5 ^ length;
    for (let i = start; i < fieldEnd; i++) hash = Math.imul(hash ^ (bytes[i] as number), 0x01000193);
    const known = cache.get(hash);
    if (known !== undefined && known.length === length) {
      let same = true;
      for (let i = 0; i < length; i++) {
        if (bytes[known.start + i] !== bytes[start + i]) {
          same = false;
          break;
        }
      }
      if (same) return known.text;
    }
    const text = bytes.toString(encoding, start, fieldEnd);
    if (known === undefined && cache.size < MAX_INTERNED) {
      cache.set(hash, { start, length, text });
    }
    return text;
  }

  /** A string field's text when `keys` has it, else undefined; nothing is decoded either way. */
  matched(end: number, keys: WantedKeys): string | undefined {
    const fieldEnd = this.delimitedEnd(end);
    const text = keys.match(this.#bytes, this.pos, fieldEnd);
    this.pos = fieldEnd;
    return text;
  }

  /** A bytes field in lowercase hex (trace and span ids). */
  hex(end: number): string {
    const fieldEnd = this.delimitedEnd(end);
    const text = this.#bytes.toString('hex', this.pos, fieldEnd);
    this.pos = fieldEnd;
    return text;
  }

  base64(end: number): string {
    const fieldEnd = this.delimitedEnd(end);
    const text = this.#bytes.toString('base64', this.pos, fieldEnd);
    this.pos = fieldEnd;
    return text;
  }

  /** Skips a field of an unknown number (forward compatibility, as protobuf requires). */
  skip(wireType: number, end: number): void {
    switch (wireType) {
      case WIRE.varint:
        this.uint32(end);
        return;
      case WIRE.fixed64:
        this.#need(8, end);
        this.pos += 8;
        return;
      case WIRE.bytes:
        this.pos = this.delimitedEnd(end);
        return;
      case WIRE.fixed32:
        this.#need(4, end);
        this.pos += 4;
        return;
      default:
        throw new ProtobufWireError(`invalid wire type ${wireType} at offset ${this.pos}`);
    }
  }

  #need(length: number, end: number): void {
    if (this.pos + length > end) throw new ProtobufWireError('index out of range');
  }
}

/** Fails unless a known field arrived with the wire type its schema gives it. */
export function expectWireType(actual: number, expected: number, field: string): void {
  if (actual !== expected) throw new ProtobufWireError(`${field} has wire type ${actual}, expected ${expected}`);
}
