/**
 * Remediation: a plan per finding (the nearest fixed version at or above what is installed,
 * the upgrade path, the services affected) and tasks that group active findings per service
 * and package — one upgrade fixes them together. A task carries the inputs a remediation
 * runbook takes (service, package, ecosystem, fixed version, image or repository), so the
 * runbook engine can be started for it.
 */
import { ACTIVE_STATUSES, DECISIONS, type Finding, type PrioritisedFinding, type RemediationPlan, type RemediationTask } from '../../core/findings-api.js';
import { stableHash } from '../../core/ids.js';
import { packageKey } from './package-key.js';
import { compareVersions, nearestAtOrAbove } from './version-order.js';

/** Tasks are per service; findings no service claims get one per target. */
function taskOwners(finding: Finding): Array<string | undefined> {
  return finding.services.length > 0 ? finding.services : [undefined];
}

export function taskId(owner: string | undefined, finding: Pick<Finding, 'target' | 'package'>): string {
  return `task_${stableHash('finding-task', owner ?? `target:${finding.target.name}`, packageKey(finding.package))}`;
}

export function remediationPlan(finding: Finding): RemediationPlan {
  const ecosystem = finding.package.ecosystem;
  const installed = finding.package.installedVersions;
  const fixed = nearestAtOrAbove(finding.fixedVersions, installed, ecosystem) ?? [...finding.fixedVersions].sort((a, b) => compareVersions(a, b, ecosystem)).at(-1);
  const upgradePath = fixed === undefined ? [] : (installed.length > 0 ? installed : ['(unknown)']).map((version) => `${version} → ${fixed}`);
  const where = finding.services.length > 0 ? finding.services.join(', ') : finding.target.name;
  return {
    installedVersions: installed,
    ...(fixed === undefined ? {} : { fixedVersion: fixed }),
    upgradePath,
    affectedServices: finding.services,
    target: finding.target.name,
    taskId: taskId(taskOwners(finding)[0], finding),
    action:
      fixed === undefined
        ? `no fixed version of ${finding.package.name} yet: mitigate in ${where}, or accept the risk until a fix is published`
        : `upgrade ${finding.package.name} to ${fixed} in ${where} (${finding.target.kind} ${finding.target.name}), rebuild and redeploy; the next scan verifies it`,
  };
}

export function remediationTasks(findings: readonly PrioritisedFinding[], nowMs: number): RemediationTask[] {
  const groups = new Map<string, { owner: string | undefined; findings: PrioritisedFinding[] }>();
  for (const finding of findings) {
    if (!ACTIVE_STATUSES.includes(finding.status)) continue;
    for (const owner of taskOwners(finding)) {
      const id = taskId(owner, finding);
      const group = groups.get(id) ?? { owner, findings: [] };
      group.findings.push(finding);
      groups.set(id, group);
    }
  }
  const tasks = [...groups.entries()].map(([id, group]) => task(id, group.owner, group.findings, nowMs));
  return tasks.sort((a, b) => a.dueMs - b.dueMs || a.id.localeCompare(b.id));
}

function task(id: string, service: string | undefined, findings: readonly PrioritisedFinding[], nowMs: number): RemediationTask {
  const first = findings[0] as PrioritisedFinding;
  const ecosystem = first.package.ecosystem;
  const plans = findings.map(remediationPlan);
  const fixes = plans.map((p) => p.fixedVersion).filter((v): v is string => v !== undefined);
  const fixedVersion = fixes.sort((a, b) => compareVersions(a, b, ecosystem)).at(-1);
  const installed = [...new Set(findings.flatMap((f) => f.package.installedVersions))].sort((a, b) => compareVersions(a, b, ecosystem));
  const decision = DECISIONS[Math.max(...findings.map((f) => DECISIONS.indexOf(f.priority.ssvc.decision)))] ?? 'Track';
  const dueMs = Math.min(...findings.map((f) => f.priority.dueMs));
  const targetField = first.target.kind === 'image' ? 'image' : first.target.kind === 'repository' ? 'repository' : 'target';
  return {
    id,
    ...(service === undefined ? {} : { service }),
    ...(first.team === undefined ? {} : { team: first.team }),
    target: first.target,
    package: { name: first.package.name, ...(ecosystem ? { ecosystem } : {}), ...(first.package.purl ? { purl: first.package.purl } : {}) },
    installedVersions: installed,
    ...(fixedVersion === undefined ? {} : { fixedVersion }),
    findingIds: findings.map((f) => f.id).sort(),
    vulnerabilityIds: [...new Set(findings.map((f) => f.vulnerabilityId))].sort(),
    decision,
    dueMs,
    overdue: dueMs < nowMs,
    status: findings.every((f) => f.status === 'in_remediation') ? 'in_remediation' : 'open',
    runbookInputs: {
      ...(service === undefined ? {} : { service }),
      package: first.package.name,
      ...(ecosystem ? { ecosystem } : {}),
      ...(fixedVersion === undefined ? {} : { fixedVersion }),
      [targetField]: first.target.name,
    },
  };
}
