/**
 * The learned auto-run policy (docs/runbooks.md "Learning"), plugged into the triggers'
 * AutoRunDecider hook: of the runbooks matching an incident, only the best-ranked one on
 * similar past incidents may run by itself, and only when autoRunAllowed says so — and never a
 * second remediation while one runs or has fixed the incident, so two fixes never race and each
 * outcome is the work of one runbook. A fix that failed for the incident (its verify step saw
 * the symptom stay) steps aside: the next best matching runbook may then run, and a fix that
 * ended (failed or verified) settles nothing once the incident changes after it (tried-fixes.ts).
 */
import type { TriggerMatch } from '../../act/runbooks/runbook-triggers.js';
import type { Incident } from '../../core/records.js';
import type { Runbook } from '../../core/runbook.js';
import type { Store } from '../../store/store.js';
import type { AutoRunDecider, AutoRunDecision } from './runbook-automation.js';
import type { RunbookCatalog } from './runbook-catalog.js';
import type { RunbookExecutions } from './runbook-executions.js';
import { recommendationsFor } from './runbook-recommendations.js';
import { triedFixes } from './tried-fixes.js';

export interface LearnedAutoRunOptions {
  store: Store;
  catalog: RunbookCatalog;
  executions: Pick<RunbookExecutions, 'killSwitch'>;
}

export function learnedAutoRun(options: LearnedAutoRunOptions): AutoRunDecider {
  return (runbook: Runbook, incident: Incident, _match: TriggerMatch): AutoRunDecision => {
    const tried = triedFixes(options.store, incident);
    const holding = tried.holding;
    if (holding) return { run: false, reason: `offered: ${holding.runbookId} ${holding.status === 'succeeded' ? 'already fixed' : 'already ran for'} this incident` };
    const failed = tried.standingFailures;
    if (failed.has(runbook.id)) return { run: false, reason: 'offered: it already failed to fix this incident' };
    const ranked = recommendationsFor(
      { store: options.store, runbooks: options.catalog.list().filter((entry) => entry.enabled).map((entry) => entry.compiled), killSwitch: options.executions.killSwitch().engaged },
      incident.id,
    ).filter((recommendation) => !failed.has(recommendation.runbookId));
    const mine = ranked.find((r) => r.runbookId === runbook.id);
    if (!mine) return { run: false, reason: 'offered: not recommended for this incident' };
    if (!mine.autoRun.allowed) return { run: false, reason: `offered: ${mine.autoRun.reason}` };
    // A tie is no evidence that another fix is better: only a more confident one holds this back.
    const best = ranked[0];
    if (best && best.runbookId !== runbook.id && best.confidence > mine.confidence) return { run: false, reason: `offered: ${best.runbookName} ranks higher (${best.evidence})` };
    return { run: true, reason: `run automatically: ${mine.evidence}` };
  };
}
