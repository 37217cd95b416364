/**
 * Data rows of a CSV series to points, by rule: a row that is not a usable point is skipped
 * with a reason, never thrown on, and never reaches the detector. Pure; holds only the file's
 * timestamp format and the last accepted timestamp, so memory stays constant.
 */
import { splitCsvLine } from './csv-line.js';
import type { SeriesColumns } from './csv-series-columns.js';
import { detectTimestampFormat, parseTimestamp, type TimestampFormat } from './csv-timestamp.js';

/** Why a row was skipped, in the order the summary lists them; the text is the rule. */
export const SKIP_REASONS = {
  'missing field': 'the row has no timestamp or value field',
  'bad timestamp': "not ISO 8601 or epoch, or not in the file's timestamp format",
  'bad value': 'not a decimal number (empty, text, hex …)',
  'non-finite value': 'NaN, Infinity or beyond the range of a double',
  'duplicate timestamp': 'the same time as the previous accepted row (the first one wins)',
  'out-of-order timestamp': 'earlier than the previous accepted row',
} as const;

export type SkipReason = keyof typeof SKIP_REASONS;

export type SeriesRow =
  | { kind: 'point'; timestamp: string; timeMs: number; value: number }
  | { kind: 'skipped'; reason: SkipReason };

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;
const NON_FINITE = /^[+-]?(?:nan|inf|infinity)$/i;

export class SeriesRowParser {
  private format: TimestampFormat | undefined;
  private lastTimeMs = Number.NEGATIVE_INFINITY;

  constructor(private readonly columns: SeriesColumns) {}

  get timestampFormat(): TimestampFormat | undefined {
    return this.format;
  }

  parse(line: string): SeriesRow {
    const fields = splitCsvLine(line);
    const timestampText = fields[this.columns.timestampIndex];
    const valueText = fields[this.columns.valueIndex];
    if (timestampText === undefined || valueText === undefined) return { kind: 'skipped', reason: 'missing field' };

    const timeMs = this.parseTime(timestampText);
    if (timeMs === undefined) return { kind: 'skipped', reason: 'bad timestamp' };
    const value = valueText.trim();
    if (NON_FINITE.test(value)) return { kind: 'skipped', reason: 'non-finite value' };
    if (!DECIMAL.test(value)) return { kind: 'skipped', reason: 'bad value' };
    const number = Number(value);
    if (!Number.isFinite(number)) return { kind: 'skipped', reason: 'non-finite value' };
    if (timeMs === this.lastTimeMs) return { kind: 'skipped', reason: 'duplicate timestamp' };
    if (timeMs < this.lastTimeMs) return { kind: 'skipped', reason: 'out-of-order timestamp' };

    this.lastTimeMs = timeMs;
    return { kind: 'point', timestamp: timestampText.trim(), timeMs, value: number };
  }

  private parseTime(text: string): number | undefined {
    if (this.format) return parseTimestamp(text, this.format);
    const format = detectTimestampFormat(text);
    if (!format) return undefined;
    this.format = format;
    return parseTimestamp(text, format);
  }
}
