import { Command, InvalidArgumentError, Option } from 'commander';
import { compileLineFormat, DEFAULT_MINER_SETTINGS, TemplateMiner, type LineFormat, type UserMask } from '../observe/logs/index.js';
import { InputError } from './input-error.js';
import { openLogInput } from './logs-input.js';
import { formatCsvRows, formatJsonRows, MINE_CSV_HEADER, MINE_OUTPUT_FORMATS, templateRows, type MineOutputFormat, type TemplateRow } from './logs-mine-output.js';
import { MAX_LINE_BYTES, runMine } from './logs-mine-run.js';
import { formatMineSummary } from './logs-mine-summary.js';
import { formatTable } from './logs-mine-table.js';
import { EXAMPLE_CHARS } from './logs-template-samples.js';
import { OutputWriter } from './output-writer.js';
import { createProgress } from './progress-bar.js';

interface MineOptions {
  format?: string;
  output: MineOutputFormat;
  limit?: number;
  mask: UserMask[];
  maxTemplates: number;
}

export function logsMineCommand(): Command {
  return new Command('mine')
    .description('mine a log file into templates with counts (Drain-class, streaming, constant memory)')
    .argument('<file>', 'log file, one message per line; - for stdin')
    .option('--format <header>', "Loghub line-header format, e.g. '<Date> <Time> <Level> <Content>': mine only <Content>")
    .addOption(new Option('--output <format>', 'output format').choices(MINE_OUTPUT_FORMATS).default('table'))
    .option('--limit <n>', 'print only the n most frequent templates', positiveInteger)
    .option('--mask <name=regex>', 'also mask what the regex matches as <*> (repeatable)', collectMask, [])
    .option('--max-templates <n>', 'templates held at most; beyond, the least recently used is evicted', positiveInteger, DEFAULT_MINER_SETTINGS.maxTemplates)
    .addHelpText('after', helpText())
    // An InputError reaches main.ts, which prints it and exits 2.
    .action((file: string, options: MineOptions) => mine(file, options));
}

async function mine(file: string, options: MineOptions): Promise<void> {
  const format = options.format === undefined ? undefined : lineFormat(options.format);
  const miner = newMiner(options);
  const input = await openLogInput(file);
  const progress = createProgress(process.stderr.isTTY === true, input.sizeBytes, { task: 'mine', unit: 'lines' });
  const started = performance.now();
  const outcome = await runMine({ input, format, miner, progress });
  const elapsedMs = performance.now() - started;

  const rows = templateRows(miner, outcome.samples, options.limit);
  const writer = new OutputWriter(process.stdout);
  await writer.write(render(rows, options.output));
  await writer.end(false, 'stdout');
  process.stderr.write(
    formatMineSummary(outcome, {
      name: input.name,
      format: options.format,
      stats: miner.stats,
      templates: miner.templates().length,
      shown: rows.length,
      maxTemplates: miner.settings.maxTemplates,
      maxLineLength: miner.settings.maxLineLength,
      elapsedMs,
    }),
  );
}

function render(rows: readonly TemplateRow[], output: MineOutputFormat): string {
  if (output === 'csv') return formatCsvRows(rows);
  if (output === 'json') return formatJsonRows(rows);
  // A pipe or a file gets whole templates; a terminal gets rows that fit on one line.
  return formatTable(rows, process.stdout.isTTY === true ? process.stdout.columns : Number.POSITIVE_INFINITY);
}

function lineFormat(format: string): LineFormat {
  try {
    return compileLineFormat(format);
  } catch (error) {
    throw new InputError(`--format: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function newMiner(options: MineOptions): TemplateMiner {
  try {
    return new TemplateMiner({ settings: { maxTemplates: options.maxTemplates }, masks: options.mask });
  } catch (error) {
    throw new InputError(`--mask ${error instanceof Error ? error.message : String(error)}`);
  }
}

function positiveInteger(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new InvalidArgumentError('must be a whole number ≥ 1');
  return Number(value);
}

function collectMask(value: string, masks: UserMask[]): UserMask[] {
  const match = /^([^=]+)=(.+)$/s.exec(value);
  if (!match) throw new InvalidArgumentError('must be NAME=REGEX, e.g. order=ORD-\\d+');
  const [, name = '', pattern = ''] = match;
  let regex: RegExp;
  try {
    regex = new RegExp(pattern);
  } catch (error) {
    throw new InvalidArgumentError(`${name}: invalid regular expression (${error instanceof Error ? error.message : String(error)})`);
  }
  // Replacing empty matches would put a <*> between every two characters.
  if (regex.test('')) throw new InvalidArgumentError(`${name}: the regular expression matches the empty string`);
  return [...masks, { name, pattern }];
}

function helpText(): string {
  return `
Input: a log file (or - for stdin), one message per line, any size: it is read as a stream
and mined line by line in constant memory (the miner holds at most --max-templates templates).
Without --format the whole line is the message. With --format, the header is matched and
only <Content> is mined; the format is Loghub's (logpai/loghub settings): fields in <...>, the
text between them a regular expression (escape [ ] ( ) . as \\[ \\] \\( \\) \\.), spaces matching
any run of whitespace. Lines whose header does not fit are counted as unmatched and mined whole.
Built-in masks (IPs, numbers, hex, UUIDs, paths, URLs, timestamps, key=value values …) apply
before --mask ones; a --mask with a built-in's name replaces it.

Bad input never stops the run; it is counted in the summary:
  unmatched      the header does not fit --format: the whole line is mined
  truncated      messages over ${DEFAULT_MINER_SETTINGS.maxLineLength} characters are cut there (a line's bytes over ${MAX_LINE_BYTES / 1024 / 1024} MiB are not even kept)
  empty          blank lines are skipped
  not UTF-8      bad bytes become U+FFFD (binary garbage is mined like text)
Compressed files (gzip, zstd, xz, zip) are refused: decompress them into stdin.

Output (stdout), most frequent template first:
  table (default)  COUNT SHARE FIRST LAST ID TEMPLATE, cut to the terminal's width
  csv              ${MINE_CSV_HEADER}
  json             one object per line: id, count, share, template, firstLine, lastLine,
                   example and parameters (the example's values in the <*> slots)
  first_line/last_line are line numbers in the input; the example is the first line's message
  (cut to ${EXAMPLE_CHARS} characters). Ids are stable: the same log gives the same ids.
A summary (lines, templates, unmatched, truncated, empty, time, lines/s) goes to stderr,
with a progress bar when stderr is a terminal and the input's size is known.

Exit status: 0 done (bad lines included), 1 runtime failure,
2 bad input: no such file, compressed file, bad --format, --mask or option value.

Examples:
  $ opsloop logs mine /var/log/syslog --limit 20
  $ opsloop logs mine hadoop.log --format '<Date> <Time> <Level> \\[<Process>\\] <Component>: <Content>'
  $ zcat app.log.gz | opsloop logs mine - --output csv > templates.csv
  $ opsloop logs mine app.log --mask 'order=ORD-[0-9]+' --output json | jq 'select(.count > 100)'
`;
}
