import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readLogLines, type LogLine } from '../../src/cli/logs-line-reader.js';

async function lines(chunks: (string | number[])[], maxLineBytes = 1024): Promise<LogLine[]> {
  async function* source() {
    for (const chunk of chunks) yield Buffer.from(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  }
  const all: LogLine[] = [];
  for await (const batch of readLogLines(source(), maxLineBytes)) all.push(...batch);
  return all;
}

describe('readLogLines()', () => {
  it('numbers lines across chunk boundaries, including a last line without a newline', async () => {
    const result = await lines(['first li', 'ne\nsecond\n\nthi', 'rd']);
    assert.deepEqual(
      result.map((l) => [l.number, l.text]),
      [
        [1, 'first line'],
        [2, 'second'],
        [3, ''],
        [4, 'third'],
      ],
    );
  });

  it('drops \\r before \\n and a byte order mark on the first line only', async () => {
    const result = await lines(['\uFEFFa\r\n\uFEFFb\r', '\nc\rd\n']);
    assert.deepEqual(
      result.map((l) => l.text),
      ['a', '\uFEFFb', 'c\rd'],
    );
  });

  it('flags bytes that are not UTF-8, but not a U+FFFD the service wrote', async () => {
    const result = await lines([[0x61, 0xff, 0x62, 0x0a], 'ok \uFFFD\n']);
    assert.deepEqual(
      result.map((l) => [l.text, l.invalidUtf8]),
      [
        ['a\uFFFDb', true],
        ['ok \uFFFD', false],
      ],
    );
  });

  it('keeps at most maxLineBytes of a line, on a character boundary, and reads on', async () => {
    const long = `${'é'.repeat(20)}tail`; // 2 bytes a character
    const result = await lines([long.slice(0, 7), long.slice(7), '\nnext\n'], 15);
    assert.deepEqual(
      result.map((l) => [l.text, l.invalidUtf8]),
      [
        ['ééééééé', false],
        ['next', false],
      ],
    );
  });
});
