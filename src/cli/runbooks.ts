/**
 * `opsloop runbooks validate PATH…`: checks runbook files (docs/runbooks.md) before they are
 * deployed, e.g. in CI: every problem as file:line:column, exit 2 when there is any. And the
 * runbooks of a running opsloop through its API: list, show, run (or dry-run), executions,
 * approve, cancel and the kill switch.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { Command } from 'commander';
import { formatProblems, loadRunbook } from '../act/runbooks/load-runbook.js';
import {
  ExecutionListResponseSchema,
  ExecutionResponseSchema,
  KillSwitchResponseSchema,
  RunbookListResponseSchema,
  RunbookResponseSchema,
  type Execution,
} from '../core/runbook-api.js';
import { callOpsloop } from './api-client.js';
import { InputError } from './input-error.js';
import { addServerOptions, type ServerOptions } from './server-options.js';
import { formatColumns } from './text-table.js';

const EXTENSIONS = new Set(['.yaml', '.yml']);

/** Every call is quick; the rest is slack for a busy server. */
const TIMEOUT_MS = 30_000;

export function runbooksCommand(): Command {
  return new Command('runbooks')
    .description('check runbook files, and run the runbooks of a running opsloop (docs/runbooks.md)')
    .addCommand(listCommand())
    .addCommand(showCommand())
    .addCommand(runCommand())
    .addCommand(executionsCommand())
    .addCommand(decisionCommand('approve', 'approve an execution waiting for approval'))
    .addCommand(decisionCommand('reject', 'reject an execution waiting for approval'))
    .addCommand(decisionCommand('cancel', 'cancel an execution that has not ended'))
    .addCommand(killSwitchCommand())
    .addCommand(
      new Command('validate')
        .description('check runbook YAML files or directories of them; prints file:line:column for each problem')
        .argument('<paths...>', 'runbook files, or directories whose .yaml/.yml files are checked')
        .addHelpText(
          'after',
          `
Examples:
  $ opsloop runbooks validate runbooks/
  $ opsloop runbooks validate runbooks/restart-service.yaml runbooks/rollback.yaml
`,
        )
        .action((paths: string[]) => {
          const files = paths.flatMap(runbookFiles);
          if (files.length === 0) throw new InputError(`no .yaml or .yml files in ${paths.join(', ')}`);
          const ids = new Map<string, string>();
          const problems: string[] = [];
          for (const file of files) {
            const loaded = loadRunbook(readFileSync(file, 'utf8'), file);
            if (!loaded.ok) {
              problems.push(formatProblems(loaded.problems));
              continue;
            }
            const other = ids.get(loaded.runbook.id);
            if (other !== undefined) problems.push(`${file}:1:1: runbook id "${loaded.runbook.id}" is also used by ${other}`);
            ids.set(loaded.runbook.id, file);
          }
          if (problems.length > 0) throw new InputError(`runbooks have problems:\n${problems.join('\n')}`);
          process.stdout.write(`${files.length} runbook${files.length === 1 ? '' : 's'} valid\n`);
        }),
    );
}

function runbookFiles(path: string): string[] {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    throw new InputError(`${path}: no such file or directory`);
  }
  if (!stat.isDirectory()) return [path];
  return readdirSync(path)
    .filter((name) => EXTENSIONS.has(extname(name)))
    .sort()
    .map((name) => join(path, name));
}

function listCommand(): Command {
  return addServerOptions(new Command('list'))
    .description('print the runbooks of a running opsloop, and runbook files that did not load')
    .option('--json', 'print the API answer as JSON')
    .action(async (options: ServerOptions & { json?: boolean }) => {
      const body = await callOpsloop(options, { method: 'GET', path: '/api/v1/runbooks', schema: RunbookListResponseSchema, timeoutMs: TIMEOUT_MS });
      if (options.json) {
        process.stdout.write(`${JSON.stringify(body, null, 2)}\n`);
        return;
      }
      const rows = body.runbooks.map((r) => [r.id, `v${r.version}`, r.origin, r.enabled ? 'enabled' : 'disabled', r.approvalRequired ? 'approval' : 'no approval', r.name]);
      process.stdout.write(formatColumns([['ID', 'VERSION', 'ORIGIN', 'STATE', 'APPROVAL', 'NAME'], ...rows]));
      for (const p of body.problems) process.stderr.write(`${p.source}:${p.line}:${p.column}: ${p.message}\n`);
    });
}

function showCommand(): Command {
  return addServerOptions(new Command('show'))
    .description("print one runbook's YAML source (and its versions on stderr)")
    .argument('<id>', 'the runbook id')
    .action(async (id: string, options: ServerOptions) => {
      const { runbook } = await callOpsloop(options, { method: 'GET', path: `/api/v1/runbooks/${encodeURIComponent(id)}`, schema: RunbookResponseSchema, timeoutMs: TIMEOUT_MS, inputStatuses: [400, 404] });
      process.stdout.write(runbook.source.endsWith('\n') ? runbook.source : `${runbook.source}\n`);
      process.stderr.write(`${runbook.id} v${runbook.version} (${runbook.origin}); versions ${runbook.versions.map((v) => v.version).join(', ')}\n`);
    });
}

function runCommand(): Command {
  return addServerOptions(new Command('run'))
    .description('start an execution of a runbook (with --dry-run: report what it would do, doing nothing)')
    .argument('<id>', 'the runbook id')
    .option('--input <name=value>', 'an input; repeat for more (numbers and true/false are typed)', collectInput, {})
    .option('--dry-run', 'render every step and report what would be done')
    .option('--incident <id>', 'the incident it acts for')
    .option('--json', 'print the execution as JSON')
    .addHelpText(
      'after',
      `
Examples:
  $ opsloop runbooks run restart-service --input service=cart --incident inc_0123
  $ opsloop runbooks run restart-service --input service=cart --dry-run
`,
    )
    .action(async (id: string, options: ServerOptions & { input: Record<string, string | number | boolean>; dryRun?: boolean; incident?: string; json?: boolean }) => {
      const { execution } = await callOpsloop(options, {
        method: 'POST',
        path: `/api/v1/runbooks/${encodeURIComponent(id)}/executions`,
        body: { inputs: options.input, dryRun: options.dryRun ?? false, ...(options.incident !== undefined ? { incidentId: options.incident } : {}) },
        schema: ExecutionResponseSchema,
        timeoutMs: TIMEOUT_MS,
        inputStatuses: [400, 404, 409],
      });
      process.stdout.write(options.json ? `${JSON.stringify(execution, null, 2)}\n` : describe(execution));
    });
}

function executionsCommand(): Command {
  return addServerOptions(new Command('executions'))
    .description('print executions, newest first; with an id, that execution and its steps')
    .argument('[id]', 'one execution')
    .option('--runbook <id>', 'only this runbook')
    .option('--incident <id>', 'only for this incident')
    .option('--status <statuses>', 'comma-separated, e.g. awaiting_approval')
    .option('--json', 'print the API answer as JSON')
    .action(async (id: string | undefined, options: ServerOptions & { runbook?: string; incident?: string; status?: string; json?: boolean }) => {
      if (id !== undefined) {
        const { execution } = await callOpsloop(options, { method: 'GET', path: `/api/v1/runbook-executions/${encodeURIComponent(id)}`, schema: ExecutionResponseSchema, timeoutMs: TIMEOUT_MS, inputStatuses: [400, 404] });
        process.stdout.write(options.json ? `${JSON.stringify(execution, null, 2)}\n` : describe(execution));
        return;
      }
      const query = new URLSearchParams({ limit: '100' });
      if (options.runbook !== undefined) query.set('runbook', options.runbook);
      if (options.incident !== undefined) query.set('incident', options.incident);
      if (options.status !== undefined) query.set('status', options.status);
      const { executions } = await callOpsloop(options, { method: 'GET', path: `/api/v1/runbook-executions?${query.toString()}`, schema: ExecutionListResponseSchema, timeoutMs: TIMEOUT_MS });
      if (options.json) {
        process.stdout.write(`${JSON.stringify(executions, null, 2)}\n`);
        return;
      }
      const rows = executions.map((e) => [e.id, e.runbookId, e.status + (e.dryRun ? ' (dry run)' : ''), new Date(e.createdMs).toISOString(), e.incidentId ?? '', e.error ?? '']);
      process.stdout.write(formatColumns([['ID', 'RUNBOOK', 'STATUS', 'CREATED', 'INCIDENT', 'ERROR'], ...rows]));
    });
}

function decisionCommand(name: 'approve' | 'reject' | 'cancel', description: string): Command {
  return addServerOptions(new Command(name))
    .description(description)
    .argument('<execution>', 'the execution id')
    .option('--comment <text>', 'why')
    .action(async (id: string, options: ServerOptions & { comment?: string }) => {
      const { execution } = await callOpsloop(options, {
        method: 'POST',
        path: `/api/v1/runbook-executions/${encodeURIComponent(id)}/${name}`,
        body: options.comment !== undefined ? { comment: options.comment } : {},
        schema: ExecutionResponseSchema,
        timeoutMs: TIMEOUT_MS,
        inputStatuses: [400, 404, 409],
      });
      process.stdout.write(describe(execution));
    });
}

function killSwitchCommand(): Command {
  return addServerOptions(new Command('kill-switch'))
    .description('show the runbook kill switch, or engage (on: cancels running executions, refuses new ones) or release (off) it')
    .argument('[state]', 'on or off')
    .option('--reason <text>', 'why, shown with the refusals')
    .action(async (state: string | undefined, options: ServerOptions & { reason?: string }) => {
      if (state !== undefined && state !== 'on' && state !== 'off') throw new InputError(`kill-switch takes on or off, not "${state}"`);
      const body =
        state === undefined
          ? await callOpsloop(options, { method: 'GET', path: '/api/v1/runbook-kill-switch', schema: KillSwitchResponseSchema, timeoutMs: TIMEOUT_MS })
          : await callOpsloop(options, { method: 'PUT', path: '/api/v1/runbook-kill-switch', body: { engaged: state === 'on', ...(options.reason !== undefined ? { reason: options.reason } : {}) }, schema: KillSwitchResponseSchema, timeoutMs: TIMEOUT_MS });
      const { killSwitch } = body;
      const cancelled = body.cancelled ? `; ${body.cancelled} execution(s) cancelled` : '';
      process.stdout.write(`kill switch ${killSwitch.engaged ? 'ENGAGED' : 'released'}${killSwitch.reason ? ` (${killSwitch.reason})` : ''}${killSwitch.changedBy ? ` by ${killSwitch.changedBy}` : ''}${cancelled}\n`);
    });
}

/** --input name=value, repeatable; "3" is a number and "true" a boolean, as the runbook's types expect. */
function collectInput(text: string, inputs: Record<string, string | number | boolean>): Record<string, string | number | boolean> {
  const at = text.indexOf('=');
  if (at <= 0) throw new InputError(`--input takes name=value, got "${text}"`);
  const value = text.slice(at + 1);
  const typed = value === 'true' ? true : value === 'false' ? false : value.trim() !== '' && Number.isFinite(Number(value)) ? Number(value) : value;
  return { ...inputs, [text.slice(0, at)]: typed };
}

function describe(execution: Execution): string {
  const lines = [`${execution.id} ${execution.runbookId} ${execution.status}${execution.dryRun ? ' (dry run)' : ''}${execution.error ? `: ${execution.error}` : ''}`];
  if (execution.approval?.state === 'pending') lines.push(`  awaits approval by ${[...execution.approval.roles, ...execution.approval.users].join(', ')} until ${new Date(execution.approval.expiresMs).toISOString()}`);
  for (const step of execution.steps) lines.push(`  ${step.phase === 'rollback' ? 'rollback ' : ''}${step.stepId} (${step.type}) ${step.status}${step.error ? `: ${step.error}` : ''}${typeof step.output?.['would'] === 'string' ? ` — would ${step.output['would']}` : ''}`);
  return `${lines.join('\n')}\n`;
}
