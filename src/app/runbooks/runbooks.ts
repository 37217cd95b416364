/**
 * The runbooks of a running opsloop, wired: the catalog (files and API), executions with their
 * step handlers, approval links, messages, triggers and schedules, and the approval-expiry
 * timer. The loop builds one and hands it to the HTTP edge through Engine.runbooks.
 */
import type { Logger } from 'pino';
import type { RunClock } from '../../act/runbooks/run-steps.js';
import type { Config } from '../../core/config.js';
import type { Change } from '../../core/records.js';
import type { Store } from '../../store/store.js';
import { ApprovalLinks } from './approval-links.js';
import { learnedAutoRun } from './learned-auto-run.js';
import { RunbookAutomation } from './runbook-automation.js';
import { RunbookCatalog } from './runbook-catalog.js';
import { RunbookExecutions } from './runbook-executions.js';
import { RunbookMessenger } from './runbook-messages.js';
import type { ChannelSenders } from '../notify/channels/index.js';
import type { IncidentHands } from './step-handlers.js';

export interface Runbooks {
  readonly catalog: RunbookCatalog;
  readonly executions: RunbookExecutions;
  readonly automation: RunbookAutomation;
  close(): Promise<void>;
}

export interface RunbooksOptions {
  config: Config;
  store: Store;
  now: () => number;
  uiUrl: string;
  incidents: IncidentHands;
  logger?: Pick<Logger, 'warn'>;
  /** Event time, epoch ms: how far telemetry has got (verify steps' time limit, verify-step.ts; changes' time). */
  eventNow?: () => number;
  /** Where the actions runbooks take are recorded as changes (ExecutionsOptions.recordChange). */
  recordChange?: (change: Change) => void;
  /** Tests: a clock for waits, timeouts and verify polling, and channel senders. */
  clock?: RunClock;
  senders?: ChannelSenders;
  verifyPollMs?: number;
}

export function createRunbooks(options: RunbooksOptions): Runbooks {
  const { config, store, now, logger } = options;
  const clock = options.clock ?? wallClock(now);
  const catalog = new RunbookCatalog(store.runbooks, {
    ...(config.runbooks.dir !== undefined ? { dir: config.runbooks.dir } : {}),
    loadedMs: now(),
    onProblem: (problem) => logger?.warn(problem, `runbook skipped: ${problem.source}:${problem.line}:${problem.column}: ${problem.message}`),
  });
  const messenger = new RunbookMessenger({ store, now, uiUrl: options.uiUrl, ...(options.senders ? { senders: options.senders } : {}) });
  const executions = new RunbookExecutions({
    store,
    catalog,
    links: new ApprovalLinks(store.runbooks),
    messenger,
    handlers: {
      executors: config.runbooks.executors,
      incidents: options.incidents,
      ...(options.verifyPollMs !== undefined ? { verifyPollMs: options.verifyPollMs } : {}),
      ...(options.eventNow !== undefined ? { eventNow: options.eventNow } : {}),
    },
    clock,
    uiUrl: options.uiUrl,
    maxDepth: config.runbooks.maxDepth,
    ...(options.recordChange ? { recordChange: options.recordChange } : {}),
    ...(options.eventNow ? { changeTime: options.eventNow } : {}),
    ...(logger ? { logger } : {}),
  });
  if (config.runbooks.killSwitch && !executions.killSwitch().engaged) executions.setKillSwitch(true, 'configuration', 'runbooks.killSwitch is set');
  const automation = new RunbookAutomation({ store, catalog, executions, now, decide: learnedAutoRun({ store, catalog, executions }), ...(logger ? { logger } : {}) });
  const sweeper = setInterval(() => {
    try {
      executions.sweep();
    } catch (error) {
      logger?.warn({ err: error }, 'approval expiry sweep failed');
    }
  }, config.runbooks.approvalExpirySweepSeconds * 1000);
  sweeper.unref();
  return {
    catalog,
    executions,
    automation,
    async close() {
      clearInterval(sweeper);
      automation.close();
      await executions.close();
    },
  };
}

/** Real time: timers that a cancel or timeout stops at once. */
function wallClock(now: () => number): RunClock {
  return {
    now,
    sleep: (ms, signal) =>
      new Promise<void>((resolve, reject) => {
        if (signal.aborted) {
          reject(signal.reason as Error);
          return;
        }
        const timer = setTimeout(() => {
          signal.removeEventListener('abort', abort);
          resolve();
        }, ms);
        const abort = () => {
          clearTimeout(timer);
          reject(signal.reason as Error);
        };
        signal.addEventListener('abort', abort, { once: true });
      }),
  };
}
