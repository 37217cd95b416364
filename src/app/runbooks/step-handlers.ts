/**
 * The step handlers an execution runs with (docs/runbooks.md "Steps"): live ones that do the
 * I/O, and dry-run ones that check what they can without acting (the executor exists and allows
 * the arguments, the channel or incident exists) and say what would be done.
 */
import type { RunClock, StepHandler, StepHandlers } from '../../act/runbooks/run-steps.js';
import type { RunbookStep } from '../../core/runbook.js';
import type { Store } from '../../store/store.js';
import { execStepRunner, type Executor } from './exec-step.js';
import { runHttpStep } from './http-step.js';
import type { RunbookMessenger } from './runbook-messages.js';
import { verifyStepRunner } from './verify-step.js';

/** What the handlers of one execution know about it. */
export interface StepScope {
  executionId: string;
  runbookId: string;
  runbookName: string;
  incidentId?: string;
  /** The execution's page, for messages. */
  url: string;
  /** Starts the called runbook as a child execution and resolves with its outcome. */
  callRunbook(step: Extract<RunbookStep, { type: 'runbook' }>, signal: AbortSignal): Promise<Record<string, unknown>>;
}

/** What the incident step may do to an incident; the loop's actions, so the bus hears of it. */
export interface IncidentHands {
  note(incidentId: string, text: string, by: string): void;
  acknowledge(incidentId: string, by: string): void;
  resolve(incidentId: string, by: string, resolution: string): void;
}

export interface HandlerDeps {
  store: Store;
  clock: RunClock;
  executors: Readonly<Record<string, Executor>>;
  messenger: RunbookMessenger;
  incidents: IncidentHands;
  /** Between checks of a verify step. */
  verifyPollMs?: number;
  /** Event time: how far telemetry has got (VerifyOptions.eventNow). */
  eventNow?: () => number;
}

type Of<T extends RunbookStep['type']> = Extract<RunbookStep, { type: T }>;

/** Adapts a handler of one step type to the runner's signature (the runner dispatches by type). */
function typed<T extends RunbookStep['type']>(type: T, handler: (step: Of<T>, signal: AbortSignal) => Promise<Record<string, unknown>>): StepHandler {
  return (step, signal) => (step.type === type ? handler(step as Of<T>, signal) : Promise.reject(new Error(`not a ${type} step: ${step.type}`)));
}

export function liveHandlers(deps: HandlerDeps, scope: StepScope): StepHandlers {
  const verify = verifyStepRunner({
    store: deps.store,
    clock: deps.clock,
    ...(deps.verifyPollMs !== undefined ? { pollMs: deps.verifyPollMs } : {}),
    ...(deps.eventNow !== undefined ? { eventNow: deps.eventNow } : {}),
  });
  const by = `runbook:${scope.runbookId}`;
  return {
    http: runHttpStep,
    exec: execStepRunner(deps.executors),
    wait: typed('wait', async (step, signal) => {
      await deps.clock.sleep(step.seconds * 1000, signal);
      return { waitedSeconds: step.seconds };
    }),
    verify: typed('verify', (step, signal) => verify(step, scope.incidentId, signal)),
    notify: typed('notify', async (step) => deps.messenger.send({ ...(scope.incidentId !== undefined ? { incidentId: scope.incidentId } : {}), ...(step.channel !== undefined ? { channelId: step.channel } : {}), subject: `Runbook ${scope.runbookName}`, text: step.text, url: scope.url })),
    incident: typed('incident', async (step) => {
      const incidentId = requireIncident(scope, 'incident');
      const incident = deps.store.incidents.get(incidentId);
      if (incident === undefined) throw new Error(`incident ${incidentId} does not exist`);
      if (step.note !== undefined) deps.incidents.note(incidentId, step.note, by);
      // Already there (alerts cleared and it resolved itself) is success: the goal holds.
      if (step.status === 'acknowledge' && incident.status === 'triggered') deps.incidents.acknowledge(incidentId, by);
      if (step.status === 'resolve' && (incident.status === 'triggered' || incident.status === 'acknowledged')) {
        deps.incidents.resolve(incidentId, by, step.note ?? `resolved by runbook ${scope.runbookName} (execution ${scope.executionId})`);
      }
      return { incidentId, status: deps.store.incidents.get(incidentId)?.status ?? incident.status };
    }),
    runbook: typed('runbook', (step, signal) => scope.callRunbook(step, signal)),
  };
}

export function dryRunHandlers(deps: HandlerDeps, scope: StepScope): StepHandlers {
  const would = (text: string, extra: Record<string, unknown> = {}) => Promise.resolve({ dryRun: true, would: text, ...extra });
  return {
    http: typed('http', (step) => {
      if (!URL.canParse(step.url)) return Promise.reject(new Error(`not a URL: ${step.url}`));
      // Later templates may read steps.<id>.status: give them the status the step expects.
      return would(`${step.method} ${step.url}${step.body !== undefined ? ` with a ${step.body.length}-character body` : ''}`, { status: step.expectStatus[0], body: '' });
    }),
    exec: typed('exec', (step) => {
      const executor = deps.executors[step.executor];
      if (executor === undefined) return Promise.reject(new Error(`no executor "${step.executor}" is configured (runbooks.executors)`));
      const allowed = executor.allowArgs !== undefined ? new RegExp(`^(?:${executor.allowArgs})$`) : undefined;
      const refused = allowed ? step.args.find((arg) => !allowed.test(arg)) : undefined;
      if (refused !== undefined) return Promise.reject(new Error(`executor ${step.executor} does not allow the argument ${JSON.stringify(refused)}`));
      return would(`run ${[executor.command, ...executor.args, ...step.args].map((arg) => JSON.stringify(arg)).join(' ')}`, { exitCode: 0, stdout: '', stderr: '' });
    }),
    wait: typed('wait', (step) => would(`wait ${step.seconds} s`, { waitedSeconds: step.seconds })),
    verify: typed('verify', (step) => would(`check ${JSON.stringify(step.condition)} for up to ${step.withinSeconds} s`, { verified: true })),
    notify: typed('notify', (step) => {
      if (step.channel !== undefined && deps.store.notify.get('channel', step.channel) === undefined) return Promise.reject(new Error(`channel ${step.channel} does not exist`));
      return would(`send to ${step.channel ?? "the incident's routing"}: ${step.text}`);
    }),
    incident: typed('incident', (step) => {
      const incidentId = requireIncident(scope, 'incident');
      if (deps.store.incidents.get(incidentId) === undefined) return Promise.reject(new Error(`incident ${incidentId} does not exist`));
      return would([step.note !== undefined ? `note "${step.note}"` : '', step.status ?? ''].filter(Boolean).join(' and ') + ` on ${incidentId}`, { incidentId });
    }),
    runbook: typed('runbook', (step, signal) => scope.callRunbook(step, signal)),
  };
}

function requireIncident(scope: StepScope, type: string): string {
  if (scope.incidentId === undefined) throw new Error(`a ${type} step needs an incident: start the execution for one`);
  return scope.incidentId;
}
