import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compileLineFormat, HEADER_WINDOW, lineContent } from '../../../src/observe/logs/index.js';

describe('compileLineFormat()', () => {
  it('names the fields in order and rejects a format without <Content>', () => {
    assert.deepEqual(compileLineFormat('<Date> <Time> <Level>: <Content>').fields, ['Date', 'Time', 'Level', 'Content']);
    assert.throws(() => compileLineFormat('<Date> <Time>'), /log format "<Date> <Time>": no <Content> field/);
  });
  it('turns an invalid expression or a repeated field into a RangeError naming the format', () => {
    assert.throws(() => compileLineFormat('<Date> (<Time> <Content>'), (error) => error instanceof RangeError && /log format "<Date> \(<Time> <Content>"/.test(error.message));
    assert.throws(() => compileLineFormat('<Date> <Date> <Content>'), RangeError);
  });
});

describe('lineContent()', () => {
  it('extracts <Content> with a settings.json header format', () => {
    const hadoop = compileLineFormat('<Date> <Time> <Level> \\[<Process>\\] <Component>: <Content>');
    assert.equal(
      lineContent(hadoop, '2015-10-18 18:01:47,978 INFO [main] org.apache.hadoop.mapreduce.v2.app.MRAppMaster: Created MRAppMaster for application appattempt_1'),
      'Created MRAppMaster for application appattempt_1',
    );
    const linux = compileLineFormat('<Month> <Date> <Time> <Level> <Component>(\\[<PID>\\])?: <Content>');
    assert.equal(lineContent(linux, 'Jun 14 15:16:01 combo sshd(pam_unix)[19939]: check pass; user unknown'), 'check pass; user unknown');
    assert.equal(lineContent(linux, 'garbage'), undefined);
  });
  it('matches any run of whitespace where the format has spaces, and trims the line', () => {
    const format = compileLineFormat('<Date> <Time> <Level> <Content>');
    assert.equal(lineContent(format, '  2024-05-01 \t12:00:00   INFO  disk full on /dev/sda1 \r'), 'disk full on /dev/sda1');
  });
  it('handles fields after <Content> with the whole-line expression', () => {
    const format = compileLineFormat('<Level> <Content> \\(<Thread>\\)');
    assert.equal(format.header, undefined);
    assert.equal(lineContent(format, 'WARN slow request took 3 s (worker-7)'), 'slow request took 3 s');
  });
  it('keeps a 1 MB line whole and rejects a 1 MB line of garbage quickly', () => {
    const format = compileLineFormat('<Date> <Time> \\[<Level>\\] <Content>');
    const message = 'x '.repeat(500_000).trim();
    assert.equal(lineContent(format, `2024-05-01 12:00:00 [INFO] ${message}`), message);
    const started = performance.now();
    // Without the header window this takes minutes: every split of 500,000 spaces is tried.
    assert.equal(lineContent(format, 'x '.repeat(500_000)), undefined);
    assert.ok(performance.now() - started < 2000);
  });
  it(`finds a header only within its first ${HEADER_WINDOW} characters`, () => {
    const format = compileLineFormat('<Component>: <Content>');
    assert.equal(lineContent(format, `${'c'.repeat(HEADER_WINDOW - 10)}: message`), 'message');
    assert.equal(lineContent(format, `${'c'.repeat(HEADER_WINDOW + 10)}: message`), undefined);
  });
});
