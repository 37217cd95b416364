/**
 * The learned auto-run policy (docs/runbooks.md "Learning"), plugged into the triggers'
 * AutoRunDecider hook: of the runbooks matching an incident, only the best-ranked one on
 * similar past incidents may run by itself, and only when autoRunAllowed says so — and never a
 * second remediation while one already ran for the incident, so two fixes never race and each
 * outcome is the work of one runbook.
 */
import type { TriggerMatch } from '../../act/runbooks/runbook-triggers.js';
import type { Incident } from '../../core/records.js';
import type { Runbook } from '../../core/runbook.js';
import type { Store } from '../../store/store.js';
import type { AutoRunDecider, AutoRunDecision } from './runbook-automation.js';
import type { RunbookCatalog } from './runbook-catalog.js';
import type { RunbookExecutions } from './runbook-executions.js';
import { recommendationsFor } from './runbook-recommendations.js';

export interface LearnedAutoRunOptions {
  store: Store;
  catalog: RunbookCatalog;
  executions: Pick<RunbookExecutions, 'killSwitch'>;
}

export function learnedAutoRun(options: LearnedAutoRunOptions): AutoRunDecider {
  return (runbook: Runbook, incident: Incident, _match: TriggerMatch): AutoRunDecision => {
    const ran = options.store.runbooks.executions({ incidentId: incident.id, dryRun: false, limit: 1 })[0];
    if (ran) return { run: false, reason: `offered: ${ran.runbookId} already ran for this incident` };
    const ranked = recommendationsFor(
      { store: options.store, runbooks: options.catalog.list().filter((entry) => entry.enabled).map((entry) => entry.compiled), killSwitch: options.executions.killSwitch().engaged },
      incident.id,
    );
    const mine = ranked.find((r) => r.runbookId === runbook.id);
    if (!mine) return { run: false, reason: 'offered: not recommended for this incident' };
    if (!mine.autoRun.allowed) return { run: false, reason: `offered: ${mine.autoRun.reason}` };
    // A tie is no evidence that another fix is better: only a more confident one holds this back.
    const best = ranked[0];
    if (best && best.runbookId !== runbook.id && best.confidence > mine.confidence) return { run: false, reason: `offered: ${best.runbookName} ranks higher (${best.evidence})` };
    return { run: true, reason: `run automatically: ${mine.evidence}` };
  };
}
