import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deadlineFingerprint, deadlineSignals } from '../../../src/act/vulns/deadline-alerts.js';
import { remediationPlan, remediationTasks } from '../../../src/act/vulns/remediation.js';
import { compareVersions, nearestAtOrAbove } from '../../../src/act/vulns/version-order.js';
import type { Finding, PrioritisedFinding } from '../../../src/core/findings-api.js';
import { sampleFinding } from './fixtures.js';

const DAY = 86_400_000;
const T0 = Date.parse('2030-01-01T00:00:00Z');

function finding(id: string, vulnerabilityId: string, fixedVersions: string[], decision: 'Act' | 'Attend' | 'Track', dueMs: number, status: Finding['status'] = 'open'): PrioritisedFinding {
  return {
    ...sampleFinding({ id, vulnerabilityId, aliases: [vulnerabilityId], fixedVersions, status }, T0),
    overdue: false,
    priority: {
      score: 50,
      breakdown: [],
      severity: 'high',
      ssvc: { exploitation: 'none', automatable: 'no', technicalImpact: 'partial', missionWellbeing: 'high', decision, reasons: [] },
      dueMs,
      computedMs: T0,
    },
  };
}

describe('compareVersions()', () => {
  it('orders numbers numerically, pre-releases first, Debian tildes first, epochs first', () => {
    assert.ok(compareVersions('4.17.9', '4.17.21') < 0);
    assert.ok(compareVersions('1.0.0-rc.1', '1.0.0') < 0);
    assert.ok(compareVersions('v0.17.0', '0.15.0') > 0);
    assert.ok(compareVersions('3.0.7-r0', '3.0.5-r0', 'apk') > 0);
    assert.ok(compareVersions('1.2~rc1', '1.2', 'deb') < 0);
    assert.ok(compareVersions('1:1.0', '2.0', 'deb') > 0);
    assert.equal(compareVersions('1.0.0+build5', '1.0.0'), 0);
  });

  it('picks the nearest fixed version at or above what is installed', () => {
    assert.equal(nearestAtOrAbove(['7.5.2', '6.3.1', '5.7.2'], ['6.1.0']), '6.3.1');
    assert.equal(nearestAtOrAbove(['7.5.2', '6.3.1', '5.7.2'], ['7.3.7']), '7.5.2');
    assert.equal(nearestAtOrAbove(['1.0.0'], ['2.0.0']), undefined);
  });
});

describe('remediation', () => {
  it('plans the upgrade of one finding', () => {
    const plan = remediationPlan(finding('f1', 'CVE-2021-23337', ['4.17.21'], 'Attend', T0 + 30 * DAY));
    assert.equal(plan.fixedVersion, '4.17.21');
    assert.deepEqual(plan.upgradePath, ['4.17.20 → 4.17.21']);
    assert.deepEqual(plan.affectedServices, ['cart']);
    assert.match(plan.action, /upgrade lodash to 4.17.21 in cart/);
  });

  it('groups active findings per service and package, with the fix that satisfies all and the earliest deadline', () => {
    const tasks = remediationTasks(
      [
        finding('f1', 'CVE-2021-23337', ['4.17.21'], 'Attend', T0 + 30 * DAY),
        finding('f2', 'CVE-2020-8203', ['4.17.19'], 'Act', T0 + 7 * DAY),
        finding('f3', 'CVE-2019-10744', ['4.17.12'], 'Track', T0 + DAY, 'fixed'),
      ],
      T0 + 10 * DAY,
    );
    assert.equal(tasks.length, 1);
    const task = tasks[0];
    assert.deepEqual(task?.findingIds, ['f1', 'f2']);
    assert.equal(task?.fixedVersion, '4.17.21');
    assert.equal(task?.decision, 'Act');
    assert.equal(task?.dueMs, T0 + 7 * DAY);
    assert.equal(task?.overdue, true);
    assert.deepEqual(task?.runbookInputs, { service: 'cart', package: 'lodash', ecosystem: 'npm', fixedVersion: '4.17.21', image: 'ghcr.io/acme/cart' });
  });

  it('raises a deadline breach as an alert, and resolves it once the task is gone', () => {
    const overdue = remediationTasks([finding('f1', 'CVE-2021-23337', ['4.17.21'], 'Act', T0 + 7 * DAY)], T0 + 8 * DAY);
    const fired = deadlineSignals(overdue, new Set(), T0 + 8 * DAY);
    assert.equal(fired.length, 1);
    assert.deepEqual([fired[0]?.status, fired[0]?.severity, fired[0]?.service, fired[0]?.source], ['firing', 'critical', 'cart', 'findings']);
    assert.match(fired[0]?.summary ?? '', /lodash in cart: CVE-2021-23337 past the Act deadline of 2030-01-08; upgrade to 4.17.21/);
    const fingerprint = deadlineFingerprint(overdue[0]?.id ?? '');
    assert.deepEqual(deadlineSignals(overdue, new Set([fingerprint]), T0 + 9 * DAY).map((s) => s.status), ['firing']);
    const resolved = deadlineSignals([], new Set([fingerprint]), T0 + 9 * DAY);
    assert.deepEqual(resolved.map((s) => [s.status, s.fingerprint]), [['resolved', fingerprint]]);
    assert.deepEqual(deadlineSignals(remediationTasks([finding('f1', 'CVE-2021-23337', ['4.17.21'], 'Act', T0 + 7 * DAY)], T0), new Set(), T0), []);
  });
});
