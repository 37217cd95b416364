/**
 * What starts runbooks without a person (docs/runbooks.md "Triggers"): when an incident opens,
 * gains alerts or gets another top cause, runbooks whose incident or alert trigger holds are
 * offered for it — or started, when `decideAutoRun` says so (approval still applies if the
 * runbook requires it); and cron schedules (croner) start theirs. Each runbook is offered once
 * per incident and runs once for it — again only when the incident changed after that run ended
 * (tried-fixes.ts). When one it started ends, open incidents' offers are decided again: after a
 * failure (its verify step saw the symptom stay) the next matching runbook may run, and an offer
 * refused while that one held the target (limits.perTarget) may run now — the oldest incident's
 * first. An incident with no alert firing is offered nothing.
 */
import { Cron } from 'croner';
import type { Logger } from 'pino';
import { matchingRunbooks, type TriggerMatch } from '../../act/runbooks/runbook-triggers.js';
import type { Incident } from '../../core/records.js';
import type { Runbook } from '../../core/runbook.js';
import type { RunbookOffer } from '../../core/runbook-api.js';
import { newId } from '../../core/ids.js';
import type { Store } from '../../store/store.js';
import type { RunbookCatalog } from './runbook-catalog.js';
import type { RunbookExecutions } from './runbook-executions.js';
import { mayRunAgain, triedFixes } from './tried-fixes.js';
import { triggerContext } from './trigger-context.js';

export interface AutoRunDecision {
  run: boolean;
  /** Shown with the offer: why it ran or waits for a person. */
  reason: string;
}

/**
 * The policy hook: whether a matched runbook runs by itself. The learning module
 * (src/act/runbooks/recommend.ts) plugs in here with the evidence of similar past incidents.
 */
export type AutoRunDecider = (runbook: Runbook, incident: Incident, evidence: TriggerMatch) => AutoRunDecision;

/** Until outcomes are learned: only runbooks that allow it and need nobody's approval. */
export const decideAutoRun: AutoRunDecider = (runbook) => {
  if (!runbook.autoRun.enabled) return { run: false, reason: 'offered: autoRun is off for this runbook' };
  if (runbook.approval.required) return { run: false, reason: 'offered: the runbook requires approval' };
  return { run: true, reason: 'run automatically: autoRun is on and no approval is required' };
};

export interface AutomationOptions {
  store: Store;
  catalog: RunbookCatalog;
  executions: RunbookExecutions;
  now: () => number;
  decide?: AutoRunDecider;
  logger?: Pick<Logger, 'warn'>;
}

export class RunbookAutomation {
  readonly #options: AutomationOptions;
  #decide: AutoRunDecider;
  /** What triggers last saw of each open incident: they are evaluated again when it grows or its top cause changes. */
  readonly #seen = new Map<string, string>();
  #schedules: Cron[] = [];
  #closed = false;

  constructor(options: AutomationOptions) {
    this.#options = options;
    this.#decide = options.decide ?? decideAutoRun;
    options.catalog.onChange(() => this.#arm());
    this.#arm();
  }

  /** Lets the learning module replace the policy. */
  setDecider(decide: AutoRunDecider): void {
    this.#decide = decide;
  }

  onIncidents(incidents: readonly Incident[]): void {
    for (const published of incidents) {
      // As stored, not as published: root-cause ranking handles the same change first and
      // stores the causes that incident triggers read — a new incident is published with none.
      const incident = this.#options.store.incidents.get(published.id) ?? published;
      if (incident.status !== 'triggered' && incident.status !== 'acknowledged') {
        this.#seen.delete(incident.id);
        continue;
      }
      const top = incident.causes[0];
      const seen = `${incident.alertIds.length}\u0000${top?.service ?? ''}\u0000${top?.indicator ?? ''}`;
      if (this.#seen.get(incident.id) === seen) continue;
      this.#seen.set(incident.id, seen);
      try {
        this.#offer(incident);
      } catch (error) {
        this.#options.logger?.warn({ err: error, incident: incident.id }, 'runbook triggers failed on an incident');
      }
    }
  }

  offers(incidentId: string): RunbookOffer[] {
    return this.#options.store.runbooks.offers(incidentId);
  }

  close(): void {
    this.#closed = true;
    this.#stopSchedules();
  }

  #stopSchedules(): void {
    for (const job of this.#schedules) job.stop();
    this.#schedules = [];
  }

  #offer(incident: Incident): void {
    const { store, catalog, executions, logger } = this.#options;
    const candidates = catalog.list().filter((entry) => entry.enabled && (entry.runbook.triggers.incident !== undefined || entry.runbook.triggers.alert !== undefined));
    if (candidates.length === 0) return;
    const context = triggerContext(store, incident);
    // Nothing firing, nothing to fix: the incident is waiting out its quiet time to resolve, and
    // a fix started now would pass its verify step at once whatever it did.
    if (!context.alerts.some((alert) => alert.status === 'firing')) return;
    const matches = matchingRunbooks(candidates.map((entry) => entry.compiled), context, (runbookId, error) =>
      logger?.warn({ err: error, runbook: runbookId, incident: incident.id }, 'runbook trigger failed on an incident; counted as no match'),
    );
    const earlier = new Map(store.runbooks.offers(incident.id).map((offer) => [offer.runbookId, offer]));
    const tried = triedFixes(store, incident);
    for (const match of matches) {
      const previous = earlier.get(match.runbook.id);
      if (previous?.executionId !== undefined && !mayRunAgain(match.runbook.id, tried)) continue;
      const decision = this.#decide(match.runbook, incident, match);
      // An offer held back before may run now that what held it back (a fix tried first) failed.
      const offer: RunbookOffer = previous
        ? { ...previous, decision: decision.reason }
        : {
            id: newId('rbo'),
            runbookId: match.runbook.id,
            incidentId: incident.id,
            by: match.by,
            ...(match.alertId !== undefined ? { alertId: match.alertId } : {}),
            createdMs: this.#options.now(),
            decision: decision.reason,
          };
      if (previous) {
        if (previous.decision !== offer.decision) store.runbooks.updateOffer(offer);
      } else if (!store.runbooks.saveOffer(offer)) continue;
      if (!decision.run) continue;
      try {
        const trigger = match.by === 'alert' && match.alertId !== undefined ? { kind: 'alert' as const, alertId: match.alertId } : { kind: 'incident' as const };
        const execution = executions.start(match.runbook.id, { incidentId: incident.id }, trigger);
        // A new run: what the incident looked like when the last one ended no longer applies.
        const started: RunbookOffer = { ...offer, executionId: execution.id };
        delete started.alertsWhenEnded;
        delete started.causeWhenEnded;
        store.runbooks.updateOffer(started);
        void this.#afterEnd(execution.id);
      } catch (error) {
        store.runbooks.updateOffer({ ...offer, decision: `not run: ${error instanceof Error ? error.message : String(error)}` });
      }
    }
  }

  /** What an execution held back (the next fix after a failed one, a target it held) may run once it ends. */
  async #afterEnd(executionId: string): Promise<void> {
    const { store, executions, logger } = this.#options;
    await executions.ended(executionId).catch(() => undefined);
    if (this.#closed) return;
    this.#noteEnd(executionId);
    // Oldest first: a target the run held goes to the fix for the incident a fault opened first —
    // its first symptom, nearest its cause — not to one for its later effects (a leak's memory
    // incident before its latency incident).
    const open = store.incidents.list({ status: ['triggered', 'acknowledged'] }).sort((a, b) => a.startedMs - b.startedMs);
    for (const incident of open) {
      try {
        this.#offer(incident);
      } catch (error) {
        logger?.warn({ err: error, incident: incident.id }, 'runbook triggers failed on an incident after a runbook ended');
      }
    }
  }

  /** What its incident looked like when the fix ended: only alerts that join after that, or another top cause, are new to it (tried-fixes.ts). */
  #noteEnd(executionId: string): void {
    const { store } = this.#options;
    const incidentId = store.runbooks.getExecution(executionId)?.execution.incidentId;
    const incident = incidentId === undefined ? undefined : store.incidents.get(incidentId);
    const offer = incident === undefined ? undefined : store.runbooks.offers(incident.id).find((candidate) => candidate.executionId === executionId);
    const cause = incident?.causes[0]?.service;
    if (incident && offer) store.runbooks.updateOffer({ ...offer, alertsWhenEnded: incident.alertIds.length, ...(cause !== undefined ? { causeWhenEnded: cause } : {}) });
  }

  /** (Re)arms one croner job per enabled runbook with a schedule. */
  #arm(): void {
    this.#stopSchedules();
    for (const entry of this.#options.catalog.list()) {
      const pattern = entry.runbook.triggers.schedule;
      if (pattern === undefined || !entry.enabled) continue;
      const id = entry.runbook.id;
      this.#schedules.push(
        new Cron(pattern, { protect: true, unref: true }, () => {
          try {
            this.#options.executions.start(id, {}, { kind: 'schedule', schedule: pattern });
          } catch (error) {
            this.#options.logger?.warn({ err: error, runbook: id }, 'scheduled runbook not started');
          }
        }),
      );
    }
  }
}
