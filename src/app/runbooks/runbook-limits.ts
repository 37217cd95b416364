/**
 * Blast-radius limits of a runbook (docs/runbooks.md "Limits"): executions of it at once
 * (`concurrent`), executions at once on one target by any runbook (`perTarget`), and
 * executions started in the last hour (`perHour`). Waiting ones count: once approved they run.
 * Dry runs do nothing and count for nothing. Pure.
 */
import { FINAL_EXECUTION_STATUSES, type Execution } from '../../core/runbook-api.js';
import type { Runbook } from '../../core/runbook.js';

const HOUR_MS = 3_600_000;

/** Why a new execution is refused, or undefined when the limits allow it. */
export function limitRefusal(runbook: Runbook, target: string | undefined, recent: ReadonlyArray<Omit<Execution, 'steps'>>, nowMs: number): string | undefined {
  const live = recent.filter((execution) => !execution.dryRun);
  const active = live.filter((execution) => !FINAL_EXECUTION_STATUSES.has(execution.status));
  const { concurrent, perTarget, perHour } = runbook.limits;
  const ofRunbook = active.filter((execution) => execution.runbookId === runbook.id);
  if (ofRunbook.length >= concurrent) return `runbook ${runbook.id} allows ${concurrent} execution(s) at once and ${ofRunbook.map((e) => e.id).join(', ')} ${ofRunbook.length === 1 ? 'is' : 'are'} not finished (limits.concurrent)`;
  if (target !== undefined) {
    const onTarget = active.filter((execution) => execution.target === target);
    if (onTarget.length >= perTarget) return `target ${target} allows ${perTarget} execution(s) at once and ${onTarget.map((e) => e.id).join(', ')} ${onTarget.length === 1 ? 'acts' : 'act'} on it (limits.perTarget)`;
  }
  const lastHour = live.filter((execution) => execution.runbookId === runbook.id && ((execution.startedMs ?? Number.NEGATIVE_INFINITY) >= nowMs - HOUR_MS || !FINAL_EXECUTION_STATUSES.has(execution.status)));
  if (lastHour.length >= perHour) return `runbook ${runbook.id} allows ${perHour} execution(s) per hour and ${lastHour.length} started in the last hour (limits.perHour)`;
  return undefined;
}
