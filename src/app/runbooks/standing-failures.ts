/**
 * Which runbooks have failed to fix an incident, as far as choosing what runs next goes
 * (docs/runbooks.md "Learning"). A failure stands until the incident gains alerts after the run
 * started: new symptoms mean it is no longer the incident the fix failed on — a cache cleared
 * before the bad entries arrived, an incident opened by an earlier trouble that a new fault's
 * alerts joined — so the fix may run once more, up to MAX_RUNS_PER_INCIDENT runs in all.
 * An execution started by hand, with no offer to say how big the incident was, stands.
 */
import type { Incident } from '../../core/records.js';
import type { Store } from '../../store/store.js';

export const MAX_RUNS_PER_INCIDENT = 3;

export function standingFailures(store: Store, incident: Incident): Set<string> {
  const runs = store.runbooks.executions({ incidentId: incident.id, dryRun: false });
  const offers = new Map(store.runbooks.offers(incident.id).map((offer) => [offer.runbookId, offer]));
  const standing = new Set<string>();
  for (const runbookId of new Set(runs.map((execution) => execution.runbookId))) {
    const mine = runs.filter((execution) => execution.runbookId === runbookId);
    if (!mine.some((execution) => execution.status === 'failed')) continue;
    const offer = offers.get(runbookId);
    const latest = mine.find((execution) => execution.id === offer?.executionId);
    const grown = offer?.alertsWhenRun !== undefined && incident.alertIds.length > offer.alertsWhenRun;
    const mayRunAgain = latest?.status === 'failed' && grown && mine.length < MAX_RUNS_PER_INCIDENT;
    if (!mayRunAgain && (latest === undefined || latest.status === 'failed')) standing.add(runbookId);
  }
  return standing;
}
