/**
 * `opsloop rca --from --to`: the likely root causes of a time window, asked of a running
 * opsloop (POST /api/v1/rca) and printed as a table or JSON.
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import { RcaTimeSchema, type RcaRequest, type RcaResponse } from '../core/rca-api.js';
import { OutputWriter } from './output-writer.js';
import { requestRca } from './rca-client.js';
import { formatCausesTable } from './rca-table.js';
import { addServerOptions, type ServerOptions } from './server-options.js';

const OUTPUT_FORMATS = ['table', 'json'] as const;
type OutputFormat = (typeof OUTPUT_FORMATS)[number];

interface RcaOptions extends ServerOptions {
  from: RcaRequest['from'];
  to: RcaRequest['to'];
  output: OutputFormat;
  top?: number;
}

export function rcaCommand(): Command {
  return addServerOptions(new Command('rca'))
    .description('rank the likely root causes of a time window (any stored window, past ones too), asking a running opsloop')
    .requiredOption('--from <time>', 'start of the window: RFC 3339 (2026-03-02T10:30:00Z) or epoch milliseconds', parseTime)
    .requiredOption('--to <time>', 'end of the window, after --from and at most 24 h later', parseTime)
    .addOption(new Option('--output <format>', 'table for a person, json for a program').choices(OUTPUT_FORMATS).default('table'))
    .option('--top <n>', 'print only the n best causes', parseTop)
    .addHelpText(
      'after',
      `
Ranks services and instances by how likely they caused what went wrong in the window: metric
series replayed through the anomaly detector, alerts active then, errors and time arising in a
service's own spans, surging error logs and recent deploys, over the service graph. Works on
telemetry ingested with past timestamps. Exit codes: 0 answered (even with no cause), 1 opsloop
unreachable or failing, 2 a bad option or window.

Examples:
  $ opsloop rca --from 2026-03-02T10:30:00Z --to 2026-03-02T10:33:00Z
  $ opsloop rca --from 1772447400000 --to 1772447580000 --top 1
  $ opsloop rca --from 2026-03-02T10:30:00Z --to 2026-03-02T11:30:00Z --url http://opsloop:7070 --output json | jq '.causes[0]'
`,
    )
    // An InputError (a window the server refused) reaches main.ts, which prints it and exits 2.
    .action((options: RcaOptions) => rca(options));
}

async function rca(options: RcaOptions): Promise<void> {
  const answer = await requestRca(options, { from: options.from, to: options.to });
  const causes = answer.causes.slice(0, options.top ?? answer.causes.length);
  const writer = new OutputWriter(process.stdout);
  if (options.output === 'json') await writer.write(`${JSON.stringify({ ...answer, causes }, null, 2)}\n`);
  else if (causes.length > 0) await writer.write(formatCausesTable(causes));
  await writer.end(false, 'stdout');
  process.stderr.write(`${summary(answer)}\n`);
}

function summary(answer: RcaResponse): string {
  const window = `${new Date(answer.fromMs).toISOString()} → ${new Date(answer.toMs).toISOString()}`;
  const { metrics, alerts, spans, logs } = answer.symptoms;
  const found = `${metrics} metric anomalies, ${alerts} alerts, ${spans} span and ${logs} log findings`;
  if (answer.causes.length === 0) return `no likely root cause in ${window}: nothing abnormal found (${found})`;
  return `${window}: ${answer.causes.length} likely causes from ${found}, ranked in ${answer.tookMs} ms`;
}

function parseTime(text: string): RcaRequest['from'] {
  const value = /^\d+$/.test(text) ? Number(text) : text;
  const parsed = RcaTimeSchema.safeParse(value);
  if (!parsed.success) throw new InvalidArgumentError('expected RFC 3339 (2026-03-02T10:30:00Z, with Z or an offset) or epoch milliseconds');
  return parsed.data;
}

function parseTop(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number of causes, 1 or more');
  return n;
}
