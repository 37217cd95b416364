/**
 * Remediation deadlines → alert signals for the normal alert → incident flow, like capacity
 * alerts (src/act/capacity/capacity-alerts.ts): one fingerprint per remediation task, firing
 * while its earliest deadline has passed, resolved once it has not (fixed, accepted,
 * suppressed, or the task is gone). Pure: the caller passes the tasks, which of these alerts
 * fire now (from the alert store), and the time.
 */
import type { Decision, RemediationTask } from '../../core/findings-api.js';
import { stableHash } from '../../core/ids.js';
import type { Severity, Signal } from '../../core/records.js';

export const FINDINGS_SOURCE = 'findings';

const SEVERITY: Readonly<Record<Decision, Severity>> = { Act: 'critical', Attend: 'error', 'Track*': 'warning', Track: 'warning' };

export function deadlineFingerprint(taskId: string): string {
  return stableHash(FINDINGS_SOURCE, taskId);
}

export function deadlineSignals(tasks: readonly RemediationTask[], firing: ReadonlySet<string>, nowMs: number): Signal[] {
  const signals: Signal[] = [];
  const handled = new Set<string>();
  for (const task of tasks) {
    const fingerprint = deadlineFingerprint(task.id);
    if (task.dueMs < nowMs) {
      handled.add(fingerprint);
      signals.push(signal(task, fingerprint, 'firing', SEVERITY[task.decision], nowMs, breachSummary(task)));
    } else if (firing.has(fingerprint)) {
      handled.add(fingerprint);
      signals.push(signal(task, fingerprint, 'resolved', 'info', nowMs, `${task.package.name} in ${task.service ?? task.target.name} is within its deadline again`));
    }
  }
  for (const fingerprint of firing) {
    if (handled.has(fingerprint)) continue;
    signals.push({
      kind: 'alert',
      source: FINDINGS_SOURCE,
      fingerprint,
      name: 'security fix overdue',
      status: 'resolved',
      severity: 'info',
      timeMs: nowMs,
      summary: 'no open finding of the task is left (fixed, risk accepted or suppressed)',
      labels: {},
    });
  }
  return signals;
}

function breachSummary(task: RemediationTask): string {
  const ids = task.vulnerabilityIds.slice(0, 3).join(', ') + (task.vulnerabilityIds.length > 3 ? ` and ${task.vulnerabilityIds.length - 3} more` : '');
  const fix = task.fixedVersion === undefined ? 'no fixed version yet' : `upgrade to ${task.fixedVersion}`;
  return `${task.package.name} in ${task.service ?? task.target.name}: ${ids} past the ${task.decision} deadline of ${new Date(task.dueMs).toISOString().slice(0, 10)}; ${fix}`;
}

function signal(task: RemediationTask, fingerprint: string, status: Signal['status'], severity: Severity, timeMs: number, summary: string): Signal {
  return {
    kind: 'alert',
    source: FINDINGS_SOURCE,
    fingerprint,
    name: 'security fix overdue',
    ...(task.service === undefined ? {} : { service: task.service }),
    status,
    severity,
    timeMs,
    summary,
    labels: { package: task.package.name, target: task.target.name, decision: task.decision, task: task.id },
  };
}
