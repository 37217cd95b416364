/**
 * Runs a runbook's steps in order (docs/runbooks.md "Execution"): each step's `if` (CEL over
 * incident, inputs and earlier steps), its templates rendered strictly, its handler called
 * under a per-step timeout, retried with doubling backoff, and on a failure that the step does
 * not tolerate (`continueOnFailure`), the rollback steps in order. The handlers do the I/O
 * (HTTP, executors, telemetry checks) and are given by the caller, so this is the whole policy
 * and can run on a fake clock. Every step ends in a record: nothing is left "running".
 */
import { parse } from '@marcbachmann/cel-js';
import type { Runbook, RunbookStep } from '../../core/runbook.js';
import { renderTemplate, type TemplateContext } from './render-template.js';

export type StepStatus = 'succeeded' | 'failed' | 'skipped' | 'timed_out' | 'cancelled';

export interface StepRecord {
  stepId: string;
  type: RunbookStep['type'];
  phase: 'main' | 'rollback';
  status: StepStatus;
  attempts: number;
  startedMs: number;
  endedMs: number;
  output?: Record<string, unknown>;
  error?: string;
}

/** What a handler gets: the step with its templates rendered, and a signal that fires on timeout or cancel. */
export type StepHandler = (step: RunbookStep, signal: AbortSignal) => Promise<Record<string, unknown>>;
export type StepHandlers = Readonly<Record<RunbookStep['type'], StepHandler>>;

export interface RunClock {
  now(): number;
  sleep(ms: number, signal: AbortSignal): Promise<void>;
}

export interface RunOptions {
  runbook: Runbook;
  context: Omit<TemplateContext, 'steps'>;
  handlers: StepHandlers;
  clock: RunClock;
  /** Cancels the run (kill switch, operator); the step in flight is told through its signal. */
  signal?: AbortSignal;
  /** Hears each step as it ends, for live step logs. */
  onStep?: (record: StepRecord) => void;
}

export interface RunResult {
  status: 'succeeded' | 'failed' | 'cancelled';
  steps: StepRecord[];
  /** The step whose failure stopped the run. */
  failedStep?: string;
}

const DEFAULT_STEP_TIMEOUT_S = 60;

export async function runSteps(options: RunOptions): Promise<RunResult> {
  const { runbook, clock } = options;
  const outputs: Record<string, unknown> = {};
  const records: StepRecord[] = [];
  const deadline = clock.now() + runbook.timeoutSeconds * 1000;
  const record = (entry: StepRecord) => {
    records.push(entry);
    options.onStep?.(entry);
  };

  let failedStep: string | undefined;
  for (const step of runbook.steps) {
    if (options.signal?.aborted) {
      record(closed(step, 'main', 'cancelled', clock.now(), 'the execution was cancelled'));
      return { status: 'cancelled', steps: records };
    }
    const entry = await runStep(step, 'main', options, outputs, deadline);
    record(entry);
    if (entry.output) outputs[step.id] = entry.output;
    if (entry.status === 'cancelled') return { status: 'cancelled', steps: records };
    if ((entry.status === 'failed' || entry.status === 'timed_out') && !step.continueOnFailure) {
      failedStep = step.id;
      break;
    }
  }
  if (failedStep === undefined) return { status: 'succeeded', steps: records };

  // Rollback steps can say what went wrong: steps.<failed step>.error.
  outputs[failedStep] = { ...(outputs[failedStep] as Record<string, unknown> | undefined), error: records.at(-1)?.error ?? '' };
  // Rollback gets its own time: the main steps may have used up the execution's.
  const rollbackDeadline = clock.now() + runbook.timeoutSeconds * 1000;
  for (const step of runbook.rollback) {
    const entry = await runStep(step, 'rollback', options, outputs, rollbackDeadline);
    record(entry);
    if (entry.output) outputs[step.id] = entry.output;
  }
  return { status: 'failed', steps: records, failedStep };
}

async function runStep(step: RunbookStep, phase: StepRecord['phase'], options: RunOptions, outputs: Record<string, unknown>, deadline: number): Promise<StepRecord> {
  const { clock } = options;
  const startedMs = clock.now();
  const context: TemplateContext = { ...options.context, steps: outputs };
  if (step.if !== undefined) {
    let holds: boolean;
    try {
      holds = parse(step.if)({ ...context }) === true;
    } catch (error) {
      return closed(step, phase, 'failed', startedMs, `if: ${message(error)}`, clock.now());
    }
    if (!holds) return closed(step, phase, 'skipped', startedMs, undefined, clock.now());
  }
  let rendered: RunbookStep;
  try {
    rendered = renderStep(step, context);
  } catch (error) {
    return closed(step, phase, 'failed', startedMs, message(error), clock.now());
  }

  const retries = step.retries ?? { max: 0, backoffSeconds: 2 };
  let lastError = '';
  let status: StepStatus = 'failed';
  for (let attempt = 1; attempt <= retries.max + 1; attempt++) {
    const budgetMs = Math.min(stepTimeoutMs(step), deadline - clock.now());
    if (budgetMs <= 0) return { ...closed(step, phase, 'timed_out', startedMs, 'the execution ran out of time', clock.now()), attempts: attempt - 1 };
    const outcome = await attemptStep(rendered, options, budgetMs);
    if (outcome.ok) return { stepId: step.id, type: step.type, phase, status: 'succeeded', attempts: attempt, startedMs, endedMs: clock.now(), output: outcome.output };
    lastError = outcome.error;
    status = outcome.status;
    if (status === 'cancelled' || attempt > retries.max) return { ...closed(step, phase, status, startedMs, lastError, clock.now()), attempts: attempt };
    const backoffMs = retries.backoffSeconds * 1000 * 2 ** (attempt - 1);
    const controller = new AbortController();
    try {
      await clock.sleep(backoffMs, options.signal ?? controller.signal);
    } catch {
      return { ...closed(step, phase, 'cancelled', startedMs, 'the execution was cancelled', clock.now()), attempts: attempt };
    }
  }
  return closed(step, phase, status, startedMs, lastError, clock.now());
}

type Attempt = { ok: true; output: Record<string, unknown> } | { ok: false; status: 'failed' | 'timed_out' | 'cancelled'; error: string };

/** One call of the handler, raced against its timeout and the run's cancellation. */
async function attemptStep(step: RunbookStep, options: RunOptions, budgetMs: number): Promise<Attempt> {
  const controller = new AbortController();
  const cancel = () => controller.abort(new Error('the execution was cancelled'));
  options.signal?.addEventListener('abort', cancel, { once: true });
  const timer = new AbortController();
  let timedOut = false;
  const timeout = options.clock.sleep(budgetMs, timer.signal).then(
    () => {
      timedOut = true;
      controller.abort(new Error(`timed out after ${budgetMs / 1000} s`));
    },
    () => undefined,
  );
  try {
    const work = options.handlers[step.type](step, controller.signal);
    const aborted = new Promise<never>((_, reject) => controller.signal.addEventListener('abort', () => reject(controller.signal.reason as Error), { once: true }));
    const output = await Promise.race([work, aborted]);
    return { ok: true, output };
  } catch (error) {
    if (timedOut) return { ok: false, status: 'timed_out', error: `timed out after ${budgetMs / 1000} s` };
    if (options.signal?.aborted) return { ok: false, status: 'cancelled', error: 'the execution was cancelled' };
    return { ok: false, status: 'failed', error: message(error) };
  } finally {
    timer.abort();
    await timeout;
    options.signal?.removeEventListener('abort', cancel);
  }
}

function stepTimeoutMs(step: RunbookStep): number {
  if (step.timeoutSeconds !== undefined) return step.timeoutSeconds * 1000;
  // A wait or a verify has its own length; the step may take that plus a margin.
  if (step.type === 'wait') return (step.seconds + DEFAULT_STEP_TIMEOUT_S) * 1000;
  if (step.type === 'verify') return (step.withinSeconds + DEFAULT_STEP_TIMEOUT_S) * 1000;
  return DEFAULT_STEP_TIMEOUT_S * 1000;
}

/** The step with every template field rendered; non-template fields as written. */
function renderStep(step: RunbookStep, context: TemplateContext): RunbookStep {
  const render = (template: string) => renderTemplate(template, context);
  switch (step.type) {
    case 'http':
      return { ...step, url: render(step.url), headers: Object.fromEntries(Object.entries(step.headers).map(([k, v]) => [k, render(v)])), ...(step.body !== undefined ? { body: render(step.body) } : {}) };
    case 'exec':
      return { ...step, args: step.args.map(render) };
    case 'notify':
      return { ...step, text: render(step.text) };
    case 'incident':
      return step.note !== undefined ? { ...step, note: render(step.note) } : step;
    case 'runbook':
      return { ...step, inputs: Object.fromEntries(Object.entries(step.inputs).map(([k, v]) => [k, typeof v === 'string' ? render(v) : v])) };
    case 'verify': {
      const condition = step.condition;
      if ('metric' in condition && condition.metric.service !== undefined) return { ...step, condition: { metric: { ...condition.metric, service: render(condition.metric.service) } } };
      if ('logs' in condition) {
        const { service } = condition.logs;
        return { ...step, condition: { logs: { ...condition.logs, query: render(condition.logs.query), ...(service !== undefined ? { service: render(service) } : {}) } } };
      }
      if ('alertsResolved' in condition && condition.alertsResolved !== true && condition.alertsResolved.service !== undefined) {
        return { ...step, condition: { alertsResolved: { ...condition.alertsResolved, service: render(condition.alertsResolved.service) } } };
      }
      return step;
    }
    case 'wait':
      return step;
  }
}

function closed(step: RunbookStep, phase: StepRecord['phase'], status: StepStatus, startedMs: number, error?: string, endedMs: number = startedMs): StepRecord {
  return { stepId: step.id, type: step.type, phase, status, attempts: 0, startedMs, endedMs, ...(error !== undefined ? { error } : {}) };
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
