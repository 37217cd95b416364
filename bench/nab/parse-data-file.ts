/**
 * A NAB data file (`timestamp,value` CSV) to columns. Pure.
 *
 * The raw strings are kept beside the parsed numbers so result files repeat the data file's
 * rows character for character, which NAB's scorer relies on to line results up with labels.
 */
import { parseNabTimestamp } from './parse-timestamp.js';

export interface DataColumns {
  rawTimestamps: string[];
  rawValues: string[];
  timestampsUs: number[];
  values: number[];
}

export function parseDataFile(text: string, name: string): DataColumns {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  const header = (lines[0] ?? '').split(',').map((cell) => cell.trim());
  const timeColumn = header.indexOf('timestamp');
  const valueColumn = header.indexOf('value');
  if (timeColumn < 0 || valueColumn < 0) {
    throw new RangeError(`${name}: expected a header with timestamp and value, got ${JSON.stringify(lines[0] ?? '')}`);
  }
  const columns: DataColumns = { rawTimestamps: [], rawValues: [], timestampsUs: [], values: [] };
  for (let i = 1; i < lines.length; i++) {
    const cells = (lines[i] as string).split(',');
    const rawTime = (cells[timeColumn] ?? '').trim();
    const rawValue = (cells[valueColumn] ?? '').trim();
    const value = Number(rawValue);
    if (rawValue === '' || !Number.isFinite(value)) {
      throw new RangeError(`${name} line ${i + 1}: expected a finite value, got ${JSON.stringify(rawValue)}`);
    }
    columns.rawTimestamps.push(rawTime);
    columns.rawValues.push(rawValue);
    columns.timestampsUs.push(parseNabTimestamp(rawTime));
    columns.values.push(value);
  }
  return columns;
}
