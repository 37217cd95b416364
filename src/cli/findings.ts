/**
 * `opsloop findings`: import a scanner report into a running opsloop from CI
 * (POST /api/v1/findings/import), and list findings and remediation tasks (docs/findings.md).
 */
import { readFile } from 'node:fs/promises';
import { Command, Option } from 'commander';
import {
  FindingListResponseSchema,
  ImportResponseSchema,
  SCANNER_FORMATS,
  TargetKindSchema,
  TaskListResponseSchema,
  type ImportResponse,
  type PrioritisedFinding,
  type RemediationTask,
} from '../core/findings-api.js';
import { callOpsloop } from './api-client.js';
import { InputError } from './input-error.js';
import { inputFileSize } from './input-file.js';
import { OutputWriter } from './output-writer.js';
import { addServerOptions, type ServerOptions } from './server-options.js';
import { formatColumns } from './text-table.js';

const OUTPUT_FORMATS = ['table', 'json'] as const;
/** A large report is parsed, deduped and prioritised before the answer. */
const TIMEOUT_MS = 120_000;

interface ImportOptions extends ServerOptions {
  format?: string;
  target?: string;
  targetKind?: string;
  output: (typeof OUTPUT_FORMATS)[number];
}

interface ListOptions extends ServerOptions {
  status?: string;
  severity?: string;
  decision?: string;
  service?: string;
  team?: string;
  kev?: boolean;
  q?: string;
  limit: string;
  output: (typeof OUTPUT_FORMATS)[number];
}

export function findingsCommand(): Command {
  return new Command('findings')
    .description('security findings from scanner reports: import, list, remediation tasks (docs/findings.md)')
    .addCommand(importCommand())
    .addCommand(listCommand())
    .addCommand(tasksCommand());
}

function outputOption(): Option {
  return new Option('--output <format>', 'table for a person, json for a program').choices(OUTPUT_FORMATS).default('table');
}

function importCommand(): Command {
  return addServerOptions(new Command('import'))
    .description('send a Trivy, Grype, SARIF, CycloneDX (SBOM or VEX) or OSV-Scanner JSON report to opsloop')
    .argument('<file>', 'the report the scanner wrote')
    .addOption(new Option('--format <format>', 'the report format (default: detected)').choices(SCANNER_FORMATS))
    .option('--target <name>', 'what was scanned: an image, a repository URL or a name (default: from the report)')
    .addOption(new Option('--target-kind <kind>', 'what kind of target --target names').choices(TargetKindSchema.options))
    .addOption(outputOption())
    .addHelpText(
      'after',
      `
The report is stored, merged into findings (deduplicated across scanners) and prioritised
before opsloop answers; findings this scanner reported before for the same target and no
longer reports are marked fixed. Needs a token with the ingest scope. Exit codes: 0 imported,
1 opsloop unreachable or failing, 2 a bad file or a report opsloop refused.

Examples:
  $ trivy image --format json -o trivy.json ghcr.io/acme/cart:1.4.3
  $ OPSLOOP_TOKEN=… opsloop findings import trivy.json
  $ osv-scanner --format json -r . > osv.json
  $ opsloop findings import osv.json --target https://github.com/acme/shop --target-kind repository
`,
    )
    .action((file: string, options: ImportOptions) => importReport(file, options));
}

async function importReport(file: string, options: ImportOptions): Promise<void> {
  await inputFileSize(file);
  let report: unknown;
  try {
    report = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new InputError(`${file} is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const query = new URLSearchParams();
  if (options.format !== undefined) query.set('format', options.format);
  if (options.target !== undefined) query.set('target', options.target);
  if (options.targetKind !== undefined) query.set('targetKind', options.targetKind);
  const answer = await callOpsloop(options, { method: 'POST', path: `/api/v1/findings/import?${query.toString()}`, body: report, schema: ImportResponseSchema, timeoutMs: TIMEOUT_MS, inputStatuses: [400, 413] });
  await write(options.output === 'json' ? `${JSON.stringify(answer, null, 2)}\n` : formatImport(answer));
}

export function formatImport(answer: ImportResponse): string {
  const { scan } = answer;
  return `${scan.format} scan ${scan.id} of ${scan.target.kind} ${scan.target.name}: ${scan.observations} vulnerabilities reported; ${answer.created} new, ${answer.seen} seen again, ${answer.reopened} reopened, ${answer.fixed} fixed, ${answer.suppressed} suppressed\n`;
}

function listCommand(): Command {
  return addServerOptions(new Command('list'))
    .description('findings, highest risk score first')
    .option('--status <list>', 'comma-separated statuses (default: open,triaged,in_remediation)')
    .option('--severity <list>', 'comma-separated severities')
    .option('--decision <list>', 'comma-separated SSVC decisions: Track, Track*, Attend, Act')
    .option('--service <name>', 'only findings of this service')
    .option('--team <name>', 'only findings this team owns')
    .option('--kev', 'only findings in the KEV catalogue')
    .option('--q <text>', 'vulnerability id, alias, package or target containing this')
    .option('--limit <count>', 'most findings listed', '50')
    .addOption(outputOption())
    .addHelpText('after', `\nExamples:\n  $ opsloop findings list --decision Act,Attend\n  $ opsloop findings list --service cart --output json | jq -r '.findings[].id'\n`)
    .action((options: ListOptions) => listFindings(options));
}

async function listFindings(options: ListOptions): Promise<void> {
  const query = new URLSearchParams({ limit: options.limit });
  for (const key of ['status', 'severity', 'decision', 'service', 'team', 'q'] as const) {
    const value = options[key];
    if (value !== undefined) query.set(key, value);
  }
  if (options.kev) query.set('kev', 'true');
  const answer = await callOpsloop(options, { method: 'GET', path: `/api/v1/findings?${query.toString()}`, schema: FindingListResponseSchema, timeoutMs: TIMEOUT_MS });
  await write(options.output === 'json' ? `${JSON.stringify(answer, null, 2)}\n` : formatFindings(answer.findings));
}

export function formatFindings(findings: readonly PrioritisedFinding[]): string {
  if (findings.length === 0) return 'no findings match\n';
  return formatColumns([
    ['SCORE', 'DECISION', 'VULNERABILITY', 'PACKAGE', 'FIX', 'TARGET', 'STATUS', 'DUE'],
    ...findings.map((f) => [
      f.priority.score.toFixed(1),
      f.priority.ssvc.decision,
      f.vulnerabilityId,
      `${f.package.name} ${f.package.installedVersions.join(',')}`,
      f.fixedVersions.join(',') || '-',
      f.services.join(',') || f.target.name,
      f.status,
      `${new Date(f.priority.dueMs).toISOString().slice(0, 10)}${f.overdue ? ' overdue' : ''}`,
    ]),
  ]);
}

function tasksCommand(): Command {
  return addServerOptions(new Command('tasks'))
    .description('remediation tasks: findings grouped per service and package, earliest deadline first')
    .option('--service <name>', 'only tasks of this service')
    .option('--team <name>', 'only tasks of this team')
    .addOption(outputOption())
    .action((options: ServerOptions & { service?: string; team?: string; output: (typeof OUTPUT_FORMATS)[number] }) => listTasks(options));
}

async function listTasks(options: ServerOptions & { service?: string; team?: string; output: (typeof OUTPUT_FORMATS)[number] }): Promise<void> {
  const query = new URLSearchParams();
  if (options.service !== undefined) query.set('service', options.service);
  if (options.team !== undefined) query.set('team', options.team);
  const answer = await callOpsloop(options, { method: 'GET', path: `/api/v1/findings/tasks?${query.toString()}`, schema: TaskListResponseSchema, timeoutMs: TIMEOUT_MS });
  await write(options.output === 'json' ? `${JSON.stringify(answer, null, 2)}\n` : formatTasks(answer.tasks));
}

export function formatTasks(tasks: readonly RemediationTask[]): string {
  if (tasks.length === 0) return 'no remediation tasks\n';
  return formatColumns([
    ['DUE', 'DECISION', 'SERVICE', 'PACKAGE', 'UPGRADE', 'FINDINGS', 'STATUS'],
    ...tasks.map((t) => [
      `${new Date(t.dueMs).toISOString().slice(0, 10)}${t.overdue ? ' overdue' : ''}`,
      t.decision,
      t.service ?? t.target.name,
      t.package.name,
      `${t.installedVersions.join(',')} → ${t.fixedVersion ?? '(no fix)'}`,
      String(t.findingIds.length),
      t.status,
    ]),
  ]);
}

async function write(text: string): Promise<void> {
  const writer = new OutputWriter(process.stdout);
  await writer.write(text);
  await writer.end(false, 'stdout');
}
