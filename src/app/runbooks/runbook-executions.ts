/**
 * Executions of runbooks (docs/runbooks.md "Executions"): started by a person, a trigger, a
 * schedule or another runbook; refused with the reason (recorded) when the kill switch or a
 * limit says so; held for approval when the runbook requires it; run step by step with each
 * step record stored as it ends; told on the incident's timeline; audited with inputs and
 * outputs, secrets redacted. Every execution ends: a restart marks those it interrupted failed.
 */
import type { Logger } from 'pino';
import type { RunClock, RunResult, StepRecord } from '../../act/runbooks/run-steps.js';
import { runSteps } from '../../act/runbooks/run-steps.js';
import { InputsError, resolveInputs, type InputValue } from '../../act/runbooks/runbook-inputs.js';
import { renderTemplate, TemplateError, type TemplateContext } from '../../act/runbooks/render-template.js';
import type { Role } from '../../core/access.js';
import { OpsError } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import type { Change, Incident } from '../../core/records.js';
import { FINAL_EXECUTION_STATUSES, type Execution, type ExecutionStatus, type ExecutionTrigger, type KillSwitch, type StepRecordView } from '../../core/runbook-api.js';
import { redactSecrets } from '../../server/redact-secrets.js';
import type { ExecutionFilter, Store, StoredExecution } from '../../store/store.js';
import type { ApprovalLinks } from './approval-links.js';
import type { CatalogEntry, RunbookCatalog } from './runbook-catalog.js';
import { limitRefusal } from './runbook-limits.js';
import type { RunbookMessenger } from './runbook-messages.js';
import { dryRunHandlers, liveHandlers, type HandlerDeps, type StepScope } from './step-handlers.js';

export interface StartRequest {
  inputs?: Readonly<Record<string, InputValue>>;
  dryRun?: boolean;
  incidentId?: string;
}

/** Who decides an approval: the roles they hold, or every role when sign-in is off. */
export interface Approver {
  actor: string;
  userId?: string;
  roles: readonly Role[] | 'any';
}

export interface ExecutionsOptions {
  store: Store;
  catalog: RunbookCatalog;
  links: ApprovalLinks;
  messenger: RunbookMessenger;
  handlers: Omit<HandlerDeps, 'store' | 'clock' | 'messenger'>;
  clock: RunClock;
  uiUrl: string;
  maxDepth: number;
  /**
   * Records an action a runbook took on its target (an http or exec step that succeeded) as a
   * change of kind `runbook`: a restart or scale-out shifts the target's metrics, and RCA,
   * capacity forecasts and timelines should know why.
   */
  recordChange?: (change: Change) => void;
  /** The time a change is recorded at: event time, like the telemetry it explains. @default clock.now */
  changeTime?: () => number;
  logger?: Pick<Logger, 'warn'>;
}

type Stored = Omit<Execution, 'steps'>;
const KILL_SWITCH_STATE = 'kill_switch';
/** Enough history for the limits: a runbook's per-hour limit is at most 1000. */
const LIMIT_SCAN = 5000;
const ACTIVE: readonly ExecutionStatus[] = ['queued', 'awaiting_approval', 'running'];

export class RunbookExecutions {
  readonly #options: ExecutionsOptions;
  readonly #running = new Map<string, { controller: AbortController; done: Promise<Stored> }>();
  readonly #cancelReasons = new Map<string, string>();

  constructor(options: ExecutionsOptions) {
    this.#options = options;
    this.#recoverInterrupted();
  }

  // --- Starting ---------------------------------------------------------------------------------

  /** Throws OpsError NOT_FOUND (runbook, incident), VALIDATION (inputs), CONFLICT (refused: the reason). */
  start(runbookId: string, request: StartRequest, trigger: ExecutionTrigger, depth = 0): Execution {
    const stored = this.#create(runbookId, request, trigger, depth);
    if (stored.status === 'rejected') throw new OpsError('OPS_ERR_CONFLICT', [stored.error ?? 'refused']);
    return this.get(stored.id);
  }

  #create(runbookId: string, request: StartRequest, trigger: ExecutionTrigger, depth: number): Stored {
    const { store, catalog, clock } = this.#options;
    const entry = catalog.require(runbookId);
    const { runbook } = entry;
    if (!entry.enabled) throw new OpsError('OPS_ERR_CONFLICT', [`runbook ${runbookId} is disabled`]);
    if (trigger.kind === 'manual' && !runbook.triggers.manual) throw new OpsError('OPS_ERR_CONFLICT', [`runbook ${runbookId} cannot be started by hand (triggers.manual is false)`]);
    const incident = request.incidentId !== undefined ? store.incidents.get(request.incidentId) : undefined;
    if (request.incidentId !== undefined && incident === undefined) throw new OpsError('OPS_ERR_NOT_FOUND', [`Incident ${request.incidentId}`]);
    const context = this.#templateContext(incident, trigger.alertId, { id: runbook.id, name: runbook.name });
    let inputs: Record<string, InputValue>;
    let target: string | undefined;
    try {
      inputs = resolveInputs(runbook, request.inputs ?? {}, context);
      target = runbook.target !== undefined ? renderTemplate(runbook.target, { ...context, inputs, steps: {} }) : undefined;
    } catch (error) {
      if (error instanceof InputsError || error instanceof TemplateError) throw new OpsError('OPS_ERR_VALIDATION', [error.message]);
      throw error;
    }
    const nowMs = clock.now();
    const dryRun = request.dryRun ?? false;
    const base: Stored = {
      id: newId('rbx'),
      runbookId,
      runbookName: runbook.name,
      runbookVersion: entry.version,
      status: 'queued',
      dryRun,
      inputs: redactSecrets(inputs) as Record<string, unknown>,
      ...(target !== undefined ? { target } : {}),
      ...(incident ? { incidentId: incident.id } : {}),
      trigger,
      depth,
      createdMs: nowMs,
    };
    const refusal = dryRun ? undefined : this.#refusal(entry, target, nowMs);
    if (refusal !== undefined) {
      const refused: Stored = { ...base, status: 'rejected', error: `refused: ${refusal}`, endedMs: nowMs };
      this.#save(refused, inputs);
      this.#tell(refused, `not started: ${refusal}`);
      this.#audit(refused, 'runbook.execution.refused');
      return refused;
    }
    // A called runbook acts under its caller's approval; a dry run acts on nothing.
    const needsApproval = runbook.approval.required && !dryRun && trigger.kind !== 'runbook';
    if (!needsApproval) {
      this.#save(base, inputs);
      if (trigger.kind !== 'manual') this.#audit(base, 'runbook.execution.start');
      this.#launch(base, inputs, entry);
      return base;
    }
    const expiresMs = nowMs + runbook.approval.expiresMinutes * 60_000;
    const requester = trigger.userId ?? trigger.by;
    const notBy = runbook.approval.fourEyes && trigger.kind === 'manual' && requester !== undefined ? { notBy: requester } : {};
    const waiting: Stored = { ...base, status: 'awaiting_approval', approval: { state: 'pending', roles: runbook.approval.roles, users: runbook.approval.users, ...notBy, expiresMs } };
    this.#save(waiting, inputs);
    if (trigger.kind !== 'manual') this.#audit(waiting, 'runbook.execution.start');
    this.#askForApproval(waiting);
    return waiting;
  }

  #refusal(entry: CatalogEntry, target: string | undefined, nowMs: number): string | undefined {
    const killSwitch = this.killSwitch();
    if (killSwitch.engaged) return `the kill switch is engaged${killSwitch.reason ? ` (${killSwitch.reason})` : ''}`;
    const recent = this.#options.store.runbooks.executions({ fromMs: nowMs - 3_600_000, limit: LIMIT_SCAN });
    const active = this.#options.store.runbooks.executions({ statuses: ACTIVE, limit: LIMIT_SCAN });
    const byId = new Map([...recent, ...active].map((execution) => [execution.id, execution]));
    return limitRefusal(entry.runbook, target, [...byId.values()], nowMs);
  }

  #askForApproval(execution: Stored): void {
    const approval = execution.approval;
    if (approval === undefined) return;
    const link = `${this.#base()}/#/runbooks/approve?token=${encodeURIComponent(this.#options.links.token(execution.id, approval.expiresMs))}`;
    const who = [...approval.roles.map((role) => `a ${role}`), ...approval.users].join(', ');
    this.#tell(execution, `awaits approval by ${who || 'an admin'} until ${new Date(approval.expiresMs).toISOString()}: ${link}`);
    if (execution.incidentId === undefined) return;
    void this.#options.messenger
      .send({ incidentId: execution.incidentId, subject: `Approve runbook ${execution.runbookName}?`, text: `Runbook ${execution.runbookName} waits for approval (${who}) until ${new Date(approval.expiresMs).toISOString()}. Approve or reject: ${link}`, url: this.#url(execution.id) })
      .catch((error: unknown) => this.#options.logger?.warn({ err: error, execution: execution.id }, 'approval request not sent'));
  }

  // --- Deciding ---------------------------------------------------------------------------------

  approve(id: string, approver: Approver, comment?: string): Execution {
    return this.#decide(id, approver, 'approved', comment);
  }

  reject(id: string, approver: Approver, comment?: string): Execution {
    return this.#decide(id, approver, 'rejected', comment);
  }

  /** Throws OpsError FORBIDDEN or VALIDATION for a link that is not valid. */
  decideByLink(token: string, approver: Approver, decision: 'approve' | 'reject', comment?: string): Execution {
    const id = this.executionOfLink(token);
    return this.#decide(id, approver, decision === 'approve' ? 'approved' : 'rejected', comment);
  }

  executionOfLink(token: string): string {
    const verified = this.#options.links.verify(token, this.#options.clock.now());
    if ('refused' in verified) throw new OpsError('OPS_ERR_FORBIDDEN', [verified.refused]);
    return verified.executionId;
  }

  #decide(id: string, approver: Approver, state: 'approved' | 'rejected', comment?: string): Execution {
    this.sweep();
    const { execution, inputs } = this.#stored(id);
    const approval = execution.approval;
    if (execution.status !== 'awaiting_approval' || approval === undefined || approval.state !== 'pending') {
      throw new OpsError('OPS_ERR_CONFLICT', [`execution ${id} is ${execution.status}${approval?.decidedBy ? ` (decided by ${approval.decidedBy})` : ''}: there is nothing to decide`]);
    }
    const mayDecide = approver.roles === 'any' || approver.roles.some((role) => approval.roles.includes(role)) || (approver.userId !== undefined && approval.users.includes(approver.userId));
    if (!mayDecide) throw new OpsError('OPS_ERR_FORBIDDEN', [`runbook ${execution.runbookId} is approved by ${[...approval.roles.map((r) => `role ${r}`), ...approval.users.map((u) => `user ${u}`)].join(', ')}; ${approver.actor} is neither`]);
    // With sign-in off everyone is the same anonymous caller: four eyes cannot be told apart.
    if (state === 'approved' && approval.notBy !== undefined && approver.roles !== 'any' && (approver.userId ?? approver.actor) === approval.notBy) {
      throw new OpsError('OPS_ERR_FORBIDDEN', [`runbook ${execution.runbookId} needs four eyes: ${approval.notBy} started this execution, so someone else must approve it`]);
    }
    const nowMs = this.#options.clock.now();
    if (state === 'approved' && this.killSwitch().engaged) throw new OpsError('OPS_ERR_CONFLICT', ['the kill switch is engaged: nothing may start until it is released']);
    const decided: Stored = {
      ...execution,
      status: state === 'approved' ? 'queued' : 'rejected',
      approval: { ...approval, state, decidedBy: approver.actor, decidedMs: nowMs, ...(comment ? { comment } : {}) },
      ...(state === 'rejected' ? { endedMs: nowMs, error: `rejected by ${approver.actor}${comment ? `: ${comment}` : ''}` } : {}),
    };
    this.#save(decided, inputs);
    this.#tell(decided, `${state} by ${approver.actor}${comment ? `: ${comment}` : ''}`);
    if (state === 'approved') this.#launch(decided, inputs, this.#options.catalog.require(execution.runbookId));
    else this.#audit(decided, 'runbook.execution.ended');
    return this.get(id);
  }

  /** Ends approvals whose time ran out; runs on a timer and before every decision. */
  sweep(): number {
    const nowMs = this.#options.clock.now();
    let expired = 0;
    for (const execution of this.#options.store.runbooks.executions({ statuses: ['awaiting_approval'], limit: LIMIT_SCAN })) {
      if (execution.approval === undefined || execution.approval.expiresMs > nowMs) continue;
      const stored = this.#stored(execution.id);
      const ended: Stored = { ...execution, status: 'expired', approval: { ...execution.approval, state: 'expired' }, endedMs: nowMs, error: `nobody approved it within ${Math.round((execution.approval.expiresMs - execution.createdMs) / 60_000)} minutes` };
      this.#save(ended, stored.inputs);
      this.#tell(ended, `expired: ${ended.error ?? ''}`);
      this.#audit(ended, 'runbook.execution.ended');
      expired++;
    }
    return expired;
  }

  // --- Cancelling and the kill switch ------------------------------------------------------------

  cancel(id: string, by: string, reason = `cancelled by ${by}`): Execution {
    const { execution, inputs } = this.#stored(id);
    if (FINAL_EXECUTION_STATUSES.has(execution.status)) throw new OpsError('OPS_ERR_CONFLICT', [`execution ${id} has already ended (${execution.status})`]);
    const running = this.#running.get(id);
    if (running) {
      // The runner stops the step in flight and records the cancel; the end is written there.
      this.#cancelReasons.set(id, reason);
      running.controller.abort(new Error(reason));
    } else {
      const ended: Stored = { ...execution, status: 'cancelled', endedMs: this.#options.clock.now(), error: reason, ...(execution.approval?.state === 'pending' ? { approval: { ...execution.approval, state: 'rejected', decidedBy: by } } : {}) };
      this.#save(ended, inputs);
      this.#tell(ended, reason);
      this.#audit(ended, 'runbook.execution.ended');
    }
    return this.get(id);
  }

  killSwitch(): KillSwitch {
    const state = this.#options.store.runbooks.state(KILL_SWITCH_STATE);
    return state === undefined ? { engaged: false } : (JSON.parse(state) as KillSwitch);
  }

  /** Engaging cancels every execution not yet ended; returns how many. */
  setKillSwitch(engaged: boolean, by: string, reason?: string): { killSwitch: KillSwitch; cancelled: number } {
    const killSwitch: KillSwitch = { engaged, changedBy: by, changedMs: this.#options.clock.now(), ...(reason ? { reason } : {}) };
    this.#options.store.runbooks.setState(KILL_SWITCH_STATE, JSON.stringify(killSwitch));
    let cancelled = 0;
    if (engaged) {
      for (const execution of this.#options.store.runbooks.executions({ statuses: ACTIVE, limit: LIMIT_SCAN })) {
        this.cancel(execution.id, by, `cancelled by the kill switch (${by}${reason ? `: ${reason}` : ''})`);
        cancelled++;
      }
    }
    return { killSwitch, cancelled };
  }

  // --- Reading ----------------------------------------------------------------------------------

  get(id: string): Execution {
    const { execution } = this.#stored(id);
    return { ...execution, steps: this.#options.store.runbooks.steps(id) };
  }

  list(filter: ExecutionFilter): Execution[] {
    return this.#options.store.runbooks.executions(filter).map((execution) => ({ ...execution, steps: this.#options.store.runbooks.steps(execution.id) }));
  }

  /** Resolves when the execution has ended (at once for one that has). */
  async ended(id: string): Promise<Execution> {
    await this.#running.get(id)?.done;
    return this.get(id);
  }

  /** Resolves once every execution running now has ended (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.#running.size > 0) await Promise.allSettled([...this.#running.values()].map((running) => running.done));
  }

  /** Cancels what runs (shutdown): a restart would mark it interrupted anyway. */
  async close(): Promise<void> {
    for (const [, running] of this.#running) running.controller.abort(new Error('opsloop is stopping'));
    await this.idle();
  }

  // --- Running ----------------------------------------------------------------------------------

  #launch(queued: Stored, inputs: Record<string, InputValue>, entry: CatalogEntry): void {
    const controller = new AbortController();
    const done = this.#run(queued, inputs, entry, controller).finally(() => this.#running.delete(queued.id));
    this.#running.set(queued.id, { controller, done });
  }

  async #run(queued: Stored, inputs: Record<string, InputValue>, entry: CatalogEntry, controller: AbortController): Promise<Stored> {
    const { store, clock } = this.#options;
    // Let the caller have its answer (201) before the first step's I/O.
    await Promise.resolve();
    let execution: Stored = { ...queued, status: 'running', startedMs: clock.now() };
    this.#save(execution, inputs);
    this.#tell(execution, `started${queued.dryRun ? ' (dry run)' : ''} by ${describeTrigger(queued.trigger)}`);
    const incident = queued.incidentId !== undefined ? store.incidents.get(queued.incidentId) : undefined;
    const context = this.#templateContext(incident, queued.trigger.alertId, { id: entry.runbook.id, name: entry.runbook.name });
    const scope: StepScope = {
      executionId: queued.id,
      runbookId: queued.runbookId,
      runbookName: queued.runbookName,
      ...(queued.incidentId !== undefined ? { incidentId: queued.incidentId } : {}),
      url: this.#url(queued.id),
      callRunbook: (step, signal) => this.#call(queued, step.runbook, step.inputs, signal),
    };
    const deps: HandlerDeps = { ...this.#options.handlers, store, clock, messenger: this.#options.messenger };
    const handlers = queued.dryRun ? dryRunHandlers(deps, scope) : liveHandlers(deps, scope);
    // Marks the step in flight, for the live view.
    const tracked = Object.fromEntries(
      Object.entries(handlers).map(([type, handler]) => [
        type,
        (step: Parameters<typeof handler>[0], signal: AbortSignal) => {
          execution = { ...execution, currentStep: step.id };
          this.#save(execution, inputs);
          return handler(step, signal);
        },
      ]),
    ) as typeof handlers;
    let result: RunResult;
    try {
      result = await runSteps({
        runbook: entry.runbook,
        context: { ...context, inputs },
        handlers: tracked,
        clock,
        signal: controller.signal,
        onStep: (record) => this.#record(execution, record),
      });
    } catch (error) {
      // runSteps records failures itself; this is a bug, and the execution must still end.
      result = { status: 'failed', steps: [], failedStep: undefined };
      execution = { ...execution, error: `the runner failed: ${error instanceof Error ? error.message : String(error)}` };
    }
    const cancelReason = this.#cancelReasons.get(queued.id);
    this.#cancelReasons.delete(queued.id);
    const failed = result.steps.find((record) => record.stepId === result.failedStep && record.phase === 'main');
    const ended: Stored = {
      ...withoutCurrentStep(execution),
      status: result.status,
      endedMs: clock.now(),
      ...(result.failedStep !== undefined ? { failedStep: result.failedStep } : {}),
      ...(result.status === 'failed' ? { error: execution.error ?? `step ${result.failedStep ?? '?'} ${failed?.status ?? 'failed'}: ${failed?.error ?? ''}` } : {}),
      ...(result.status === 'cancelled' ? { error: cancelReason ?? 'cancelled' } : {}),
    };
    this.#save(ended, inputs);
    this.#tell(ended, `ended ${ended.status}${ended.error ? `: ${ended.error}` : ''}`);
    this.#audit(ended, 'runbook.execution.ended');
    return ended;
  }

  #noteAction(execution: Stored, record: StepRecord): void {
    const { recordChange, changeTime, clock } = this.#options;
    const acted = (record.type === 'http' || record.type === 'exec') && record.status === 'succeeded' && record.phase === 'main';
    if (!recordChange || !acted || execution.dryRun || execution.target === undefined) return;
    const timeMs = changeTime?.() ?? clock.now();
    recordChange({
      id: newId('chg'),
      service: execution.target,
      kind: 'runbook',
      timeMs: Number.isFinite(timeMs) ? timeMs : clock.now(),
      description: `Runbook ${execution.runbookId} step ${record.stepId} acted on ${execution.target} (execution ${execution.id})`,
      source: 'opsloop runbooks',
    });
  }

  /** A runbook step: the called runbook runs as a child execution, bounded in depth. */
  async #call(parent: Stored, runbookId: string, given: Record<string, string | number | boolean>, signal: AbortSignal): Promise<Record<string, unknown>> {
    if (parent.depth + 1 > this.#options.maxDepth) throw new Error(`runbook ${runbookId} would run ${parent.depth + 1} calls deep; runbooks.maxDepth is ${this.#options.maxDepth}`);
    let child: Stored;
    try {
      child = this.#create(runbookId, { inputs: given, dryRun: parent.dryRun, ...(parent.incidentId !== undefined ? { incidentId: parent.incidentId } : {}) }, { kind: 'runbook', parentExecutionId: parent.id }, parent.depth + 1);
    } catch (error) {
      throw new Error(`runbook ${runbookId} did not start: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
    if (child.status === 'rejected') throw new Error(`runbook ${runbookId} did not start: ${child.error ?? ''}`);
    const stop = () => {
      if (!FINAL_EXECUTION_STATUSES.has(this.#stored(child.id).execution.status)) this.cancel(child.id, 'its caller', `its caller ${parent.id} was cancelled or timed out`);
    };
    signal.addEventListener('abort', stop, { once: true });
    try {
      const ended = await this.ended(child.id);
      if (ended.status !== 'succeeded') throw new Error(`runbook ${runbookId} (execution ${child.id}) ended ${ended.status}: ${ended.error ?? ''}`);
      return { executionId: child.id, status: ended.status };
    } finally {
      signal.removeEventListener('abort', stop);
    }
  }

  #record(execution: Stored, record: StepRecord): void {
    this.#noteAction(execution, record);
    const view: StepRecordView = { ...record, ...(record.output !== undefined ? { output: redactSecrets(record.output) as Record<string, unknown> } : {}) };
    this.#options.store.runbooks.appendStep(execution.id, view);
    const attempts = record.attempts > 1 ? ` after ${record.attempts} attempts` : '';
    if (record.status !== 'skipped') this.#tell(execution, `step ${record.stepId}${record.phase === 'rollback' ? ' (rollback)' : ''} ${record.status.replace('_', ' ')}${attempts}${record.error ? `: ${record.error}` : ''}`);
  }

  // --- Bookkeeping ------------------------------------------------------------------------------

  /** Executions left running by a stop or crash end failed: none stays running forever. */
  #recoverInterrupted(): void {
    const nowMs = this.#options.clock.now();
    for (const execution of this.#options.store.runbooks.executions({ statuses: ['queued', 'running'], limit: LIMIT_SCAN })) {
      const stored = this.#stored(execution.id);
      const ended: Stored = { ...withoutCurrentStep(execution), status: 'failed', endedMs: nowMs, error: `interrupted by restart${execution.currentStep ? ` during step ${execution.currentStep}` : ''}` };
      this.#save(ended, stored.inputs);
      this.#tell(ended, `ended failed: ${ended.error ?? ''}`);
      this.#audit(ended, 'runbook.execution.ended');
    }
  }

  #templateContext(incident: Incident | undefined, alertId: string | undefined, runbook: { id: string; name: string }): Omit<TemplateContext, 'inputs' | 'steps'> {
    const alert = alertId !== undefined ? this.#options.store.alerts.get(alertId) : undefined;
    return {
      ...(incident ? { incident: { ...incident, url: `${this.#base()}/#/incidents/${encodeURIComponent(incident.id)}` } } : {}),
      ...(alert ? { alert } : {}),
      runbook,
    };
  }

  #stored(id: string): StoredExecution {
    const stored = this.#options.store.runbooks.getExecution(id);
    if (stored === undefined) throw new OpsError('OPS_ERR_NOT_FOUND', [`Execution ${id}`]);
    return stored;
  }

  #save(execution: Stored, inputs: Record<string, InputValue>): void {
    this.#options.store.runbooks.saveExecution({ execution, inputs });
  }

  /** On the incident's timeline, with a link to the execution. */
  #tell(execution: Stored, what: string): void {
    if (execution.incidentId === undefined || this.#options.store.incidents.get(execution.incidentId) === undefined) return;
    this.#options.store.incidents.appendTimeline({
      incidentId: execution.incidentId,
      timeMs: this.#options.clock.now(),
      kind: 'action',
      message: `runbook ${execution.runbookId}${execution.dryRun ? ' (dry run)' : ''}: ${what} — ${this.#url(execution.id)}`,
      by: `runbook:${execution.runbookId}`,
    });
  }

  /** The execution's own record in the audit trail: inputs, step outputs (redacted) and the outcome. */
  #audit(execution: Stored, action: string): void {
    const full = { ...execution, steps: this.#options.store.runbooks.steps(execution.id) };
    this.#options.store.audit.append({
      timeMs: this.#options.clock.now(),
      actor: execution.trigger.by ?? (execution.trigger.kind === 'manual' ? 'unknown' : `opsloop:${execution.trigger.kind}`),
      action,
      subjectKind: 'runbook_execution',
      subjectId: execution.id,
      detail: `${execution.runbookId}: ${execution.status}${execution.error ? ` (${execution.error})` : ''}`,
      after: redactSecrets(full),
    });
  }

  #base(): string {
    return this.#options.uiUrl.replace(/\/+$/, '');
  }

  #url(executionId: string): string {
    return `${this.#base()}/#/runbooks/executions/${encodeURIComponent(executionId)}`;
  }
}

function describeTrigger(trigger: ExecutionTrigger): string {
  switch (trigger.kind) {
    case 'manual':
      return trigger.by ?? 'hand';
    case 'schedule':
      return `schedule ${trigger.schedule ?? ''}`;
    case 'runbook':
      return `execution ${trigger.parentExecutionId ?? ''}`;
    case 'alert':
      return `a trigger on alert ${trigger.alertId ?? ''}`;
    case 'incident':
      return 'a trigger on the incident';
  }
}

/** An ended execution has no step in flight. */
function withoutCurrentStep(execution: Stored): Stored {
  const copy = { ...execution };
  delete copy.currentStep;
  return copy;
}
