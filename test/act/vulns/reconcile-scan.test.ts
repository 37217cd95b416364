import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseScannerReport } from '../../../src/act/vulns/formats/index.js';
import { reconcileScan, type ScanToReconcile } from '../../../src/act/vulns/reconcile-scan.js';
import { normaliseTarget } from '../../../src/act/vulns/target-name.js';
import type { Finding } from '../../../src/core/findings-api.js';
import { fixture } from './fixtures.js';

const T0 = Date.parse('2030-01-01T00:00:00Z');
const CART = { name: normaliseTarget('ghcr.io/acme/cart:1.4.2', 'image'), kind: 'image' as const };

let ids = 0;
const newId = () => `fnd_${++ids}`;

function scanOf(name: string, id: string, nowMs: number, report: unknown = fixture(name)): ScanToReconcile {
  return { id, scan: parseScannerReport(report), target: CART, by: 'ci', nowMs };
}

/** Applies one scan to the findings so far, as the store would. */
function apply(known: Finding[], input: ScanToReconcile): { findings: Finding[]; counts: ReturnType<typeof reconcileScan>['counts'] } {
  const result = reconcileScan(input, known, newId);
  const byId = new Map(known.map((f) => [f.id, f]));
  for (const change of result.changes) byId.set(change.finding.id, change.finding);
  return { findings: [...byId.values()], counts: result.counts };
}

function find(findings: readonly Finding[], vulnerabilityId: string): Finding {
  const found = findings.find((f) => f.vulnerabilityId === vulnerabilityId);
  assert.ok(found, vulnerabilityId);
  return found;
}

describe('reconcileScan()', () => {
  it('dedupes across scanners: Grype\'s GHSA with its CVE alias joins Trivy\'s CVE, OS packages despite distro spellings', () => {
    const trivy = apply([], scanOf('trivy-cart.json', 'scan_1', T0));
    assert.equal(trivy.counts.created, 4);
    const grype = apply(trivy.findings, scanOf('grype-cart.json', 'scan_2', T0 + 1000));
    assert.deepEqual(grype.counts, { created: 1, seen: 2, reopened: 0, fixed: 0, suppressed: 0 });
    const lodash = find(grype.findings, 'CVE-2021-23337');
    assert.deepEqual(lodash.aliases, ['CVE-2021-23337', 'GHSA-35jh-r3h4-6jhm']);
    assert.deepEqual(lodash.scanners, ['grype', 'trivy']);
    assert.deepEqual(lodash.locations, ['/app/package-lock.json', 'app/package-lock.json']);
    assert.equal(lodash.package.purl, 'pkg:npm/lodash');
    assert.deepEqual(find(grype.findings, 'CVE-2022-3602').scanners, ['grype', 'trivy']);
    // semver is new (Trivy did not report it), shown under its CVE alias.
    assert.equal(find(grype.findings, 'CVE-2022-25883').status, 'open');
  });

  it('marks fixed what a later scan of the same scanner no longer reports, and reopens it when it comes back', () => {
    const first = apply([], scanOf('trivy-cart.json', 'scan_1', T0));
    const report = fixture('trivy-cart.json') as { Results: Array<{ Vulnerabilities: Array<{ PkgName: string }> }> };
    const withoutLodash = structuredClone(report);
    const npm = withoutLodash.Results[1] as { Vulnerabilities: Array<{ PkgName: string }> };
    npm.Vulnerabilities = npm.Vulnerabilities.filter((v) => v.PkgName !== 'lodash');
    const rescan = apply(first.findings, scanOf('trivy-cart.json', 'scan_2', T0 + 1000, withoutLodash));
    assert.equal(rescan.counts.fixed, 1);
    const fixed = find(rescan.findings, 'CVE-2021-23337');
    assert.equal(fixed.status, 'fixed');
    assert.equal(fixed.verifiedByScanId, 'scan_2');
    assert.equal(find(rescan.findings, 'CVE-2024-45590').status, 'open');

    const back = apply(rescan.findings, scanOf('trivy-cart.json', 'scan_3', T0 + 2000));
    assert.equal(back.counts.reopened, 1);
    const reopened = find(back.findings, 'CVE-2021-23337');
    assert.equal(reopened.status, 'open');
    assert.equal(reopened.verifiedByScanId, undefined);
  });

  it('does not take another scanner\'s silence as a fix', () => {
    const trivy = apply([], scanOf('trivy-cart.json', 'scan_1', T0));
    // Grype does not report body-parser; only Trivy ever did.
    const grype = apply(trivy.findings, scanOf('grype-cart.json', 'scan_2', T0 + 1000));
    assert.equal(grype.counts.fixed, 0);
    assert.equal(find(grype.findings, 'CVE-2024-45590').status, 'open');
  });

  it('suppresses on a VEX statement and verifies nothing with it', () => {
    const trivy = apply([], scanOf('trivy-cart.json', 'scan_1', T0));
    const vex = reconcileScan(scanOf('cyclonedx-vex-cart.json', 'scan_2', T0 + 1000), trivy.findings, newId);
    assert.deepEqual(vex.counts, { created: 0, seen: 0, reopened: 0, fixed: 0, suppressed: 1 });
    const change = vex.changes[0];
    assert.equal(change?.finding.vulnerabilityId, 'CVE-2022-3602');
    assert.equal(change?.finding.status, 'suppressed');
    assert.equal(change?.finding.suppression?.justification, 'vulnerable_code_not_in_execute_path');
    assert.match(change?.history[0]?.reason ?? '', /^VEX: not_affected \(vulnerable_code_not_in_execute_path\): cart terminates TLS/);
  });
});
