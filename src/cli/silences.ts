/**
 * `opsloop silences list|add|expire`: silences and maintenance windows of a running opsloop
 * (docs/alerts.md), through /api/v1/silences.
 */
import { Command, Option } from 'commander';
import {
  SilenceListResponseSchema,
  SilencePreviewResponseSchema,
  SilenceResponseSchema,
  type Matcher,
  type SilenceInput,
  type SilenceView,
} from '../core/silence-api.js';
import { callOpsloop } from './api-client.js';
import { formatMatcher, parseDuration, parseMatcher } from './matcher-text.js';
import { addServerOptions, type ServerOptions } from './server-options.js';

/** Every call is quick; the rest is slack for a busy server. */
const TIMEOUT_MS = 30_000;

const STATES = ['active', 'pending', 'expired', 'all'] as const;

export function silencesCommand(): Command {
  return new Command('silences')
    .description('list, add (with a preview) and expire silences and maintenance windows of a running opsloop')
    .addCommand(listCommand())
    .addCommand(addCommand())
    .addCommand(expireCommand())
    .addHelpText(
      'after',
      `
Examples:
  $ opsloop silences list
  $ opsloop silences add -m service=search -m 'env!=dev' --reason "reindex" --by ana --for 2h --preview
  $ opsloop silences add -m service=ledger --maintenance --reason "db upgrade" --by ops \\
      --starts-at 2030-01-01T22:00:00Z --ends-at 2030-01-02T00:00:00Z
  $ opsloop silences expire sil_0123 --by ben
`,
    );
}

function listCommand(): Command {
  return addServerOptions(new Command('list'))
    .description('print silences, the newest created first')
    .addOption(new Option('--state <state>', 'which silences').choices(STATES).default('active'))
    .option('--json', 'print the API answer as JSON')
    .action(async (options: ServerOptions & { state: (typeof STATES)[number]; json?: boolean }) => {
      const query = options.state === 'all' ? '' : `&state=${options.state}`;
      const { silences } = await callOpsloop(options, {
        method: 'GET',
        path: `/api/v1/silences?limit=1000${query}`,
        schema: SilenceListResponseSchema,
        timeoutMs: TIMEOUT_MS,
        inputStatuses: [400, 404],
      });
      process.stdout.write(options.json ? `${JSON.stringify(silences, null, 2)}\n` : silences.map(line).join(''));
      process.stderr.write(`${silences.length} ${options.state === 'all' ? '' : `${options.state} `}silences\n`);
    });
}

interface AddOptions extends ServerOptions {
  matcher: Matcher[];
  reason: string;
  by: string;
  for?: number;
  startsAt?: string;
  endsAt?: string;
  maintenance?: boolean;
  preview?: boolean;
}

function addCommand(): Command {
  return addServerOptions(new Command('add'))
    .description('create a silence (or with --maintenance a maintenance window); audited')
    .requiredOption('-m, --matcher <matcher>', 'NAME=VALUE, NAME!=VALUE, NAME=~REGEX or NAME!~REGEX; repeat for more (all must match)', parseMatcher, [])
    .requiredOption('--reason <text>', 'why these alerts may be muted')
    .requiredOption('--by <name>', 'who creates it')
    .option('--for <duration>', 'how long from its start, e.g. 90m, 2h, 1d', parseDuration)
    .option('--starts-at <time>', 'RFC 3339 start; now when absent')
    .option('--ends-at <time>', 'RFC 3339 end (instead of --for)')
    .option('--maintenance', 'a maintenance window: needs a service matcher')
    .option('--preview', 'print what it would mute first')
    .action(async (options: AddOptions) => add(options));
}

async function add(options: AddOptions): Promise<void> {
  if (options.preview) {
    const preview = await callOpsloop(options, {
      method: 'POST',
      path: '/api/v1/silences/preview',
      body: { matchers: options.matcher },
      schema: SilencePreviewResponseSchema,
      timeoutMs: TIMEOUT_MS,
      inputStatuses: [400, 404],
    });
    const names = preview.alerts.map((alert) => `  ${alert.name}${alert.service ? ` on ${alert.service}` : ''}\n`).join('');
    process.stderr.write(`would mute ${preview.alerts.length} firing alerts and ${preview.signals.length} of the last ${preview.checkedSignals} signals\n${names}`);
  }
  const { silence } = await callOpsloop(options, {
    method: 'POST',
    path: '/api/v1/silences',
    body: silenceInput(options),
    schema: SilenceResponseSchema,
    timeoutMs: TIMEOUT_MS,
    inputStatuses: [400, 404],
  });
  process.stdout.write(line(silence));
}

function silenceInput(options: AddOptions): SilenceInput {
  const startsMs = options.startsAt === undefined ? Date.now() : Date.parse(options.startsAt);
  const endsAt = options.endsAt ?? new Date(startsMs + (options.for ?? 3_600_000)).toISOString();
  return {
    kind: options.maintenance ? 'maintenance' : 'silence',
    matchers: options.matcher,
    reason: options.reason,
    createdBy: options.by,
    ...(options.startsAt === undefined ? {} : { startsAt: options.startsAt }),
    endsAt,
  };
}

function expireCommand(): Command {
  return addServerOptions(new Command('expire'))
    .description('end a silence now; audited')
    .argument('<id>', 'the silence id (sil_…)')
    .requiredOption('--by <name>', 'who expires it')
    .action(async (id: string, options: ServerOptions & { by: string }) => {
      const { silence } = await callOpsloop(options, {
        method: 'DELETE',
        path: `/api/v1/silences/${encodeURIComponent(id)}?by=${encodeURIComponent(options.by)}`,
        schema: SilenceResponseSchema,
        timeoutMs: TIMEOUT_MS,
        inputStatuses: [400, 404],
      });
      process.stdout.write(line(silence));
    });
}

function line(silence: SilenceView): string {
  const span = `${new Date(silence.startsMs).toISOString()} → ${new Date(silence.endsMs).toISOString()}`;
  return `${silence.id}\t${silence.state}\t${silence.kind}\t{${silence.matchers.map(formatMatcher).join(', ')}}\t${span}\t${silence.createdBy}: ${silence.reason}\n`;
}
