/**
 * `opsloop replay FILE.jsonl`: backtests correlation on recorded alerts, offline (no server),
 * with the settings and rules of the config file, and prints compression, and purity and
 * completeness when the lines carry their true group.
 */
import { Command, Option } from 'commander';
import { withConfigOptions, configSourcesFrom } from './config-options.js';
import { inputFileSize } from './input-file.js';
import { loadConfig } from './load-config.js';
import { createProgress } from './progress-bar.js';
import { runReplay } from './replay-run.js';
import { formatReplaySummary } from './replay-summary.js';

const OUTPUT_FORMATS = ['table', 'json'] as const;
type OutputFormat = (typeof OUTPUT_FORMATS)[number];

interface ReplayOptions extends Record<string, unknown> {
  feedback?: boolean;
  output: OutputFormat;
}

export function replayCommand(): Command {
  const command = new Command('replay')
    .description('backtest alert correlation on recorded alerts (JSON lines) and score the grouping')
    .argument('<file>', 'JSON lines, one recorded alert (or merge, split, topology) per line, sorted by time')
    .option('--feedback', 'also replay applying the recorded merges and splits, and show before and after')
    .addOption(new Option('--output <format>', 'table for a person; json adds every alert with its decision').choices(OUTPUT_FORMATS).default('table'))
    .addHelpText(
      'after',
      `
Each line is one of (docs/correlation.md "Replay format"):
  {"time": "2026-03-02T10:30:00Z", "name": "p95 latency up", "service": "checkout",
   "labels": {"cluster": "eu"}, "summary": "p95 latency 1.4 s", "status": "firing", "label": "fault-1"}
  {"time": 1772447460000, "feedback": "merge", "alerts": ["<fingerprint>", "<fingerprint>"]}
  {"time": 1772447400000, "edges": [{"caller": "frontend", "callee": "checkout"}]}
Alerts are deduplicated by fingerprint (default: source, name, service and labels) and
correlated with correlation.* of the configuration. Compression is 1 − incidents / firing
alert events; purity and completeness are counted per deduplicated alert against "label".
Exit codes: 0 done, 2 a bad file, line or option.

Examples:
  $ opsloop replay alerts.jsonl
  $ opsloop replay alerts.jsonl --feedback --config opsloop.config.json
  $ opsloop replay alerts.jsonl --output json | jq '.alerts[0].correlation.reason'
`,
    )
    .action((file: string, options: ReplayOptions) => replay(file, options));
  return withConfigOptions(command);
}

async function replay(file: string, options: ReplayOptions): Promise<void> {
  const config = loadConfig(configSourcesFrom(options));
  const size = await inputFileSize(file);
  const progress = createProgress(process.stderr.isTTY === true, size, { task: 'replay', unit: 'lines' });
  const run = await runReplay(file, config.correlation, { feedback: options.feedback === true, progress });
  if (options.output === 'json') {
    const result = run.after ?? run.before;
    process.stdout.write(`${JSON.stringify({ before: run.before.metrics, ...(run.after ? { after: run.after.metrics, model: run.after.model } : {}), alerts: result.alerts })}\n`);
    return;
  }
  process.stdout.write(formatReplaySummary(file, run));
}
