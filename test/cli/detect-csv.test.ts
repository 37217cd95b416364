import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { csvField, splitCsvLine } from '../../src/cli/csv-line.js';
import { resolveSeriesColumns } from '../../src/cli/csv-series-columns.js';
import { SeriesRowParser } from '../../src/cli/csv-series-rows.js';
import { detectTimestampFormat, parseTimestamp } from '../../src/cli/csv-timestamp.js';
import { InputError } from '../../src/cli/input-error.js';

const MS = Date.UTC(2024, 4, 1, 12, 0, 0);

describe('detect CSV parsing: timestamps', () => {
  it('detectTimestampFormat() tells ISO 8601, epoch seconds and epoch milliseconds apart', () => {
    assert.equal(detectTimestampFormat('2024-05-01T12:00:00Z'), 'iso');
    assert.equal(detectTimestampFormat('2024-05-01 12:00:00'), 'iso');
    assert.equal(detectTimestampFormat('1714564800'), 'epoch-s');
    assert.equal(detectTimestampFormat('1714564800000'), 'epoch-ms');
    assert.equal(detectTimestampFormat('yesterday'), undefined);
    assert.equal(detectTimestampFormat(''), undefined);
  });

  it('parseTimestamp() reads ISO without an offset as UTC and honours offsets and fractions', () => {
    assert.equal(parseTimestamp('2024-05-01 12:00:00', 'iso'), MS);
    assert.equal(parseTimestamp('2024-05-01T12:00:00Z', 'iso'), MS);
    assert.equal(parseTimestamp('2024-05-01T14:00:00+02:00', 'iso'), MS);
    assert.equal(parseTimestamp('2024-05-01T12:00:00.250Z', 'iso'), MS + 250);
    assert.equal(parseTimestamp('2024-05-01', 'iso'), Date.UTC(2024, 4, 1));
  });

  it('parseTimestamp() rejects impossible calendar dates that Date.parse would roll over', () => {
    assert.equal(parseTimestamp('2024-02-30 00:00:00', 'iso'), undefined);
    assert.equal(parseTimestamp('2024-13-01 00:00:00', 'iso'), undefined);
    assert.equal(parseTimestamp('2024-05-01 24:00:00', 'iso'), undefined);
    assert.equal(parseTimestamp('2024-02-29 00:00:00', 'iso'), Date.UTC(2024, 1, 29));
  });

  it('parseTimestamp() keeps epoch units apart: a milliseconds file rejects a seconds value', () => {
    assert.equal(parseTimestamp('1714564800', 'epoch-s'), MS);
    assert.equal(parseTimestamp('1714564800.5', 'epoch-s'), MS + 500);
    assert.equal(parseTimestamp('1714564800000', 'epoch-ms'), MS);
    assert.equal(parseTimestamp('42', 'epoch-ms'), undefined);
    assert.equal(parseTimestamp('1714564800000', 'epoch-s'), undefined);
    assert.equal(parseTimestamp('0x10', 'epoch-s'), undefined);
  });
});

describe('detect CSV parsing: lines, columns and rows', () => {
  it('splitCsvLine() and csvField() handle quotes', () => {
    assert.deepEqual(splitCsvLine('a,b,,c'), ['a', 'b', '', 'c']);
    assert.deepEqual(splitCsvLine('"2024-05-01, noon","say ""hi""",3'), ['2024-05-01, noon', 'say "hi"', '3']);
    assert.equal(csvField('plain'), 'plain');
    assert.equal(csvField('a,"b"'), '"a,""b"""');
  });

  it('resolveSeriesColumns() prefers names and falls back to positions', () => {
    assert.deepEqual(resolveSeriesColumns('f', ['timestamp', 'value']), { timestampIndex: 0, valueIndex: 1, valueName: 'value' });
    assert.deepEqual(resolveSeriesColumns('f', ['Value', ' Time ']), { timestampIndex: 1, valueIndex: 0, valueName: 'Value' });
    assert.deepEqual(resolveSeriesColumns('f', ['ts', 'cpu', 'host']), { timestampIndex: 0, valueIndex: 1, valueName: 'cpu' });
  });

  it('resolveSeriesColumns() names what is missing', () => {
    assert.throws(() => resolveSeriesColumns('f.csv', ['timestamp']), (error: unknown) => {
      assert.ok(error instanceof InputError);
      assert.match(error.message, /^f\.csv: header "timestamp" lacks a value column/);
      return true;
    });
    assert.throws(() => resolveSeriesColumns('f.csv', ['value']), /lacks a timestamp column/);
  });

  it('SeriesRowParser fixes the timestamp format on the first valid row and skips by rule', () => {
    const parser = new SeriesRowParser({ timestampIndex: 0, valueIndex: 1, valueName: 'value' });
    const reasons = ['1714564800,1', '1714564860,-inf', '1714564920, 2.5 ', '1714564920000,3', '1714564920,4', '1714564800,5', '1714564980,0x1f']
      .map((line) => parser.parse(line))
      .map((row) => (row.kind === 'point' ? row.value : row.reason));
    assert.deepEqual(reasons, [1, 'non-finite value', 2.5, 'bad timestamp', 'duplicate timestamp', 'out-of-order timestamp', 'bad value']);
    assert.equal(parser.timestampFormat, 'epoch-s');
  });
});
