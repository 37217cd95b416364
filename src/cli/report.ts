/**
 * `opsloop report`: the continuous-improvement report of a period, asked of a running opsloop
 * (GET /api/v1/reports/improvement) and printed as Markdown or JSON.
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import { renderReportMarkdown } from '../act/reports/render-markdown.js';
import { ImprovementReportSchema } from '../core/report-api.js';
import { callOpsloop } from './api-client.js';
import { OutputWriter } from './output-writer.js';
import { addServerOptions, type ServerOptions } from './server-options.js';

const FORMATS = ['md', 'json'] as const;
/** A year of alerts and pages takes the server a while to read. */
const TIMEOUT_MS = 60_000;

interface ReportOptions extends ServerOptions {
  from?: string;
  to?: string;
  weeks?: number;
  format: (typeof FORMATS)[number];
}

export function reportCommand(): Command {
  return addServerOptions(new Command('report'))
    .description('print the continuous-improvement report of a period (default the last 7 days), asking a running opsloop')
    .option('--from <time>', 'start of the period: RFC 3339 (2026-11-01T00:00:00Z) or epoch milliseconds; default --to minus 7 days')
    .option('--to <time>', 'end of the period (excluded); default now')
    .option('--weeks <n>', 'week buckets of the MTTA/MTTR trends, ending at --to (1-52, default 8)', parseWeeks)
    .addOption(new Option('--format <format>', 'md (Markdown) for a person or a wiki, json for a program').choices(FORMATS).default('md'))
    .addHelpText(
      'after',
      `
The report says where alert noise, response time and on-call load went: noisiest alerts and
sources, alerts never acted on, MTTA and MTTR per week by service and team, recurring problems
and clusters of similar incidents, automation, and pages per person (night and weekend), each
against the period before. Every figure is defined in docs/reports.md. Exit codes: 0 answered,
1 opsloop unreachable or failing, 2 a bad option or period.

Examples:
  $ opsloop report > last-week.md
  $ opsloop report --from 2026-11-01T00:00:00Z --to 2026-12-01T00:00:00Z --weeks 5
  $ opsloop report --format json | jq '.noisiestAlerts[0]'
`,
    )
    .action((options: ReportOptions) => report(options));
}

async function report(options: ReportOptions): Promise<void> {
  const query = new URLSearchParams();
  if (options.from !== undefined) query.set('from', options.from);
  if (options.to !== undefined) query.set('to', options.to);
  if (options.weeks !== undefined) query.set('weeks', String(options.weeks));
  const path = `/api/v1/reports/improvement${query.size > 0 ? `?${query.toString()}` : ''}`;
  const answer = await callOpsloop(options, { method: 'GET', path, schema: ImprovementReportSchema, timeoutMs: TIMEOUT_MS });
  const writer = new OutputWriter(process.stdout);
  await writer.write(options.format === 'json' ? `${JSON.stringify(answer, null, 2)}\n` : renderReportMarkdown(answer));
  await writer.end(false, 'stdout');
}

function parseWeeks(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 52) throw new InvalidArgumentError('expected a whole number of weeks from 1 to 52');
  return n;
}
