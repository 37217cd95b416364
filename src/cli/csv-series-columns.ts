/**
 * Which header columns hold a series' timestamps and values. Pure.
 *
 * Timestamp: the column named `timestamp` or `time`, else the first column. Value: the column
 * named `value`, else the first other column (the second, in the usual timestamp,value
 * layout). Names match case-insensitively, ignoring spaces and quotes.
 */
import { InputError } from './input-error.js';
import { detectTimestampFormat } from './csv-timestamp.js';

export interface SeriesColumns {
  timestampIndex: number;
  valueIndex: number;
  /** Header spelling of the value column, used to name the series in the summary. */
  valueName: string;
}

const TIMESTAMP_NAMES = ['timestamp', 'time'];
const VALUE_NAME = 'value';

export function resolveSeriesColumns(file: string, header: readonly string[]): SeriesColumns {
  const names = header.map((name) => name.trim().toLowerCase());
  const namedTimestamp = names.findIndex((name) => TIMESTAMP_NAMES.includes(name));
  const namedValue = names.indexOf(VALUE_NAME);
  if (namedTimestamp < 0 && namedValue < 0 && looksLikeData(header)) {
    throw new InputError(
      `${file}: the first line ${JSON.stringify(header.join(','))} looks like data, not a header; add a header line such as timestamp,value`,
    );
  }
  const timestampIndex = namedTimestamp >= 0 ? namedTimestamp : namedValue === 0 ? -1 : 0;
  const valueIndex = namedValue >= 0 ? namedValue : names.findIndex((_, index) => index !== timestampIndex);
  const missing = [
    ...(timestampIndex < 0 ? ['a timestamp column ("timestamp", "time" or the first column)'] : []),
    ...(valueIndex < 0 ? ['a value column ("value" or a second column)'] : []),
  ];
  if (missing.length > 0) {
    throw new InputError(`${file}: header ${JSON.stringify(header.join(','))} lacks ${missing.join(' and ')}`);
  }
  return { timestampIndex, valueIndex, valueName: (header[valueIndex] ?? VALUE_NAME).trim() };
}

function looksLikeData(fields: readonly string[]): boolean {
  const [first, second] = fields;
  return (
    first !== undefined &&
    second !== undefined &&
    detectTimestampFormat(first) !== undefined &&
    second.trim() !== '' &&
    Number.isFinite(Number(second))
  );
}
