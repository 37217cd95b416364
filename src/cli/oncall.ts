/**
 * `opsloop oncall`: who is on call now, per schedule, asked of a running opsloop
 * (GET /api/v1/oncall/now).
 */
import { Command, Option } from 'commander';
import { OnCallNowResponseSchema, type OnCallNowResponse } from '../core/notify-api.js';
import { callOpsloop } from './api-client.js';
import { OutputWriter } from './output-writer.js';
import { addServerOptions, type ServerOptions } from './server-options.js';
import { formatColumns } from './text-table.js';

const OUTPUT_FORMATS = ['table', 'json'] as const;
const TIMEOUT_MS = 10_000;

interface OnCallOptions extends ServerOptions {
  schedule?: string;
  output: (typeof OUTPUT_FORMATS)[number];
}

export function oncallCommand(): Command {
  return addServerOptions(new Command('oncall'))
    .description('print who is on call now in each schedule (or one), asking a running opsloop')
    .option('--schedule <id>', 'only this schedule')
    .addOption(new Option('--output <format>', 'table for a person, json for a program').choices(OUTPUT_FORMATS).default('table'))
    .addHelpText(
      'after',
      `
Shows, per schedule, the person on call now (overrides and layers applied), their contact, and
until when, in the schedule's time zone. Exit codes: 0 answered, 1 opsloop unreachable or
failing, 2 an unknown schedule.

Examples:
  $ opsloop oncall
  $ opsloop oncall --schedule primary --url http://opsloop:7070
  $ opsloop oncall --output json | jq -r '.schedules[0].onCall[0].user.email'
`,
    )
    .action((options: OnCallOptions) => oncall(options));
}

async function oncall(options: OnCallOptions): Promise<void> {
  const query = options.schedule === undefined ? '' : `?schedule=${encodeURIComponent(options.schedule)}`;
  const answer = await callOpsloop(options, { method: 'GET', path: `/api/v1/oncall/now${query}`, schema: OnCallNowResponseSchema, timeoutMs: TIMEOUT_MS, inputStatuses: [400, 404] });
  const writer = new OutputWriter(process.stdout);
  await writer.write(options.output === 'json' ? `${JSON.stringify(answer, null, 2)}\n` : formatOnCall(answer));
  await writer.end(false, 'stdout');
}

/** One line per schedule: schedule, person, contact, until (local time of the schedule). */
export function formatOnCall(answer: OnCallNowResponse): string {
  if (answer.schedules.length === 0) return 'no schedules; create one with POST /api/v1/schedules (docs/notifications.md)\n';
  const rows = answer.schedules.map(({ schedule, onCall }) => {
    const shift = onCall[0];
    if (!shift) return [schedule.name, 'nobody', '', ''];
    const contact = shift.user?.email ?? shift.user?.slackHandle ?? '';
    const until = new Intl.DateTimeFormat('sv-SE', { timeZone: schedule.timeZone, dateStyle: 'short', timeStyle: 'short' }).format(shift.endMs);
    return [schedule.name, shift.user?.name ?? shift.userId, contact, `${until} ${schedule.timeZone}`];
  });
  return formatColumns([['SCHEDULE', 'ON CALL', 'CONTACT', 'UNTIL'], ...rows]);
}
