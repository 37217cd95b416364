import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TemplateRow } from '../../src/cli/logs-mine-output.js';
import { formatTable } from '../../src/cli/logs-mine-table.js';

function row(count: number, template: string): TemplateRow {
  return { id: `t${count.toString(16).padStart(8, '0')}`, count, share: count / 1000, template, firstLine: count, lastLine: count * 3, example: template, parameters: [] };
}

describe('formatTable()', () => {
  const rows = [row(900, 'Received block <*> of size <*> from <*> and a long tail of words that goes on'), row(75, 'short'), row(5, 'x')];

  it('aligns numbers right and templates in one column', () => {
    const lines = formatTable(rows, Number.POSITIVE_INFINITY).trimEnd().split('\n');
    assert.equal(lines[0], 'COUNT  SHARE  FIRST  LAST  ID         TEMPLATE');
    assert.equal(lines[2], '   75   7.5%     75   225  t0000004b  short');
    const column = lines[0]?.indexOf('TEMPLATE');
    for (const [i, line] of lines.slice(1).entries()) assert.equal(line.indexOf(rows[i]?.template.slice(0, 5) ?? '?'), column);
  });

  it('cuts templates with … to the terminal width, and prints them whole without one', () => {
    for (const line of formatTable(rows, 60).trimEnd().split('\n')) assert.ok(line.length <= 60, `${line.length}: ${line}`);
    assert.match(formatTable(rows, 60), / {2}Received block <\*> of…$/m);
    assert.match(formatTable(rows, Number.POSITIVE_INFINITY), /goes on$/m);
  });

  it('escapes control characters so a log cannot drive the terminal', () => {
    const table = formatTable([row(1, 'evil \u001b[2J\tcleared\u0000')], Number.POSITIVE_INFINITY);
    assert.match(table, /evil \\x1b\[2J\\x09cleared\\x00$/m);
    // eslint-disable-next-line no-control-regex -- the point of the test
    assert.doesNotMatch(table, /[\u0000-\u0009\u000b-\u001f]/);
  });
});
