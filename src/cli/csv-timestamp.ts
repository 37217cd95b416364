/**
 * Timestamps of a CSV series: ISO 8601 or epoch seconds/milliseconds, auto-detected. Pure.
 *
 * Rules (also in `opsloop detect --help` and docs/cli.md):
 * - ISO 8601 date or date-time, `T` or a space between them (NAB writes "2014-04-10 07:15:00"),
 *   optional fraction and offset. Without an offset the time is read as UTC, never as the
 *   machine's local zone, so one file gives the same result everywhere.
 * - A plain decimal number is epoch seconds below 1e11 and epoch milliseconds from 1e11 up:
 *   1e11 s is the year 5138 and 1e11 ms is March 1973, so real data is never ambiguous.
 * - The first valid timestamp fixes the format for the whole file; a row in another format is
 *   a bad timestamp, so one stray "42" cannot be read as seconds inside a milliseconds file.
 *
 * Calendar fields are checked (no 31 February): Date.parse would silently roll them over.
 */
export type TimestampFormat = 'iso' | 'epoch-s' | 'epoch-ms';

const EPOCH_MS_FROM = 1e11;
/** ECMAScript's Date range; anything beyond is not a time. */
const MAX_ABS_MS = 8.64e15;
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;
const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

export function detectTimestampFormat(text: string): TimestampFormat | undefined {
  const trimmed = text.trim();
  if (NUMBER.test(trimmed)) {
    const format: TimestampFormat = Math.abs(Number(trimmed)) >= EPOCH_MS_FROM ? 'epoch-ms' : 'epoch-s';
    return parseTimestamp(trimmed, format) === undefined ? undefined : format;
  }
  return parseIso(trimmed) === undefined ? undefined : 'iso';
}

/** Milliseconds since the epoch, or undefined when `text` is not a timestamp in `format`. */
export function parseTimestamp(text: string, format: TimestampFormat): number | undefined {
  const trimmed = text.trim();
  if (format === 'iso') return parseIso(trimmed);
  if (!NUMBER.test(trimmed)) return undefined;
  const number = Number(trimmed);
  const isMs = Math.abs(number) >= EPOCH_MS_FROM;
  if (isMs !== (format === 'epoch-ms')) return undefined;
  const ms = isMs ? number : number * 1000;
  return Math.abs(ms) <= MAX_ABS_MS ? ms : undefined;
}

function parseIso(text: string): number | undefined {
  const match = ISO.exec(text);
  if (!match) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '', offset = 'Z'] = match;
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const offsetMinutes = parseOffset(offset);
  if (offsetMinutes === undefined) return undefined;
  // Keep sub-millisecond digits as a fraction so finer-grained series stay in order.
  const fractionMs = fraction === '' ? 0 : Number(`0.${fraction}`) * 1000;
  return Date.UTC(year, month - 1, day, hour, minute, second) + fractionMs - offsetMinutes * 60_000;
}

function parseOffset(offset: string): number | undefined {
  if (offset.toUpperCase() === 'Z') return 0;
  const digits = offset.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2)) : 0;
  if (hours > 23 || minutes > 59) return undefined;
  return (offset.startsWith('-') ? -1 : 1) * (hours * 60 + minutes);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
