/**
 * Recommendations for one incident from what is stored: the outcomes are the finished
 * executions of the runbook store (no table of their own), each judged against the signature
 * of the incident it ran for. docs/runbooks.md "Learning".
 */
import type { RunbookOutcome } from '../../act/runbooks/recommend.js';
import { autoRunAllowed, outcomeOf, recommendRunbooks, signatureOf } from '../../act/runbooks/recommend.js';
import type { CompiledRunbook } from '../../act/runbooks/runbook-triggers.js';
import { matchingRunbooks } from '../../act/runbooks/runbook-triggers.js';
import { triggerContext } from './trigger-context.js';
import { OpsError } from '../../core/errors.js';
import type { Incident } from '../../core/records.js';
import type { RunbookRecommendationView } from '../../core/runbook-recommendation-api.js';
import type { Store } from '../../store/store.js';

/** Finished executions read as outcomes: recent ones, plenty to learn from. */
const OUTCOME_SCAN = 2000;

export interface RecommendationContext {
  store: Store;
  /** The enabled runbooks. */
  runbooks: readonly CompiledRunbook[];
  killSwitch: boolean;
}

/** Throws OpsError NOT_FOUND for an unknown incident. */
export function recommendationsFor(context: RecommendationContext, incidentId: string): RunbookRecommendationView[] {
  const { store } = context;
  const incident = store.incidents.get(incidentId);
  if (!incident) throw new OpsError('OPS_ERR_NOT_FOUND', [`Incident ${incidentId}`]);
  const trigger = triggerContext(store, incident);
  const matches = matchingRunbooks(context.runbooks, trigger);
  if (matches.length === 0) return [];
  const ranked = recommendRunbooks(signatureOf(incident, trigger.alerts), matches, pastOutcomes(store, incidentId));
  const byId = new Map(matches.map((match) => [match.runbook.id, match.runbook]));
  return ranked.map((recommendation) => {
    const runbook = byId.get(recommendation.runbookId);
    const autoRun = runbook ? autoRunAllowed(runbook, recommendation, { killSwitch: context.killSwitch }) : { allowed: false, reason: 'unknown runbook' };
    return { ...recommendation, autoRun };
  });
}

/** Outcomes of executions on other incidents (this one's own are what is being decided). */
export function pastOutcomes(store: Store, exceptIncidentId?: string): RunbookOutcome[] {
  const signatures = new Map<string, ReturnType<typeof signatureOf> | undefined>();
  const outcomes: RunbookOutcome[] = [];
  for (const summary of store.runbooks.executions({ statuses: ['succeeded', 'failed'], dryRun: false, limit: OUTCOME_SCAN })) {
    const incidentId = summary.incidentId;
    if (incidentId === undefined || incidentId === exceptIncidentId) continue;
    const incident = store.incidents.get(incidentId);
    if (!incident) continue;
    if (!signatures.has(incidentId)) signatures.set(incidentId, signatureOf(incident, alertsOf(store, incident)));
    const signature = signatures.get(incidentId);
    const outcome = signature ? outcomeOf({ ...summary, steps: store.runbooks.steps(summary.id) }, incident, signature) : undefined;
    if (outcome) outcomes.push(outcome);
  }
  return outcomes;
}

function alertsOf(store: Store, incident: Incident) {
  return incident.alertIds.flatMap((id) => {
    const alert = store.alerts.get(id);
    return alert ? [alert] : [];
  });
}
