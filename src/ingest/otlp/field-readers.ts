/**
 * Tolerant readers for one field of an OTLP message. They accept both the objects protobufjs
 * decodes (camelCase, Long for int64, Uint8Array for bytes, null for unset fields) and parsed
 * OTLP/JSON (camelCase or snake_case, int64 as string or number, hex ids, enum ints or names),
 * so one walker serves both encodings. A present field of the wrong type throws
 * OtlpShapeError; an absent field reads as its proto3 default.
 */
import { OtlpShapeError, describeType, within } from './otlp-shape-error.js';

export type Message = Readonly<Record<string, unknown>>;

const snakeCache = new Map<string, string>();

function snakeCase(camel: string): string {
  let snake = snakeCache.get(camel);
  if (snake === undefined) {
    snake = camel.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
    snakeCache.set(camel, snake);
  }
  return snake;
}

/** The field's value, or undefined when unset (protobufjs reports unset fields as null). */
export function fieldOf(message: Message, camel: string): unknown {
  const value = message[camel];
  if (value !== undefined && value !== null) return value;
  const snake = message[snakeCase(camel)];
  return snake === null ? undefined : snake;
}

/** "got string \"soon\"", with the value cut short: it goes back to the client in a 400. */
function got(value: unknown): string {
  const shown = typeof value === 'string' || typeof value === 'number' ? JSON.stringify(value) : '';
  return `got ${describeType(value)} ${shown.length > 40 ? `${shown.slice(0, 40)}…` : shown}`.trimEnd();
}

export function isMessage(value: unknown): value is Message {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}

export function asMessage(value: unknown, path: string): Message {
  if (!isMessage(value)) throw new OtlpShapeError(path, `must be an object, got ${describeType(value)}`);
  return value;
}

export function readMessage<T>(message: Message, field: string, read: (nested: Message) => T): T | undefined {
  const value = fieldOf(message, field);
  if (value === undefined) return undefined;
  return within(field, () => read(asMessage(value, '')));
}

export function readList<T>(message: Message, field: string, readItem: (item: unknown) => T): T[] {
  const value = fieldOf(message, field);
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new OtlpShapeError(field, `must be an array, got ${describeType(value)}`);
  const items: T[] = [];
  for (let index = 0; index < value.length; index++) {
    const item: unknown = value[index];
    items.push(within(`${field}[${index}]`, () => readItem(item)));
  }
  return items;
}

export function readString(message: Message, field: string): string {
  const value = fieldOf(message, field);
  if (value === undefined) return '';
  if (typeof value !== 'string') throw new OtlpShapeError(field, `must be a string, got ${describeType(value)}`);
  return value;
}

export function readBool(message: Message, field: string): boolean {
  const value = fieldOf(message, field);
  if (value === undefined) return false;
  if (typeof value !== 'boolean') throw new OtlpShapeError(field, `must be a boolean, got ${describeType(value)}`);
  return value;
}

const SPECIAL_DOUBLES: Readonly<Record<string, number>> = {
  NaN: Number.NaN,
  Infinity: Number.POSITIVE_INFINITY,
  '-Infinity': Number.NEGATIVE_INFINITY,
};

/** A double; JSON may spell NaN and the infinities as strings (proto3 JSON). */
export function toDouble(value: unknown, field: string): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string') {
    const special = SPECIAL_DOUBLES[value];
    if (special !== undefined) return special;
    const parsed = Number(value);
    if (value.trim() !== '' && !Number.isNaN(parsed)) return parsed;
  }
  throw new OtlpShapeError(field, `must be a number, ${got(value)}`);
}

export function readOptionalDouble(message: Message, field: string): number | undefined {
  const value = fieldOf(message, field);
  return value === undefined ? undefined : toDouble(value, field);
}

interface LongLike {
  low: number;
  high: number;
  unsigned: boolean;
}

function isLongLike(value: unknown): value is LongLike {
  return (
    isMessage(value) &&
    typeof value['low'] === 'number' &&
    typeof value['high'] === 'number' &&
    typeof value['unsigned'] === 'boolean'
  );
}

const INTEGER_TEXT = /^[+-]?\d+$/;

/** An int64 from protobufjs Long, a JSON string or number, or a bigint. */
export function toInt64(value: unknown, field: string): bigint {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number' && Number.isInteger(value)) return BigInt(value);
  if (typeof value === 'string' && INTEGER_TEXT.test(value)) return BigInt(value);
  if (isLongLike(value)) {
    const bits = (BigInt(value.high >>> 0) << 32n) | BigInt(value.low >>> 0);
    return value.unsigned ? bits : BigInt.asIntN(64, bits);
  }
  throw new OtlpShapeError(field, `must be an integer, ${got(value)}`);
}

export function readInt64(message: Message, field: string): bigint {
  const value = fieldOf(message, field);
  return value === undefined ? 0n : toInt64(value, field);
}

/** A count (fixed64/int64 on the wire) as a number; counts beyond 2^53 lose precision. */
export function readCount(message: Message, field: string): number {
  return Number(readInt64(message, field));
}

export function readCountList(message: Message, field: string): number[] {
  return readList(message, field, (item) => Number(toInt64(item, '')));
}

export function readDoubleList(message: Message, field: string): number[] {
  return readList(message, field, (item) => toDouble(item, ''));
}

/** An enum as its number; JSON may also carry the enum value's name. */
export function readEnum(message: Message, field: string, names: Readonly<Record<string, number>>): number {
  const value = fieldOf(message, field);
  if (value === undefined) return 0;
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string') {
    const byName = names[value];
    if (byName !== undefined) return byName;
    if (INTEGER_TEXT.test(value)) return Number(value);
  }
  throw new OtlpShapeError(field, `must be an enum number, ${got(value)}`);
}

const HEX = /^[0-9a-fA-F]*$/;
const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;

/**
 * A trace/span id as lowercase hex ('' when absent). OTLP/JSON uses hex; canonical proto3 JSON
 * (which some emitters produce by mistake) uses base64, which is accepted as well.
 */
export function readId(message: Message, field: string): string {
  const value = fieldOf(message, field);
  if (value === undefined) return '';
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex');
  if (typeof value === 'string') {
    if (HEX.test(value) && value.length % 2 === 0) return value.toLowerCase();
    if (BASE64.test(value)) return Buffer.from(value, 'base64').toString('hex');
  }
  throw new OtlpShapeError(field, 'must be a hex-encoded id');
}
