import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { Finding, Priority } from '../../../src/core/findings-api.js';
import type { Store } from '../../../src/store/store.js';
import { sampleFinding } from '../../act/vulns/fixtures.js';
import { type OpenStore, T0 } from './fixtures.js';

function finding(id: string, overrides: Partial<Finding> = {}): Finding {
  return sampleFinding({ id, ...overrides }, T0);
}

function priority(score: number, decision: Priority['ssvc']['decision'], kev = false): Priority {
  return {
    score,
    breakdown: [],
    severity: 'high',
    ...(kev ? { kev: { dateAdded: '2023-10-10' } } : {}),
    ssvc: { exploitation: kev ? 'active' : 'none', automatable: 'no', technicalImpact: 'partial', missionWellbeing: 'high', decision, reasons: [] },
    dueMs: T0,
    computedMs: T0,
  };
}

export function findingsContract(open: OpenStore): void {
  describe('FindingsRepository', () => {
    let store: Store;
    beforeEach(() => {
      store = open();
      store.findings.save(finding('f1'), priority(60, 'Attend'));
      store.findings.save(finding('f2', { vulnerabilityId: 'CVE-2023-44487', aliases: ['CVE-2023-44487'], package: { name: 'golang.org/x/net', installedVersions: [] }, fixedVersions: [] }), priority(90, 'Act', true));
      store.findings.save(finding('f3', { target: { name: 'github.com/acme/shop', kind: 'repository' }, services: [], status: 'fixed' }), priority(30, 'Track'));
      store.findings.save(finding('f4', { team: 'payments', services: ['pay'] }), priority(60, 'Track'));
    });
    afterEach(() => store.close());

    it('lists highest score first with every filter, and pages by (score, id)', () => {
      const ids = (filter: Parameters<Store['findings']['list']>[0]) => store.findings.list(filter).map((s) => s.finding.id);
      assert.deepEqual(ids({}), ['f2', 'f1', 'f4', 'f3']);
      assert.deepEqual(ids({ statuses: ['open'] }), ['f2', 'f1', 'f4']);
      assert.deepEqual(ids({ decisions: ['Act', 'Track'] }), ['f2', 'f4', 'f3']);
      assert.deepEqual(ids({ kev: true }), ['f2']);
      assert.deepEqual(ids({ fixable: false }), ['f2']);
      assert.deepEqual(ids({ service: 'pay' }), ['f4']);
      assert.deepEqual(ids({ team: 'shop', text: 'ACME/SHOP' }), ['f3']);
      assert.deepEqual(ids({ visibleToTeams: ['payments'] }), ['f4']);
      assert.deepEqual(ids({ after: { score: 60, id: 'f1' } }), ['f4', 'f3']);
      assert.deepEqual(ids({ limit: 1 }), ['f2']);
    });

    it('keeps the stored priority when a finding is saved without one', () => {
      store.findings.save({ ...finding('f1'), status: 'triaged' });
      const stored = store.findings.get('f1');
      assert.equal(stored?.finding.status, 'triaged');
      assert.equal(stored?.priority?.score, 60);
      assert.deepEqual(store.findings.list({ decisions: ['Attend'] }).map((s) => s.finding.id), ['f1']);
    });

    it('keeps history, scans per target, weights, and replaces KEV and EPSS whole', () => {
      store.findings.appendHistory('f1', [{ timeMs: T0, to: 'open', by: 'ci', reason: 'reported' }, { timeMs: T0 + 1, from: 'open', to: 'triaged', by: 'ana', reason: 'looked' }]);
      assert.deepEqual(store.findings.history('f1').map((e) => e.to), ['open', 'triaged']);
      assert.deepEqual(store.findings.allHistory().map((e) => e.findingId), ['f1', 'f1']);
      store.findings.saveScan({ id: 'scan_1', format: 'trivy', target: { name: 'ghcr.io/acme/cart', kind: 'image' }, importedMs: T0, observations: 4, complete: true }, []);
      assert.deepEqual(store.findings.scansOf('ghcr.io/acme/cart', 5).map((s) => s.id), ['scan_1']);
      assert.deepEqual(store.findings.ofTarget('ghcr.io/acme/cart').map((f) => f.id).sort(), ['f1', 'f2', 'f4']);
      store.findings.saveWeight({ team: 'shop', factor: 'exploitation', weight: 0.9, feedback: 1 }, T0);
      store.findings.saveWeight({ team: 'shop', factor: 'exploitation', weight: 0.81, feedback: 2 }, T0);
      assert.deepEqual(store.findings.weights(), [{ team: 'shop', factor: 'exploitation', weight: 0.81, feedback: 2 }]);
      store.findings.replaceKev([{ cve: 'CVE-2023-44487', record: '{}' }], { entries: 1, loadedMs: T0, source: 'upload' });
      store.findings.replaceKev([{ cve: 'CVE-2021-44228', record: '{}' }], { entries: 1, loadedMs: T0, source: 'upload' });
      assert.equal(store.findings.kev('CVE-2023-44487'), undefined);
      assert.equal(store.findings.kev('CVE-2021-44228'), '{}');
      store.findings.replaceEpss([{ cve: 'CVE-2021-44228', probability: 0.94, percentile: 0.999 }], { entries: 1, version: 'v2025.03.14', loadedMs: T0, source: 'x' });
      assert.deepEqual(store.findings.epss('CVE-2021-44228'), { probability: 0.94, percentile: 0.999 });
      assert.equal(store.findings.intelStatus().epss?.version, 'v2025.03.14');
    });
  });
}
