/**
 * Streams a CSV series file line by line (node:readline over a read stream), so a
 * multi-gigabyte file runs in constant memory. I/O only: parsing rules live in
 * csv-series-columns.ts and csv-series-rows.ts.
 *
 * Blank lines are ignored (not counted as skipped): trailing newlines are not bad data.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { splitCsvLine } from './csv-line.js';
import { resolveSeriesColumns, type SeriesColumns } from './csv-series-columns.js';
import { SeriesRowParser, type SeriesRow } from './csv-series-rows.js';
import { inputFileSize } from './input-file.js';
import { InputError } from './input-error.js';

export interface CsvSeriesReader {
  columns: SeriesColumns;
  parser: SeriesRowParser;
  /** Size of the file in bytes, for progress. */
  sizeBytes: number;
  /** Bytes read from the file so far (runs ahead of the rows by at most one 64 KiB chunk). */
  bytesRead(): number;
  /** Data rows with their 1-based line numbers in the file. */
  rows(): AsyncGenerator<{ line: number; row: SeriesRow }>;
  close(): void;
}

export async function openCsvSeries(file: string): Promise<CsvSeriesReader> {
  const sizeBytes = await inputFileSize(file);
  const stream = createReadStream(file, { encoding: 'utf8' });
  // readline re-emits stream errors (EISDIR, EACCES …) through the async iterator.
  const lines = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
  const iterator = lines[Symbol.asyncIterator]();
  let lineNumber = 0;
  const close = () => {
    lines.close();
    stream.destroy();
  };

  let header: string | undefined;
  try {
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      lineNumber += 1;
      // A UTF-8 byte order mark (Excel exports) is not part of the first column's name.
      const text = lineNumber === 1 ? next.value.replace(/^\uFEFF/, '') : next.value;
      if (text.trim() !== '') {
        header = text;
        break;
      }
    }
  } catch (error) {
    close();
    throw new InputError(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (header === undefined) {
    close();
    throw new InputError(`${file} is empty: expected a header line such as timestamp,value and then one row per point`);
  }
  let columns: SeriesColumns;
  try {
    columns = resolveSeriesColumns(file, splitCsvLine(header));
  } catch (error) {
    close();
    throw error;
  }
  const parser = new SeriesRowParser(columns);

  return {
    columns,
    parser,
    sizeBytes,
    bytesRead: () => stream.bytesRead,
    close,
    async *rows() {
      try {
        for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
          lineNumber += 1;
          if (next.value.trim() === '') continue;
          yield { line: lineNumber, row: parser.parse(next.value) };
        }
      } finally {
        close();
      }
    },
  };
}
