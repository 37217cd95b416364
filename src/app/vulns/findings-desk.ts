/**
 * Security findings in the running loop (docs/findings.md): imports scanner reports into
 * findings, prioritises them, takes people's status changes and feedback, lists remediation
 * tasks, and on every evaluation expires risk acceptances and raises or resolves deadline
 * alerts into the normal alert → incident flow. Runbook execution for a task is not started
 * here: a task carries the inputs a remediation runbook takes.
 */
import type { Config } from '../../core/config.js';
import { OpsError } from '../../core/errors.js';
import {
  ACTIVE_STATUSES,
  type Finding,
  type FindingFeedbackBody,
  type FindingHistoryEntry,
  type FindingPatchBody,
  type ImportResponse,
  type LearnedWeight,
  type PrioritisedFinding,
  type RemediationTask,
  type ScannerFormat,
  type TargetKind,
} from '../../core/findings-api.js';
import { newId } from '../../core/ids.js';
import type { Signal } from '../../core/records.js';
import { deadlineSignals, FINDINGS_SOURCE } from '../../act/vulns/deadline-alerts.js';
import { refusedTransition } from '../../act/vulns/finding-lifecycle.js';
import { parseScannerReport } from '../../act/vulns/formats/index.js';
import { adjustedWeight, feedbackFactor } from '../../act/vulns/learned-weights.js';
import { ReportFormatError } from '../../act/vulns/observation.js';
import { prioritise } from '../../act/vulns/prioritise.js';
import { reconcileScan } from '../../act/vulns/reconcile-scan.js';
import { remediationTasks } from '../../act/vulns/remediation.js';
import { servicesOfTarget } from '../../act/vulns/service-mapping.js';
import { normaliseTarget } from '../../act/vulns/target-name.js';
import type { FindingFilter, Store, StoredFinding } from '../../store/store.js';
import { NO_TEAM, PriorityContexts } from './priority-context.js';

export interface FindingsDeskOptions {
  store: Store;
  settings: Config['findings'];
  seeded: Config['catalog'];
  now: () => number;
  /** Where deadline alerts go: the loop's signal topic. */
  raise: (signals: Signal[]) => void;
}

export interface ImportOptions {
  format?: ScannerFormat;
  target?: string;
  targetKind?: TargetKind;
  by: string;
}

export class FindingsDesk {
  readonly #store: Store;
  readonly #options: FindingsDeskOptions;

  constructor(options: FindingsDeskOptions) {
    this.#store = options.store;
    this.#options = options;
  }

  /** Parses, stores the scan and folds it into findings in one transaction. Throws OpsError VALIDATION. */
  importReport(report: unknown, options: ImportOptions): ImportResponse {
    let parsed;
    try {
      parsed = parseScannerReport(report, options.format);
    } catch (error) {
      if (error instanceof ReportFormatError) throw new OpsError('OPS_ERR_VALIDATION', [error.message]);
      throw error;
    }
    const kind = options.targetKind ?? parsed.target?.kind ?? (options.target === undefined ? undefined : 'filesystem');
    const rawName = options.target ?? parsed.target?.name;
    if (rawName === undefined || kind === undefined) {
      throw new OpsError('OPS_ERR_VALIDATION', [`the ${parsed.format} report does not say what was scanned: pass ?target= (and ?targetKind=)`]);
    }
    const target = { name: normaliseTarget(rawName, kind), kind };
    const nowMs = this.#options.now();
    const scan = { id: newId('scan'), format: parsed.format, target, importedMs: nowMs, observations: parsed.observations.length, complete: parsed.complete };
    const contexts = this.contexts(nowMs);
    const services = servicesOfTarget(target, contexts.catalog);
    const team = contexts.teamOf(services);
    const result = this.#store.transaction(() => {
      this.#store.findings.saveScan(scan, parsed.observations);
      const known = this.#store.findings.ofTarget(target.name);
      const reconciled = reconcileScan({ id: scan.id, scan: parsed, target, by: options.by, nowMs }, known, () => newId('fnd'));
      for (const change of reconciled.changes) {
        const finding: Finding = { ...change.finding, services, ...(team === undefined ? {} : { team }) };
        if (team === undefined) delete finding.team;
        this.#store.findings.save(finding, prioritise(finding, contexts.for(finding)));
        this.#store.findings.appendHistory(finding.id, change.history);
      }
      return reconciled.counts;
    });
    this.raiseDeadlines(nowMs);
    return { scan, ...result };
  }

  list(filter: FindingFilter): PrioritisedFinding[] {
    const nowMs = this.#options.now();
    return this.#store.findings.list(filter).map((stored) => this.view(stored, nowMs));
  }

  get(id: string): PrioritisedFinding | undefined {
    const stored = this.#store.findings.get(id);
    return stored === undefined ? undefined : this.view(stored, this.#options.now());
  }

  history(id: string): FindingHistoryEntry[] {
    return this.#store.findings.history(id);
  }

  /** Throws OpsError NOT_FOUND, CONFLICT for a move the lifecycle does not allow, VALIDATION for a past expiry. */
  patch(id: string, body: FindingPatchBody): PrioritisedFinding {
    const nowMs = this.#options.now();
    const stored = this.#store.findings.get(id);
    if (stored === undefined) throw new OpsError('OPS_ERR_NOT_FOUND', [`Finding ${id}`]);
    const { finding } = stored;
    const refusal = refusedTransition(finding.status, body.status);
    if (refusal !== undefined) throw new OpsError('OPS_ERR_CONFLICT', [refusal]);
    if (body.status === 'risk_accepted' && (body.expiresAt as number) <= nowMs) {
      throw new OpsError('OPS_ERR_VALIDATION', [`body.expiresAt: ${new Date(body.expiresAt as number).toISOString()} is not in the future`]);
    }
    const reason = body.reason ?? `set to ${body.status}`;
    const next: Finding = { ...finding, status: body.status, statusReason: reason, updatedMs: nowMs };
    delete next.acceptedUntilMs;
    delete next.suppression;
    if (body.status === 'risk_accepted') next.acceptedUntilMs = body.expiresAt as number;
    const entry: FindingHistoryEntry = {
      timeMs: nowMs,
      from: finding.status,
      to: body.status,
      by: body.by,
      reason: body.status === 'risk_accepted' ? `${reason} (until ${new Date(body.expiresAt as number).toISOString()})` : reason,
    };
    this.#store.transaction(() => {
      this.#store.findings.save(next);
      this.#store.findings.appendHistory(id, [entry]);
    });
    this.raiseDeadlines(nowMs);
    return this.get(id) as PrioritisedFinding;
  }

  /**
   * Moves the owner team's weight of one factor a bounded step (src/act/vulns/learned-weights.ts)
   * and re-prioritises the team's findings with it. Throws OpsError NOT_FOUND.
   */
  feedback(id: string, body: FindingFeedbackBody): { weight: LearnedWeight; finding: PrioritisedFinding } {
    const nowMs = this.#options.now();
    const stored = this.#store.findings.get(id);
    if (stored === undefined) throw new OpsError('OPS_ERR_NOT_FOUND', [`Finding ${id}`]);
    const contexts = this.contexts(nowMs);
    const team = stored.finding.team ?? NO_TEAM;
    const breakdown = stored.priority?.breakdown ?? prioritise(stored.finding, contexts.for(stored.finding)).breakdown;
    const factor = feedbackFactor(body.verdict, breakdown, body.factor);
    const current = contexts.weight(stored.finding.team, factor);
    const weight: LearnedWeight = { team, factor, weight: adjustedWeight(current.weight, body.verdict), feedback: current.feedback + 1 };
    this.#store.transaction(() => {
      this.#store.findings.addFeedback({ findingId: id, team, factor, verdict: body.verdict, ...(body.note ? { note: body.note } : {}), by: body.by, timeMs: nowMs });
      this.#store.findings.saveWeight(weight, nowMs);
    });
    this.reprioritise((finding) => (finding.team ?? NO_TEAM) === team, nowMs);
    this.raiseDeadlines(nowMs);
    return { weight, finding: this.get(id) as PrioritisedFinding };
  }

  tasks(filter: { service?: string; team?: string; visibleToTeams?: readonly string[] } = {}): RemediationTask[] {
    const nowMs = this.#options.now();
    const active = this.list({ statuses: ACTIVE_STATUSES, ...filter });
    const tasks = remediationTasks(active, nowMs);
    return filter.service === undefined ? tasks : tasks.filter((task) => task.service === filter.service);
  }

  /**
   * Expires risk acceptances, re-prioritises every finding that needs work (KEV, EPSS, the
   * catalog and telemetry may have changed) and raises or resolves deadline alerts.
   */
  evaluate(): void {
    const nowMs = this.#options.now();
    const expired = this.#store.findings.list({ statuses: ['risk_accepted'] }).filter((s) => (s.finding.acceptedUntilMs ?? Number.POSITIVE_INFINITY) <= nowMs);
    this.#store.transaction(() => {
      for (const { finding } of expired) {
        const reopened: Finding = { ...finding, status: 'open', statusReason: 'risk acceptance expired', updatedMs: nowMs };
        delete reopened.acceptedUntilMs;
        this.#store.findings.save(reopened);
        this.#store.findings.appendHistory(finding.id, [
          { timeMs: nowMs, from: 'risk_accepted', to: 'open', by: 'opsloop', reason: `risk acceptance expired at ${new Date(finding.acceptedUntilMs as number).toISOString()}` },
        ]);
      }
    });
    this.reprioritise((finding) => ACTIVE_STATUSES.includes(finding.status), nowMs);
    this.raiseDeadlines(nowMs);
  }

  /** After KEV or EPSS changed: every finding's priority may have. */
  reprioritiseAll(): void {
    const nowMs = this.#options.now();
    this.reprioritise(() => true, nowMs);
    this.raiseDeadlines(nowMs);
  }

  private reprioritise(which: (finding: Finding) => boolean, nowMs: number): void {
    const contexts = this.contexts(nowMs);
    const findings = this.#store.findings.list().map((s) => s.finding).filter(which);
    this.#store.transaction(() => {
      for (const finding of findings) {
        // The catalog may have changed since the scan: map the target again.
        const services = servicesOfTarget(finding.target, contexts.catalog);
        const team = contexts.teamOf(services);
        const mapped: Finding = { ...finding, services, ...(team === undefined ? {} : { team }) };
        if (team === undefined) delete mapped.team;
        this.#store.findings.save(mapped, prioritise(mapped, contexts.for(mapped)));
      }
    });
  }

  private raiseDeadlines(nowMs: number): void {
    const firing = new Set(
      this.#store.alerts
        .list({ status: 'firing' })
        .filter((alert) => alert.source === FINDINGS_SOURCE)
        .map((alert) => alert.fingerprint),
    );
    const signals = deadlineSignals(this.tasks(), firing, nowMs);
    if (signals.length > 0) this.#options.raise(signals);
  }

  private contexts(nowMs: number): PriorityContexts {
    return new PriorityContexts(this.#store, { seeded: this.#options.seeded, settings: this.#options.settings, nowMs });
  }

  private view(stored: StoredFinding, nowMs: number): PrioritisedFinding {
    const priority = stored.priority ?? prioritise(stored.finding, this.contexts(nowMs).for(stored.finding));
    return { ...stored.finding, priority, overdue: ACTIVE_STATUSES.includes(stored.finding.status) && priority.dueMs < nowMs };
  }
}
