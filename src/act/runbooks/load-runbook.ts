/**
 * Reads one runbook from YAML text (docs/runbooks.md) and says precisely what is wrong: every
 * problem with the file name, line and column of the offending value — YAML syntax, the
 * schema (unknown step types, missing fields), liquid syntax, templates naming fields that do
 * not exist (an undeclared input, a later step, an incident field opsloop does not have), and
 * duplicate step ids. Pure: the caller reads the file.
 */
import { Liquid } from 'liquidjs';
import { isMap, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { AlertSchema, IncidentSchema } from '../../core/records.js';
import { RunbookSchema, type Runbook, type RunbookStep } from '../../core/runbook.js';

export interface RunbookProblem {
  source: string;
  line: number;
  column: number;
  message: string;
}

export type RunbookLoad = { ok: true; runbook: Runbook } | { ok: false; problems: RunbookProblem[] };

type Path = ReadonlyArray<string | number>;

/** Only for parsing and static analysis; rendering has its own sandboxed engine. */
const liquid = new Liquid({ ownPropertyOnly: true, strictFilters: true, parseLimit: 100_000 });

const INCIDENT_FIELDS = new Set([...Object.keys(IncidentSchema.shape), 'url']);
const ALERT_FIELDS = new Set(Object.keys(AlertSchema.shape));
const ROOTS = ['incident', 'alert', 'inputs', 'steps', 'runbook'];

export function loadRunbook(text: string, source: string): RunbookLoad {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (document.errors.length > 0) {
    return {
      ok: false,
      problems: document.errors.map((error) => {
        const position = error.linePos?.[0] ?? { line: 1, col: 1 };
        return { source, line: position.line, column: position.col, message: error.message.split('\n')[0] ?? error.message };
      }),
    };
  }
  const at = (path: Path, message: string): RunbookProblem => ({ source, ...positionOf(document, lineCounter, path), message });
  const parsed = RunbookSchema.safeParse(document.toJS());
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((issue) => at(issue.path as Path, describeIssue(issue))) };
  const problems = checkSemantics(parsed.data).map(({ path, message }) => at(path, message));
  return problems.length > 0 ? { ok: false, problems } : { ok: true, runbook: parsed.data };
}

export function formatProblems(problems: readonly RunbookProblem[]): string {
  return problems.map((p) => `${p.source}:${p.line}:${p.column}: ${p.message}`).join('\n');
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const field = issue.path.length > 0 ? issue.path.join('.') : 'runbook';
  if (issue.code === 'unrecognized_keys') return `${field}: unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  return `${field}: ${issue.message}`;
}

/** Where a path points in the file: the value itself, or the nearest enclosing node that exists. */
function positionOf(document: Document, lineCounter: LineCounter, path: Path): { line: number; column: number } {
  for (let length = path.length; length >= 0; length--) {
    const node = document.getIn(path.slice(0, length), true) as { range?: [number, number, number] } | undefined;
    if (node?.range) {
      const { line, col } = lineCounter.linePos(node.range[0]);
      return { line, column: col };
    }
  }
  const contents = document.contents;
  if (contents && (isMap(contents) || isSeq(contents)) && contents.range) {
    const { line, col } = lineCounter.linePos(contents.range[0]);
    return { line, column: col };
  }
  return { line: 1, column: 1 };
}

interface Finding {
  path: Path;
  message: string;
}

function checkSemantics(runbook: Runbook): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  const check = (list: 'steps' | 'rollback', steps: readonly RunbookStep[]) => {
    steps.forEach((step, index) => {
      if (seen.has(step.id)) findings.push({ path: [list, index, 'id'], message: `step id "${step.id}" is used twice` });
      // A rollback may read any main step's output; a main step only earlier ones.
      const earlier = list === 'rollback' ? new Set(runbook.steps.map((s) => s.id)) : new Set(seen);
      seen.add(step.id);
      for (const [field, template] of templatesOf(step)) {
        for (const message of checkTemplate(template, runbook, earlier)) findings.push({ path: [list, index, ...field], message });
      }
    });
  };
  check('steps', runbook.steps);
  check('rollback', runbook.rollback);
  if (runbook.target !== undefined) {
    for (const message of checkTemplate(runbook.target, runbook, new Set())) findings.push({ path: ['target'], message });
  }
  for (const [name, input] of Object.entries(runbook.inputs)) {
    if (typeof input.default === 'string') {
      for (const message of checkTemplate(input.default, runbook, new Set())) findings.push({ path: ['inputs', name, 'default'], message });
    }
  }
  return findings;
}

/** Every templated string of a step, with its path inside the step. */
function templatesOf(step: RunbookStep): Array<[Path, string]> {
  switch (step.type) {
    case 'http':
      return [[['url'], step.url], ...Object.entries(step.headers).map(([name, value]): [Path, string] => [['headers', name], value]), ...(step.body !== undefined ? [[['body'], step.body] as [Path, string]] : [])];
    case 'exec':
      return step.args.map((arg, index): [Path, string] => [['args', index], arg]);
    case 'notify':
      return [[['text'], step.text]];
    case 'incident':
      return step.note !== undefined ? [[['note'], step.note]] : [];
    case 'runbook':
      return Object.entries(step.inputs).flatMap(([name, value]): Array<[Path, string]> => (typeof value === 'string' ? [[['inputs', name], value]] : []));
    case 'verify': {
      const condition = step.condition;
      if ('metric' in condition) return condition.metric.service !== undefined ? [[['condition', 'metric', 'service'], condition.metric.service]] : [];
      if ('logs' in condition) return [[['condition', 'logs', 'query'], condition.logs.query], ...(condition.logs.service !== undefined ? [[['condition', 'logs', 'service'], condition.logs.service] as [Path, string]] : [])];
      const scope = condition.alertsResolved;
      return scope !== true && scope.service !== undefined ? [[['condition', 'alertsResolved', 'service'], scope.service]] : [];
    }
    case 'wait':
      return [];
  }
}

function checkTemplate(template: string, runbook: Runbook, earlierSteps: ReadonlySet<string>): string[] {
  let segments: Array<Array<string | number | unknown>>;
  try {
    segments = liquid.globalVariableSegmentsSync(liquid.parse(template)) as Array<Array<string | number | unknown>>;
  } catch (error) {
    return [`template does not parse: ${error instanceof Error ? (error.message.split('\n')[0] ?? error.message) : String(error)}`];
  }
  const problems: string[] = [];
  for (const segment of segments) {
    const [root, field] = segment;
    const name = segment.filter((part) => typeof part === 'string' || typeof part === 'number').join('.');
    if (typeof root !== 'string' || !ROOTS.includes(root)) {
      problems.push(`template names "${name}"; it can use ${ROOTS.join(', ')}`);
    } else if (typeof field === 'string') {
      if (root === 'inputs' && !Object.hasOwn(runbook.inputs, field)) problems.push(`template names input "${field}", which the runbook does not declare`);
      if (root === 'steps' && !earlierSteps.has(field)) problems.push(`template reads step "${field}", which does not run before this one`);
      if (root === 'incident' && !INCIDENT_FIELDS.has(field)) problems.push(`template names incident.${field}; an incident has ${[...INCIDENT_FIELDS].join(', ')}`);
      if (root === 'alert' && !ALERT_FIELDS.has(field)) problems.push(`template names alert.${field}; an alert has ${[...ALERT_FIELDS].join(', ')}`);
    }
  }
  return problems;
}
