import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectFormat, parseScannerReport } from '../../../src/act/vulns/formats/index.js';
import { ReportFormatError, type Observation } from '../../../src/act/vulns/observation.js';
import { fixture } from './fixtures.js';

function byId(observations: readonly Observation[], id: string): Observation {
  const found = observations.find((o) => o.id === id);
  assert.ok(found, `observation ${id}`);
  return found;
}

describe('scanner report formats', () => {
  it('detects each format from its shape', () => {
    assert.equal(detectFormat(fixture('trivy-cart.json')), 'trivy');
    assert.equal(detectFormat(fixture('grype-cart.json')), 'grype');
    assert.equal(detectFormat(fixture('trivy-shop.sarif.json')), 'sarif');
    assert.equal(detectFormat(fixture('cyclonedx-cart.json')), 'cyclonedx');
    assert.equal(detectFormat(fixture('osv-scanner-shop.json')), 'osv-scanner');
    assert.equal(detectFormat({ hello: 'world' }), undefined);
  });

  it('parses Trivy JSON: packages with purls, fixed versions, CVSS v3.1 and v4.0 per source, vendor ids as aliases', () => {
    const scan = parseScannerReport(fixture('trivy-cart.json'));
    assert.deepEqual(scan.target, { name: 'ghcr.io/acme/cart:1.4.2', kind: 'image' });
    assert.equal(scan.observations.length, 4);
    const bodyParser = byId(scan.observations, 'CVE-2024-45590');
    assert.deepEqual(bodyParser.aliases, ['GHSA-qwcr-r2fm-qrc7']);
    assert.deepEqual(bodyParser.fixedVersions, ['1.20.3']);
    assert.deepEqual(bodyParser.cvss.map((c) => [c.version, c.score]), [['4.0', 8.7], ['3.1', 7.5]]);
    const openssl = byId(scan.observations, 'CVE-2022-3602');
    assert.equal(openssl.package.ecosystem, 'alpine');
    assert.equal(openssl.package.version, '3.0.5-r0');
    assert.equal(openssl.location, 'ghcr.io/acme/cart:1.4.2 (alpine 3.16.2)');
  });

  it('parses Grype JSON: the GHSA match with its related CVE as alias, the image as target', () => {
    const scan = parseScannerReport(fixture('grype-cart.json'));
    assert.deepEqual(scan.target, { name: 'ghcr.io/acme/cart:1.4.2', kind: 'image' });
    const lodash = byId(scan.observations, 'GHSA-35jh-r3h4-6jhm');
    assert.deepEqual(lodash.aliases, ['CVE-2021-23337']);
    assert.equal(lodash.package.purl, 'pkg:npm/lodash@4.17.20');
    assert.deepEqual(lodash.fixedVersions, ['4.17.21']);
    assert.equal(lodash.severity, 'high');
    // The NVD score comes from the related vulnerability when the match itself has none.
    assert.equal(byId(scan.observations, 'CVE-2022-3602').cvss[0]?.vector, 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H');
  });

  it("parses SARIF 2.1.0: package and versions from Trivy's message lines, severity from security-severity, the repository as target", () => {
    const scan = parseScannerReport(fixture('trivy-shop.sarif.json'));
    assert.deepEqual(scan.target, { name: 'https://github.com/acme/shop.git', kind: 'repository' });
    const semver = byId(scan.observations, 'CVE-2022-25883');
    assert.equal(semver.package.name, 'semver');
    assert.equal(semver.package.version, '7.3.7');
    assert.deepEqual(semver.fixedVersions, ['7.5.2', '6.3.1', '5.7.2']);
    assert.equal(semver.severity, 'medium');
    assert.equal(semver.location, 'web/package-lock.json');
  });

  it('parses CycloneDX: affects refs to components, unaffected versions as fixes, VEX analysis as a suppression', () => {
    const scan = parseScannerReport(fixture('cyclonedx-cart.json'));
    assert.deepEqual(scan.target, { name: 'ghcr.io/acme/cart', kind: 'image' });
    assert.equal(scan.complete, true);
    const lodash = byId(scan.observations, 'CVE-2021-23337');
    assert.deepEqual(lodash.fixedVersions, ['4.17.21']);
    assert.deepEqual(lodash.aliases, ['GHSA-35jh-r3h4-6jhm']);
    const semver = byId(scan.observations, 'CVE-2022-25883');
    assert.equal(semver.suppression?.state, 'not_affected');
    assert.equal(semver.suppression?.justification, 'code_not_reachable');
    // A vector without its prefix gets the one its rating method names.
    assert.equal(semver.cvss[0]?.vector, 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:L');
  });

  it('reads a CycloneDX document without components as a VEX statement, which verifies no fix', () => {
    const scan = parseScannerReport(fixture('cyclonedx-vex-cart.json'));
    assert.equal(scan.complete, false);
    const openssl = byId(scan.observations, 'CVE-2022-3602');
    assert.equal(openssl.package.name, 'libssl3');
    assert.equal(openssl.package.purl, 'pkg:apk/alpine/libssl3@3.0.5-r0?arch=x86_64');
  });

  it('parses OSV-Scanner JSON: fixed events of the matching package, CVSS v3 and v4 vectors', () => {
    const scan = parseScannerReport(fixture('osv-scanner-shop.json'));
    assert.equal(scan.target, undefined);
    const bodyParser = byId(scan.observations, 'GHSA-qwcr-r2fm-qrc7');
    assert.deepEqual(bodyParser.fixedVersions, ['1.20.3']);
    assert.deepEqual(bodyParser.cvss.map((c) => c.version), ['3.1', '4.0']);
    assert.equal(bodyParser.severity, 'high');
  });

  it('names the path of the first bad field', () => {
    const report = fixture('trivy-cart.json') as { Results: Array<{ Vulnerabilities: Array<Record<string, unknown>> }> };
    delete report.Results[1]?.Vulnerabilities[0]?.['PkgName'];
    assert.throws(() => parseScannerReport(report), (error: unknown) => error instanceof ReportFormatError && error.path === 'report.Results[1].Vulnerabilities[0].PkgName');
    assert.throws(() => parseScannerReport({ matches: 'no' }, 'grype'), /report\.matches: expected array/);
  });
});
