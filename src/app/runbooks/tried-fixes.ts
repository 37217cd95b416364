/**
 * Which fixes already tried for an incident still say something about it, as far as choosing
 * what runs next goes (docs/runbooks.md "Learning"). A fix that ended — failed, or verified —
 * settles the incident only until the incident changes after the verdict:
 * - alerts join it (a cache cleared before the bad entries arrived; an incident opened by an
 *   earlier trouble that a new fault's alerts joined). Alerts that joined while the fix ran were
 *   part of what it failed against and change nothing;
 * - RCA names another top cause: a fix aimed at the cause named then (its target rendered from
 *   it) says nothing about the one named now.
 * Then fixes may be chosen again, the same one included, up to MAX_RUNS_PER_INCIDENT runs of it
 * in all. An execution started by hand, with no offer to record the incident at its end, stays
 * settled.
 */
import type { Execution } from '../../core/runbook-api.js';
import type { Incident } from '../../core/records.js';
import type { Store } from '../../store/store.js';

export const MAX_RUNS_PER_INCIDENT = 3;

export interface TriedFixes {
  /** Runbooks that failed for the incident and may not run for it again. */
  standingFailures: Set<string>;
  /** Runbooks whose last run ended (failed or verified) before the incident changed: they may run again. */
  reopened: Set<string>;
  /** How the run each offer names last ended, or where it is. */
  lastStatus: Map<string, Execution['status']>;
  /** A run that holds the incident: still going, or verified with the incident unchanged since. */
  holding?: Omit<Execution, 'steps'>;
}

export function triedFixes(store: Store, incident: Incident): TriedFixes {
  const runs = store.runbooks.executions({ incidentId: incident.id, dryRun: false });
  const offers = new Map(store.runbooks.offers(incident.id).map((offer) => [offer.runbookId, offer]));
  const standingFailures = new Set<string>();
  const reopened = new Set<string>();
  const lastStatus = new Map<string, Execution['status']>();
  let holding: Omit<Execution, 'steps'> | undefined;
  for (const runbookId of new Set(runs.map((execution) => execution.runbookId))) {
    const mine = runs.filter((execution) => execution.runbookId === runbookId);
    const offer = offers.get(runbookId);
    const latest = mine.find((execution) => execution.id === offer?.executionId);
    if (latest) lastStatus.set(runbookId, latest.status);
    const grown = offer?.alertsWhenEnded !== undefined && incident.alertIds.length > offer.alertsWhenEnded;
    const cause = incident.causes[0]?.service;
    const recaused = offer?.causeWhenEnded !== undefined && cause !== undefined && cause !== offer.causeWhenEnded;
    const again = latest !== undefined && (grown || recaused) && mine.length < MAX_RUNS_PER_INCIDENT && (latest.status === 'failed' || latest.status === 'succeeded');
    if (again) reopened.add(runbookId);
    if (!again && mine.some((execution) => execution.status === 'failed') && (latest === undefined || latest.status === 'failed')) standingFailures.add(runbookId);
    holding ??= mine.find((execution) => !ENDED_ASIDE.has(execution.status) && !(again && execution.status === 'succeeded'));
  }
  return { standingFailures, reopened, lastStatus, ...(holding ? { holding } : {}) };
}

/** Executions that leave the incident to another runbook: a fix that failed, or one refused before it ran. */
const ENDED_ASIDE: ReadonlySet<Execution['status']> = new Set(['failed', 'rejected']);

/** Whether the automation may start `runbookId` again for the incident, given how its last run there ended. */
export function mayRunAgain(runbookId: string, tried: TriedFixes): boolean {
  const last = tried.lastStatus.get(runbookId);
  if (last === 'failed') return !tried.standingFailures.has(runbookId);
  return last === 'succeeded' && tried.reopened.has(runbookId);
}
