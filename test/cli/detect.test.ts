import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, it } from 'node:test';

const MAIN = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));
const TSX = import.meta.resolve('tsx');
const DIR = mkdtempSync(join(tmpdir(), 'opsloop-detect-'));
const T0 = 1_700_000_000; // epoch seconds
const MIN_POINTS = 100; // detector.learnPoints default: rows before the first score

after(() => rmSync(DIR, { recursive: true, force: true }));

/** Runs `opsloop detect …` in the temp directory (no opsloop.config.json there). */
function detect(args: string[]) {
  const result = spawnSync(process.execPath, ['--import', TSX, MAIN, 'detect', ...args], {
    cwd: DIR,
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function writeCsv(name: string, lines: string[]): string {
  const path = join(DIR, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

/** A calm series around 10 with a small deterministic wiggle, a spike at index `spikeAt`. */
function series(count: number, spikeAt: number, time: (i: number) => string = (i) => String(T0 + i * 60)): string[] {
  const rows = ['timestamp,value'];
  for (let i = 0; i < count; i += 1) {
    const value = i === spikeAt ? 40 : 10 + Math.sin(i / 3) * 0.5 + ((i * 7) % 5) * 0.1;
    rows.push(`${time(i)},${value.toFixed(3)}`);
  }
  return rows;
}

interface OutputRow {
  timestamp: string;
  value: number;
  score: string;
  expected: string;
  lower: string;
  upper: string;
  anomaly: string;
}

function parseOutput(stdout: string): OutputRow[] {
  const [header, ...lines] = stdout.trimEnd().split('\n');
  assert.equal(header, 'timestamp,value,score,expected,lower,upper,anomaly');
  return lines.map((line) => {
    const [timestamp = '', value = '', score = '', expected = '', lower = '', upper = '', anomaly = ''] = line.split(',');
    return { timestamp, value: Number(value), score, expected, lower, upper, anomaly };
  });
}

describe('opsloop detect', () => {
  it('flags a spike and not its neighbours, with empty scores during the cold start', () => {
    const file = writeCsv('spike.csv', series(450, 350));
    const { status, stdout, stderr } = detect([file]);
    assert.equal(status, 0, stderr);
    const rows = parseOutput(stdout);
    assert.equal(rows.length, 450);
    for (const row of rows.slice(0, MIN_POINTS)) assert.deepEqual([row.score, row.expected, row.anomaly], ['', '', '0']);
    assert.equal(rows[350]?.anomaly, '1');
    assert.ok(Number(rows[350]?.score) >= 0.5, 'the alarm threshold maps to 0.5');
    for (const i of [348, 349, 351, 352]) assert.equal(rows[i]?.anomaly, '0', `neighbour ${i}`);
    assert.deepEqual(
      rows.flatMap((row, i) => (row.anomaly === '1' ? [i] : [])),
      [350],
    );
    assert.match(stderr, /450 points \(100 learning\), 1 anomalous/);
  });

  it('puts normal points inside the band and scores them below 0.5', () => {
    const { stdout } = detect([writeCsv('band.csv', series(450, 350))]);
    const scored = parseOutput(stdout).filter((row) => row.score !== '');
    assert.ok(scored.length > 200);
    for (const row of scored) {
      const score = Number(row.score);
      assert.ok(score >= 0 && score <= 1, `score ${row.score} in [0,1]`);
      // Anomalous needs the score and a deviation of ≥ 2 scales: every anomaly scores ≥ 0.5.
      if (row.anomaly === '1') assert.ok(score >= 0.5, `anomaly with score ${row.score}`);
      if (row.anomaly === '1') continue;
      assert.ok(Number(row.lower) <= row.value && row.value <= Number(row.upper), `${row.value} in [${row.lower}, ${row.upper}]`);
      assert.ok(Number(row.lower) < Number(row.expected) && Number(row.expected) < Number(row.upper));
    }
  });

  it('skips bad rows by reason, without crashing, and leaves them out of the output', () => {
    const rows = series(60, -1);
    rows.splice(31, 0, `${T0 + 30 * 60 + 1},abc`, `${T0 + 30 * 60 + 2},NaN`, `${T0 + 30 * 60 + 3},Infinity`);
    rows.splice(41, 0, `not-a-time,5`, `${T0 + 40 * 60 + 5},`, `${T0 + 40 * 60 + 6}`, '', `${T0 + 40 * 60 + 7},1e999`);
    const { status, stdout, stderr } = detect([writeCsv('bad.csv', rows)]);
    assert.equal(status, 0, stderr);
    assert.equal(parseOutput(stdout).length, 60);
    assert.match(stderr, /skipped 7 rows:/);
    assert.match(stderr, /1 missing field \(line 44\)/);
    assert.match(stderr, /1 bad timestamp \(line 42\)/);
    assert.match(stderr, /2 bad value \(line 32, 43\)/);
    assert.match(stderr, /3 non-finite value \(line 33, 34, 46\)/);
  });

  it('skips duplicate and out-of-order timestamps, keeping the first', () => {
    const rows = series(40, -1);
    rows.splice(26, 0, `${T0 + 24 * 60},99`, `${T0 + 10 * 60},98`);
    const { status, stdout, stderr } = detect([writeCsv('order.csv', rows)]);
    assert.equal(status, 0, stderr);
    const output = parseOutput(stdout);
    assert.equal(output.length, 40);
    assert.ok(!output.some((row) => row.value === 99 || row.value === 98));
    assert.match(stderr, /1 duplicate timestamp \(line 27\)/);
    assert.match(stderr, /1 out-of-order timestamp \(line 28\)/);
  });

  it('reads epoch seconds, epoch milliseconds and ISO 8601 alike, echoing the input timestamps', () => {
    const iso = (i: number) => new Date((T0 + i * 60) * 1000).toISOString().replace('T', ' ').replace('.000Z', '');
    const runs = [
      detect([writeCsv('seconds.csv', series(360, 345))]),
      detect([writeCsv('millis.csv', series(360, 345, (i) => String((T0 + i * 60) * 1000)))]),
      detect([writeCsv('iso.csv', series(360, 345, iso))]),
    ];
    const outputs = runs.map((run) => {
      assert.equal(run.status, 0, run.stderr);
      return parseOutput(run.stdout);
    });
    assert.equal(outputs[2]?.[0]?.timestamp, '2023-11-14 22:13:20');
    const strip = (rows: OutputRow[] | undefined) => rows?.map(({ timestamp: _timestamp, ...rest }) => rest);
    assert.deepEqual(strip(outputs[1]), strip(outputs[0]));
    assert.deepEqual(strip(outputs[2]), strip(outputs[0]));
    assert.equal(outputs[0]?.[345]?.anomaly, '1');
  });

  it('uses named columns in any order and ignores the others', () => {
    const rows = series(340, 330).map((line, i) => {
      const [time, value] = line.split(',');
      return i === 0 ? 'label,value,time' : `0,${value},${time}`;
    });
    const { status, stdout } = detect([writeCsv('named.csv', rows)]);
    assert.equal(status, 0);
    assert.equal(parseOutput(stdout)[330]?.anomaly, '1');
  });

  it('writes --out and --format json, and --sensitivity moves the alarm', () => {
    const file = writeCsv('json.csv', series(360, 345));
    const out = join(DIR, 'scores.jsonl');
    const { status, stdout } = detect([file, '--out', out, '--format', 'json', '--sensitivity', 'off']);
    assert.equal(status, 0);
    assert.equal(stdout, '');
    const rows = readFileSync(out, 'utf8').trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    assert.equal(rows.length, 360);
    assert.deepEqual(Object.keys(rows[0] ?? {}), ['timestamp', 'timeMs', 'value', 'score', 'expected', 'lower', 'upper', 'anomaly']);
    assert.equal(rows[0]?.['score'], null);
    assert.ok(Number(rows[345]?.['score']) >= 0.5, 'still scored');
    assert.equal(rows[345]?.['anomaly'], false, 'sensitivity off calls nothing anomalous');
    assert.notEqual(detect([file, '--sensitivity', 'loud']).status, 0, 'a bad level is refused');
  });

  it('summarises anomaly episodes with start, end and explanation', () => {
    const rows = series(180, -1).map((line, i) => (i >= 151 && i <= 155 ? `${T0 + (i - 1) * 60},50` : line));
    const { stderr } = detect([writeCsv('episode.csv', rows), '--metric', 'checkout.request_rate']);
    assert.match(stderr, /1 episode\n/);
    assert.match(stderr, /2023-11-15T00:43:20\.000Z → 2023-11-15T00:50:20\.000Z {2}up {2}peak .*: request rate 50\.00\/s, 4\.9× its usual 10\.\d\d\/s \(score/);
  });

  it('exits 2 naming the missing column', () => {
    const { status, stderr, stdout } = detect([writeCsv('one-column.csv', ['timestamp', String(T0)])]);
    assert.equal(status, 2);
    assert.equal(stdout, '');
    assert.match(stderr, /^opsloop: .*one-column\.csv: header "timestamp" lacks a value column/);
  });

  it('exits 2 on a missing file, an empty file or a file without header', () => {
    const missing = detect([join(DIR, 'nope.csv')]);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /^opsloop: no such file: .*nope\.csv$/m);
    writeFileSync(join(DIR, 'empty.csv'), '');
    const empty = detect([join(DIR, 'empty.csv')]);
    assert.equal(empty.status, 2);
    assert.match(empty.stderr, /empty\.csv is empty: expected a header line such as timestamp,value/);
    const headerless = detect([writeCsv('headerless.csv', [`${T0},1`, `${T0 + 60},2`])]);
    assert.equal(headerless.status, 2);
    assert.match(headerless.stderr, /looks like data, not a header/);
  });

  it('--help lists the options, the rules and examples', () => {
    const { status, stdout } = detect(['--help']);
    assert.equal(status, 0);
    assert.match(stdout, /Usage: opsloop detect \[options\] <file>/);
    for (const option of ['--out <file>', '--metric <name>', '--sensitivity <level>', '--format <format>']) {
      assert.ok(stdout.includes(option), option);
    }
    assert.match(stdout, /out-of-order timestamp/);
    assert.match(stdout, /Exit status/);
    assert.match(stdout, /Examples:/);
  });
});
