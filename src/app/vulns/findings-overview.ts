/** The risk overview (GET /api/v1/findings/overview) and a finding's page (plan, evidence), from the store. */
import { ACTIVE_STATUSES, DECISIONS, FINDING_STATUSES, type PrioritisedFinding, type RemediationPlan, type ScanSummary, VulnSeveritySchema } from '../../core/findings-api.js';
import { burndown, evenTimes } from '../../act/vulns/burndown.js';
import { remediationPlan } from '../../act/vulns/remediation.js';
import type { Store } from '../../store/store.js';

const DAY_MS = 86_400_000;

export interface Overview {
  open: number;
  overdue: number;
  byDecision: Record<(typeof DECISIONS)[number], number>;
  bySeverity: Record<ReturnType<typeof VulnSeveritySchema.parse>, number>;
  byStatus: Record<(typeof FINDING_STATUSES)[number], number>;
  kev: number;
  burndown: Array<{ timeMs: number; open: number; overdue: number }>;
  intel: ReturnType<Store['findings']['intelStatus']>;
}

/** `findings`: every finding the caller may see, whatever its status. */
export function findingsOverview(store: Store, findings: readonly PrioritisedFinding[], window: { fromMs?: number; toMs?: number; points: number; nowMs: number }): Overview {
  const active = findings.filter((f) => ACTIVE_STATUSES.includes(f.status));
  const count = <K extends string>(keys: readonly K[], key: (f: PrioritisedFinding) => K, of: readonly PrioritisedFinding[]) =>
    Object.fromEntries(keys.map((k) => [k, of.filter((f) => key(f) === k).length])) as Record<K, number>;
  const toMs = window.toMs ?? window.nowMs;
  const fromMs = window.fromMs ?? toMs - 30 * DAY_MS;
  const visible = new Set(findings.map((f) => f.id));
  const history = store.findings.allHistory().filter((entry) => visible.has(entry.findingId));
  const dueMs = new Map(findings.map((f) => [f.id, f.priority.dueMs]));
  return {
    open: active.length,
    overdue: active.filter((f) => f.overdue).length,
    byDecision: count(DECISIONS, (f) => f.priority.ssvc.decision, active),
    bySeverity: count(VulnSeveritySchema.options, (f) => f.priority.severity, active),
    byStatus: count(FINDING_STATUSES, (f) => f.status, findings),
    kev: active.filter((f) => f.priority.kev !== undefined).length,
    burndown: burndown(history, dueMs, evenTimes(fromMs, toMs, window.points)),
    intel: store.findings.intelStatus(),
  };
}

export function findingPage(store: Store, finding: PrioritisedFinding): { plan: RemediationPlan; evidence: { scans: ScanSummary[]; runtime: string } } {
  const runtime = finding.priority.breakdown.find((f) => f.factor === 'runtime')?.explanation ?? 'unknown';
  return { plan: remediationPlan(finding), evidence: { scans: store.findings.scansOf(finding.target.name, 10), runtime } };
}
