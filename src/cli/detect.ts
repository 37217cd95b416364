import { createWriteStream, type WriteStream } from 'node:fs';
import { resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { Command, InvalidArgumentError, Option } from 'commander';
import { ConfigSchema, SensitivitySchema, type Sensitivity } from '../core/config.js';
import { detectorSettingsFor } from '../observe/metrics/detector-settings.js';
import { metricSemantics, type MetricSemantics } from '../observe/metrics/metric-semantics.js';
import { openCsvSeries } from './csv-series-reader.js';
import { SKIP_REASONS } from './csv-series-rows.js';
import { InputError } from './input-error.js';
import { OutputWriter } from './output-writer.js';
import { CSV_HEADER, OUTPUT_FORMATS, type OutputFormat } from './detect-output.js';
import { createProgress } from './progress-bar.js';
import { runDetect } from './detect-run.js';

const DEFAULTS = ConfigSchema.parse({}).detector;

interface DetectOptions {
  out?: string;
  metric?: string;
  sensitivity: Sensitivity;
  format: OutputFormat;
}

export function detectCommand(): Command {
  return new Command('detect')
    .description('score a CSV time series offline with the streaming anomaly detector (timestamp,value → scores)')
    .argument('<file>', 'CSV file with a header line: timestamp,value')
    .option('-o, --out <file>', 'write the scores to this file instead of stdout')
    .option('--metric <name>', 'metric name, for its semantics (e.g. *latency*, *cpu*: only rises count); default: generic, both directions')
    .option(
      '--sensitivity <level>',
      'off, low, medium, high, or the score threshold in (0,1], as detector.sensitivity',
      parseSensitivity,
      DEFAULTS.sensitivity,
    )
    .addOption(new Option('--format <format>', 'output format; json is one object per line').choices(OUTPUT_FORMATS).default('csv'))
    .addHelpText('after', helpText())
    // An InputError reaches main.ts, which prints it and exits 2.
    .action((file: string, options: DetectOptions) => detect(file, options));
}

async function detect(file: string, options: DetectOptions): Promise<void> {
  if (options.out !== undefined && resolve(options.out) === resolve(file)) {
    throw new InputError(`--out ${options.out} is the input file; it would be overwritten while read`);
  }
  // Input first: a bad input must not leave an empty --out file behind.
  const reader = await openCsvSeries(file);
  let output: Writable;
  try {
    output = options.out === undefined ? process.stdout : await openOutput(options.out);
  } catch (error) {
    reader.close();
    throw error;
  }
  const writer = new OutputWriter(output);
  const settings = detectorSettingsFor({ ...DEFAULTS, sensitivity: options.sensitivity }, { name: options.metric ?? 'value', service: '', labels: {} });
  const semantics = semanticsFor(options.metric, reader.columns.valueName);
  // The bar is for a person at a terminal, and pointless when the scores scroll past on it.
  const showProgress = process.stderr.isTTY === true && !(options.out === undefined && process.stdout.isTTY === true);
  const progress = createProgress(showProgress, reader.sizeBytes, { task: 'detect', unit: 'points' });

  if (options.format === 'csv') await writer.write(`${CSV_HEADER}\n`);
  const summary = await runDetect({ reader, writer, format: options.format, progress, settings, semantics });
  await writer.end(options.out !== undefined, options.out ?? 'stdout');

  process.stderr.write(
    summary.format({
      file,
      label: semantics.label,
      metric: options.metric ?? '',
      threshold: settings.threshold,
      firingPoints: settings.firingPoints,
    }),
  );
}

function semanticsFor(metric: string | undefined, valueName: string): MetricSemantics {
  if (metric !== undefined) return metricSemantics(metric);
  // "value" matches none of the naming conventions, so this is the generic both-directions
  // semantics, named after the column for the summary.
  return { ...metricSemantics('value'), label: valueName };
}

async function openOutput(path: string): Promise<WriteStream> {
  const stream = createWriteStream(path);
  await new Promise<void>((resolveOpen, reject) => {
    stream.once('open', () => resolveOpen());
    stream.once('error', (error) => reject(new InputError(`cannot write --out ${path}: ${error.message}`)));
  });
  return stream;
}

function parseSensitivity(value: string): Sensitivity {
  const parsed = SensitivitySchema.safeParse(/^[\d.]+$/.test(value) ? Number(value) : value);
  if (!parsed.success) throw new InvalidArgumentError('must be off, low, medium, high or a number in (0, 1]');
  return parsed.data;
}

function helpText(): string {
  const reasons = Object.entries(SKIP_REASONS)
    .map(([reason, rule]) => `  ${reason.padEnd(24)}${rule}`)
    .join('\n');
  return `
Input: a CSV file with a header line, read as a stream (any size, constant memory).
  Timestamp column: "timestamp" or "time", else the first column.
  Value column: "value", else the first other column. Other columns are ignored.
  Timestamps: ISO 8601 ("2024-05-01T12:00:00Z", "2024-05-01 12:00:00"; no offset means UTC)
  or epoch numbers: below 1e11 seconds, from 1e11 milliseconds. The first valid timestamp
  fixes the format for the whole file. Gaps in time are kept as they are.

Bad rows are skipped, left out of the output and counted by reason in the summary:
${reasons}
  Blank lines are ignored.

Output (stdout or --out): ${CSV_HEADER}
  score        anomaly score in [0,1] (novelty → anomaly likelihood; 0.5 = a 1% tail;
               see docs/detector.md); --sensitivity sets where it alarms (medium = 0.5)
  expected     robust level (plus the daily/weekly profile once one is detected)
  lower,upper  expected ± 3 robust scales
  anomaly      1 when the score reaches the threshold in a direction the metric counts
  The first ${DEFAULTS.learnPoints} points only teach the detector: score, expected and band are empty.
  --format json writes the same fields, plus timeMs, as one JSON object per line.
A summary (points, anomaly episodes, skipped rows) goes to stderr, with a progress bar
when stderr is a terminal and the scores are not being printed to it.

Exit status: 0 done (skipped rows included), 1 runtime failure,
2 bad input: no such file, empty file, header lacking a timestamp or value column.

Examples:
  $ opsloop detect requests.csv > scores.csv
  $ opsloop detect latency.csv --metric http.server.duration.p95 --out scores.csv
  $ opsloop detect machine_temperature.csv --sensitivity high --format json | jq 'select(.anomaly)'
`;
}
