import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { after, describe, it } from 'node:test';
import { splitCsvLine } from '../../src/cli/csv-line.js';
import { runCli, type CliResult } from '../support/run-cli.js';

const DIR = mkdtempSync(join(tmpdir(), 'opsloop-logs-mine-'));
const HEADER = '<Date> <Time> <Level> <Content>';

after(() => rmSync(DIR, { recursive: true, force: true }));

interface RunOptions {
  input?: string | Buffer;
  /** V8 heap limit of the child, in MB. */
  heapMb?: number;
}

/** Runs `opsloop logs mine …` in the temp directory (several runs may go at once: each spends a second starting tsx). */
function mine(args: string[], options: RunOptions = {}): Promise<CliResult> {
  const nodeArgs = options.heapMb === undefined ? [] : [`--max-old-space-size=${options.heapMb}`];
  return runCli(['logs', 'mine', ...args], { cwd: DIR, nodeArgs, ...(options.input === undefined ? {} : { input: options.input }) });
}

function writeLog(name: string, content: string | Buffer): string {
  const path = join(DIR, name);
  writeFileSync(path, content);
  return path;
}

/** An HDFS-like log: 300 `Received block`, 200 `PacketResponder`, 100 `Deleting block`, interleaved, with varied headers. */
function hdfsLog(): string {
  const lines: string[] = [];
  for (let i = 0; i < 600; i += 1) {
    const header = `2008-11-09 20:${String(i % 60).padStart(2, '0')}:${String(i % 59).padStart(2, '0')} ${i % 7 === 0 ? 'WARN' : 'INFO'}`;
    if (i % 2 === 0) lines.push(`${header} Received block blk_${i * 7919} of size ${1000 + i} from /10.250.${i % 200}.${i % 9}`);
    else if (i % 6 !== 5) lines.push(`${header} PacketResponder ${i % 3} for block blk_${i} terminating`);
    else lines.push(`${header} Deleting block blk_${i} file /mnt/hadoop/dfs/data/current/subdir${i % 50}/blk_${i}`);
  }
  return `${lines.join('\n')}\n`;
}

interface JsonRow {
  id: string;
  count: number;
  share: number;
  template: string;
  firstLine: number;
  lastLine: number;
  example: string;
  parameters: string[] | null;
}

function parseJson(stdout: string): JsonRow[] {
  return stdout
    .trimEnd()
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as JsonRow);
}

function parseCsv(stdout: string): Record<string, string>[] {
  const [header = '', ...lines] = stdout.trimEnd().split('\n');
  const names = splitCsvLine(header);
  return lines.map((line) => Object.fromEntries(splitCsvLine(line).map((field, i) => [names[i], field])));
}

/** The table's rows as fields split on runs of two or more spaces (columns are separated by two). */
function parseTable(stdout: string): string[][] {
  return stdout
    .trimEnd()
    .split('\n')
    .map((line) => line.trim().split(/ {2,}/));
}

describe('opsloop logs mine', () => {
  const hdfs = writeLog('hdfs.log', hdfsLog());

  it('counts the templates of a log, most frequent first, with their first and last lines', async () => {
    const { status, stdout, stderr } = await mine([hdfs, '--format', HEADER, '--output', 'json']);
    assert.equal(status, 0, stderr);
    const rows = parseJson(stdout);
    assert.deepEqual(
      rows.map((r) => [r.template, r.count, r.firstLine, r.lastLine]),
      [
        ['Received block <*> of size <*> from <*>', 300, 1, 599],
        ['PacketResponder <*> for block <*> terminating', 200, 2, 598],
        ['Deleting block <*> file <*>', 100, 6, 600],
      ],
    );
    assert.deepEqual(
      rows.map((r) => r.share),
      [0.5, 0.333333, 0.166667],
    );
    assert.equal(rows[0]?.example, 'Received block blk_0 of size 1000 from /10.250.0.0');
    assert.deepEqual(rows[0]?.parameters, ['blk_0', '1000', '/10.250.0.0']);
    assert.match(stderr, /^.*hdfs\.log: 600 lines, 3 templates, 0 unmatched, 0 truncated, 0 empty in [\d.]+ s \(\d+ lines\/s\)$/m);
  });

  it('gives the same counts, ids and lines as a table and as CSV', async () => {
    const [jsonRun, csvRun, table] = await Promise.all([
      mine([hdfs, '--format', HEADER, '--output', 'json']),
      mine([hdfs, '--format', HEADER, '--output', 'csv']),
      mine([hdfs, '--format', HEADER]),
    ]);
    const json = parseJson(jsonRun.stdout);
    const csv = parseCsv(csvRun.stdout);
    assert.deepEqual(Object.keys(csv[0] ?? {}), ['id', 'count', 'share', 'first_line', 'last_line', 'template', 'example']);
    assert.deepEqual(
      csv.map((r) => [r.id, Number(r.count), Number(r.share), Number(r.first_line), Number(r.last_line), r.template, r.example]),
      json.map((r) => [r.id, r.count, r.share, r.firstLine, r.lastLine, r.template, r.example]),
    );
    assert.equal(table.status, 0);
    const [header, ...rows] = parseTable(table.stdout);
    assert.deepEqual(header, ['COUNT', 'SHARE', 'FIRST', 'LAST', 'ID', 'TEMPLATE']);
    assert.deepEqual(
      rows,
      json.map((r) => [String(r.count), `${(r.share * 100).toFixed(1)}%`, String(r.firstLine), String(r.lastLine), r.id, r.template]),
    );
    // Aligned: every row has its template where the header has TEMPLATE.
    const lines = table.stdout.trimEnd().split('\n');
    const column = lines[0]?.indexOf('TEMPLATE');
    for (const [i, line] of lines.slice(1).entries()) assert.equal(line.indexOf(json[i]?.template ?? '?'), column);
  });

  it('mines only <Content> with --format, so levels and times do not split templates', async () => {
    const [withoutRun, withRun] = await Promise.all([mine([hdfs, '--output', 'json']), mine([hdfs, '--format', HEADER, '--output', 'json'])]);
    // Without it the dates and times are masked and the level is a word: INFO and WARN split each event.
    const without = parseJson(withoutRun.stdout);
    assert.ok(without.some((r) => r.template.includes('INFO')) && without.some((r) => r.template.includes('WARN')));
    const withFormat = parseJson(withRun.stdout);
    assert.equal(withFormat.length, 3);
    assert.ok(withFormat.every((r) => !/INFO|WARN/.test(r.template)));
  });

  it('reads stdin for -, with the same result as the file', async () => {
    const [fromFile, fromStdin] = await Promise.all([
      mine([hdfs, '--format', HEADER, '--output', 'csv']),
      mine(['-', '--format', HEADER, '--output', 'csv'], { input: hdfsLog() }),
    ]);
    assert.equal(fromStdin.status, 0, fromStdin.stderr);
    assert.equal(fromStdin.stdout, fromFile.stdout);
    assert.match(fromStdin.stderr, /^stdin: 600 lines, 3 templates/m);
  });

  it('mines lines whose header does not fit --format whole, and counts them with their line numbers', async () => {
    const log = ['2024-05-01 12:00:00 INFO cache warmed in 20 ms', 'Traceback:', '', '2024-05-01 12:00:01 INFO cache warmed in 31 ms', '  at Foo.bar'];
    const { status, stdout, stderr } = await mine([writeLog('unmatched.log', `${log.join('\n')}\n`), '--format', HEADER, '--output', 'json']);
    assert.equal(status, 0, stderr);
    assert.deepEqual(
      parseJson(stdout).map((r) => [r.template, r.count]),
      [
        ['cache warmed in <*> ms', 2],
        ['Traceback:', 1],
        ['at Foo.bar', 1],
      ],
    );
    assert.match(stderr, /5 lines, 3 templates, 2 unmatched, 0 truncated, 1 empty/);
    assert.match(stderr, /2 lines did not fit --format and were mined whole \(line 2, 5\)/);
  });

  it('says so when no line fits --format', async () => {
    const { status, stderr } = await mine([hdfs, '--format', '\\[<Time>\\] <Content>']);
    assert.equal(status, 0);
    assert.match(stderr, /600 unmatched/);
    assert.match(stderr, /no line fit --format "\\\\\[<Time>\\\\\] <Content>": every line was mined whole/);
  });

  it('--mask adds a user mask, --limit keeps the most frequent rows and says so', async () => {
    const users = writeLog('users.log', 'user alice logged in\nuser bob logged in\nuser carol logged in\nsession closed\n');
    const [unmasked, masked, limited] = await Promise.all([
      mine([users, '--output', 'json']),
      mine([users, '--output', 'json', '--mask', 'user=(?<=user )[a-z]+']),
      mine([hdfs, '--format', HEADER, '--output', 'json', '--limit', '2']),
    ]);
    assert.equal(parseJson(unmasked.stdout).length, 4);
    assert.equal(masked.status, 0, masked.stderr);
    assert.deepEqual(
      parseJson(masked.stdout).map((r) => [r.template, r.count]),
      [
        ['user <*> logged in', 3],
        ['session closed', 1],
      ],
    );
    assert.deepEqual(
      parseJson(limited.stdout).map((r) => r.count),
      [300, 200],
    );
    assert.match(limited.stderr, /showing the 2 most frequent of 3 templates \(--limit\)/);
  });
});

describe('opsloop logs mine --help', () => {
  it('shows the options, the rules for bad lines, the exit codes and examples', async () => {
    const { status, stdout } = await mine(['--help']);
    assert.equal(status, 0);
    for (const text of ['Usage: opsloop logs mine', '--format <header>', '--output <format>', '--mask <name=regex>', 'unmatched', 'Exit status', 'Examples:']) {
      assert.ok(stdout.includes(text), text);
    }
  });
});

describe('opsloop logs mine on bad input', () => {
  it('exits 2 with a one-line message for a missing file, a directory, a compressed file and bad options', async () => {
    const plain = writeLog('plain.log', 'hello world\n');
    mkdirSync(join(DIR, 'a-directory'), { recursive: true });
    const cases: [string[], RegExp][] = [
      [['nope.log'], /^opsloop: no such file: nope\.log$/],
      [['a-directory'], /^opsloop: a-directory is not a file$/],
      [[writeLog('app.log.gz', gzipSync('hello\n'))], /^opsloop: .*app\.log\.gz is gzip-compressed: decompress it first, e\.g\. zcat .*app\.log\.gz \| opsloop logs mine -$/],
      [[plain, '--format', '<Date> <Time>'], /^opsloop: --format: log format "<Date> <Time>": no <Content> field$/],
      [[plain, '--format', '<Date> (<Content>'], /^opsloop: --format: log format "<Date> \(<Content>": Invalid regular expression/],
      [[plain, '--mask', 'order=ORD-('], /argument 'order=ORD-\(' is invalid\. order: invalid regular expression/],
      [[plain, '--mask', 'anything=.*'], /matches the empty string/],
      [[plain, '--mask', 'no-equals-sign'], /must be NAME=REGEX/],
      [[plain, '--limit', '0'], /--limit <n>' argument '0' is invalid/],
      [[plain, '--output', 'xml'], /argument 'xml' is invalid\. Allowed choices are table, csv, json/],
    ];
    const runs = await Promise.all(cases.map(([args]) => mine(args)));
    for (const [i, [args, message]] of cases.entries()) {
      const { status, stdout, stderr } = runs[i] as CliResult;
      assert.equal(status, 2, `${args.join(' ')}: ${stderr}`);
      assert.match(stderr.trim().split('\n')[0] ?? '', message);
      assert.doesNotMatch(stderr, /\n\s+at /, 'no stack trace');
      assert.equal(stdout, '');
    }
  });

  it('counts blank lines, invalid UTF-8 and 1 MB lines without crashing', async () => {
    const megabyteLine = `payload ${'x'.repeat(1024 * 1024)}`;
    const log = Buffer.concat([
      Buffer.from('service started\n\n   \n\t\n'),
      Buffer.from([0xff, 0xfe, 0x20, 0x62, 0x61, 0x64, 0x0a]), // "\xff\xfe bad"
      Buffer.from(`${megabyteLine}\r\n`),
      Buffer.from('service started\r\n'),
    ]);
    const { status, stdout, stderr } = await mine([writeLog('bad.log', log), '--output', 'json']);
    assert.equal(status, 0, stderr);
    const rows = parseJson(stdout);
    assert.deepEqual(rows[0] && [rows[0].template, rows[0].count, rows[0].firstLine, rows[0].lastLine], ['service started', 2, 1, 7]);
    assert.ok(rows.some((r) => r.template === '\uFFFD\uFFFD bad'));
    assert.ok(rows.every((r) => r.example.length <= 1000));
    assert.match(stderr, /7 lines, 3 templates, 0 unmatched, 1 truncated, 3 empty/);
    assert.match(stderr, /1 message longer than 16384 characters was cut there before mining/);
    assert.match(stderr, /1 line with bytes that are not UTF-8, mined with U\+FFFD in their place \(line 5\)/);
  });

  it('reads binary garbage without a newline in bounded time and memory', async () => {
    // 8 MiB of pseudo-random bytes without 0x0a, under a heap limit a held copy would not fit.
    const garbage = Buffer.alloc(8 * 1024 * 1024);
    let state = 42;
    for (let i = 0; i < garbage.length; i += 1) {
      state = (state * 1103515245 + 12345) >>> 0;
      garbage[i] = (state >>> 16) % 255 === 10 ? 11 : (state >>> 16) % 255;
    }
    const { status, stdout, stderr } = await mine([writeLog('garbage.bin', garbage), '--output', 'json'], { heapMb: 64 });
    assert.equal(status, 0, stderr);
    assert.equal(parseJson(stdout).length, 1);
    assert.match(stderr, /1 line, 1 template, 0 unmatched, 1 truncated, 0 empty/);
    assert.match(stderr, /1 line with bytes that are not UTF-8/);
  });

  it('an empty file mines nothing and says so', async () => {
    const { status, stdout, stderr } = await mine([writeLog('empty.log', ''), '--output', 'csv']);
    assert.equal(status, 0);
    assert.equal(stdout, 'id,count,share,first_line,last_line,template,example\n');
    assert.match(stderr, /0 lines, 0 templates/);
    assert.match(stderr, /no log lines: nothing was mined/);
  });
});

describe('opsloop logs mine on a large file', () => {
  it('streams 200,000 lines in a heap smaller than the file, with the template count capped', async () => {
    // 5,000 distinct templates of ~380 bytes a line: a 75 MB file, a 56 MB heap. With 40 MB the
    // child ran out of heap in CI under CPU contention (2026-11-29: 36 MB live after a full GC,
    // the CLI's modules loaded through tsx included). A held copy of the file would not fit.
    const word = (n: number) => {
      let text = '';
      for (let k = n + 26; k > 0; k = Math.floor(k / 26)) text += String.fromCharCode(97 + (k % 26));
      return text;
    };
    const templates = Array.from({ length: 5000 }, (_, k) => `${word(k)} ${word(k * 7 + 1)} ${word(k * 13 + 2)} ${word(k * 31 + 3).repeat(80)} id=`);
    const chunks: string[] = [];
    for (let i = 0; i < 200_000; i += 1) chunks.push(`2024-05-01 12:00:00 INFO ${templates[i % 5000]}${i}\n`);
    const file = writeLog('large.log', chunks.join(''));
    chunks.length = 0;

    const { status, stdout, stderr } = await mine([file, '--format', HEADER, '--max-templates', '100', '--output', 'json'], { heapMb: 56 });
    assert.equal(status, 0, stderr);
    const rows = parseJson(stdout);
    assert.equal(rows.length, 100, 'no more templates than --max-templates');
    assert.ok(rows.every((r) => r.count >= 1 && r.lastLine <= 200_000 && r.firstLine <= r.lastLine));
    assert.match(stderr, /200000 lines, 100 templates, 0 unmatched, 0 truncated, 0 empty/);
    assert.match(stderr, /\d+ templates evicted beyond --max-templates 100/);
  });
});
