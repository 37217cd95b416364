/**
 * End to end through the API (issue 9): several scanners' fixture reports imported, deduped
 * and prioritised with KEV and EPSS; one finding moved to in_remediation, then a re-scan without
 * it marks it fixed, verified by that scan. Deadlines raise alerts into the incident flow.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import {
  FindingDetailResponseSchema,
  FindingListResponseSchema,
  ImportResponseSchema,
  OverviewResponseSchema,
  TaskListResponseSchema,
  type PrioritisedFinding,
} from '../../../src/core/findings-api.js';
import { fixture, FIXTURES } from '../../act/vulns/fixtures.js';
import { startHarness, type Harness } from '../harness.js';

const DAY = 86_400_000;
const CATALOG = {
  cart: { ownerTeam: 'shop', tier: 1, internetFacing: true, images: ['ghcr.io/acme/cart:1.0.0'], runbooks: [] },
  storefront: { ownerTeam: 'web', tier: 3, internetFacing: false, repository: 'https://github.com/acme/shop', runbooks: [] },
};

describe('findings API', () => {
  let h: Harness;
  let nowMs = Date.parse('2030-01-01T00:00:00Z');
  before(async () => {
    h = await startHarness({ config: { catalog: CATALOG, findings: { maxReportBytes: 200_000 } }, now: () => nowMs });
  });
  after(() => h.close());

  const importReport = async (name: string, query = '', report: unknown = fixture(name)) => {
    const response = await h.app.inject({ method: 'POST', url: `/api/v1/findings/import${query}`, payload: report as object });
    assert.equal(response.statusCode, 200, response.body);
    return ImportResponseSchema.parse(response.json());
  };
  const list = async (query = '') => FindingListResponseSchema.parse((await h.app.inject({ url: `/api/v1/findings${query}` })).json()).findings;
  const one = (findings: readonly PrioritisedFinding[], vulnerabilityId: string, target: string): PrioritisedFinding => {
    const found = findings.filter((f) => f.vulnerabilityId === vulnerabilityId && f.target.name === target);
    assert.equal(found.length, 1, `${vulnerabilityId} in ${target}: ${found.length} findings`);
    return found[0] as PrioritisedFinding;
  };

  it('loads the KEV catalogue and gzipped EPSS scores', async () => {
    const kev = await h.app.inject({ method: 'PUT', url: '/api/v1/findings/intel/kev', payload: fixture('kev.json') as object });
    assert.equal(kev.statusCode, 200, kev.body);
    const epss = await h.app.inject({ method: 'PUT', url: '/api/v1/findings/intel/epss', headers: { 'content-type': 'application/gzip' }, payload: readFileSync(new URL('epss.csv.gz', FIXTURES)) });
    assert.equal(epss.statusCode, 200, epss.body);
    const intel = (await h.app.inject({ url: '/api/v1/findings/intel' })).json<{ kev: { entries: number; version: string }; epss: { entries: number; version: string } }>();
    assert.deepEqual([intel.kev.entries, intel.kev.version, intel.epss.entries, intel.epss.version], [2, '2026.11.25', 6, 'v2025.03.14']);
  });

  it('imports five scanners\' reports and dedupes them into findings per vulnerability, package and target', async () => {
    assert.equal((await importReport('trivy-cart.json')).created, 4);
    const grype = await importReport('grype-cart.json');
    assert.deepEqual([grype.created, grype.seen], [1, 2]);
    const sbom = await importReport('cyclonedx-cart.json');
    // lodash seen again; semver (open since Grype) suppressed by the SBOM's VEX analysis.
    assert.deepEqual([sbom.created, sbom.seen, sbom.suppressed], [0, 1, 1]);
    const sarif = await importReport('trivy-shop.sarif.json');
    assert.equal(sarif.scan.target.name, 'github.com/acme/shop');
    const osv = await importReport('osv-scanner-shop.json', '?target=https://github.com/acme/shop&targetKind=repository');
    assert.deepEqual([osv.created, osv.seen], [1, 1]);

    const all = await list('?status=open,triaged,in_remediation,suppressed');
    assert.equal(all.length, 8);
    const lodash = one(all, 'CVE-2021-23337', 'ghcr.io/acme/cart');
    assert.deepEqual(lodash.scanners, ['cyclonedx', 'grype', 'trivy']);
    assert.deepEqual([lodash.services, lodash.team], [['cart'], 'shop']);
    assert.deepEqual(one(all, 'CVE-2021-23337', 'github.com/acme/shop').scanners, ['osv-scanner', 'sarif']);
    assert.equal(one(all, 'CVE-2022-25883', 'ghcr.io/acme/cart').status, 'suppressed');
  });

  it('prioritises with every factor shown: the KEV-listed HTTP/2 flaw in the tier-1 internet-facing cart comes first, decision Act', async () => {
    const open = await list();
    const top = open[0] as PrioritisedFinding;
    assert.equal(top.vulnerabilityId, 'CVE-2023-44487');
    assert.equal(top.priority.ssvc.decision, 'Act');
    assert.deepEqual(top.priority.kev, { dateAdded: '2023-10-10', dueDate: '2023-10-31', ransomware: 'Unknown' });
    assert.deepEqual(top.priority.breakdown.map((f) => f.factor), ['severity', 'exploitation', 'exposure', 'runtime', 'fix']);
    assert.equal(top.priority.score, top.priority.breakdown.reduce((sum, f) => sum + f.weighted, 0));
    for (let i = 1; i < open.length; i++) assert.ok((open[i - 1] as PrioritisedFinding).priority.score >= (open[i] as PrioritisedFinding).priority.score);
    const bodyParser = one(open, 'CVE-2024-45590', 'ghcr.io/acme/cart');
    assert.deepEqual([bodyParser.priority.cvss?.version, bodyParser.priority.cvss?.baseScore, bodyParser.priority.cvss?.macroVector], ['4.0', 8.7, '001200']);

    assert.deepEqual((await list('?kev=true')).map((f) => f.vulnerabilityId), ['CVE-2023-44487']);
    assert.deepEqual((await list('?service=storefront&q=lodash')).map((f) => f.target.name), ['github.com/acme/shop']);
    const page1 = FindingListResponseSchema.parse((await h.app.inject({ url: '/api/v1/findings?limit=2' })).json());
    const page2 = await list(`?limit=10&cursor=${page1.nextCursor ?? ''}`);
    assert.deepEqual([...page1.findings, ...page2].map((f) => f.id), open.map((f) => f.id));
  });

  it('moves a finding to in_remediation, lists its task with runbook inputs, and a re-scan without it verifies the fix', async () => {
    const lodash = one(await list(), 'CVE-2021-23337', 'ghcr.io/acme/cart');
    const patched = await h.app.inject({ method: 'PATCH', url: `/api/v1/findings/${lodash.id}`, payload: { status: 'in_remediation', reason: 'PR #412 bumps lodash', by: 'ana' } });
    assert.equal(patched.statusCode, 200, patched.body);

    const tasks = TaskListResponseSchema.parse((await h.app.inject({ url: '/api/v1/findings/tasks?service=cart' })).json()).tasks;
    const task = tasks.find((t) => t.package.name === 'lodash');
    assert.deepEqual(task?.runbookInputs, { service: 'cart', package: 'lodash', ecosystem: 'npm', fixedVersion: '4.17.21', image: 'ghcr.io/acme/cart' });
    assert.equal(task?.status, 'in_remediation');

    nowMs += DAY;
    const rescan = fixture('trivy-cart.json') as { ArtifactName: string; Results: Array<{ Vulnerabilities: Array<{ PkgName: string }> }> };
    rescan.ArtifactName = 'ghcr.io/acme/cart:1.4.3';
    const npm = rescan.Results[1] as { Vulnerabilities: Array<{ PkgName: string }> };
    npm.Vulnerabilities = npm.Vulnerabilities.filter((v) => v.PkgName !== 'lodash');
    const result = await importReport('trivy-cart.json', '', rescan);
    assert.equal(result.fixed, 1);

    const detail = FindingDetailResponseSchema.parse((await h.app.inject({ url: `/api/v1/findings/${lodash.id}` })).json());
    assert.equal(detail.finding.status, 'fixed');
    assert.equal(detail.finding.verifiedByScanId, result.scan.id);
    assert.deepEqual(detail.history.map((e) => [e.from, e.to, e.by]), [[undefined, 'open', 'anonymous'], ['open', 'in_remediation', 'ana'], ['in_remediation', 'fixed', 'anonymous']]);
    assert.equal(detail.plan.fixedVersion, '4.17.21');
    assert.equal(detail.evidence.scans[0]?.id, result.scan.id);
    assert.match(detail.evidence.runtime, /cart/);

    const refused = await h.app.inject({ method: 'PATCH', url: `/api/v1/findings/${lodash.id}`, payload: { status: 'triaged' } });
    assert.equal(refused.statusCode, 409);
    const overview = OverviewResponseSchema.parse((await h.app.inject({ url: '/api/v1/findings/overview?points=3' })).json());
    assert.equal(overview.byStatus.fixed, 1);
    assert.equal(overview.kev, 1);
    assert.equal(overview.burndown.at(-1)?.open, overview.open);
  });

  it('raises a breached deadline as an alert into the incident flow, resolves it on risk acceptance, reopens on expiry', async () => {
    const http2 = one(await list(), 'CVE-2023-44487', 'ghcr.io/acme/cart');
    nowMs = http2.priority.dueMs + DAY;
    h.engine.findings.evaluate();
    await h.engine.settle();
    const firing = h.store.alerts.list({ status: 'firing' }).filter((a) => a.source === 'findings');
    assert.ok(firing.some((a) => a.labels['package'] === 'golang.org/x/net' && a.severity === 'critical' && a.incidentId !== undefined), JSON.stringify(firing.map((a) => a.summary)));

    const missing = await h.app.inject({ method: 'PATCH', url: `/api/v1/findings/${http2.id}`, payload: { status: 'risk_accepted', reason: 'WAF rate-limits HTTP/2 resets' } });
    assert.equal(missing.statusCode, 400);
    const accepted = await h.app.inject({ method: 'PATCH', url: `/api/v1/findings/${http2.id}`, payload: { status: 'risk_accepted', reason: 'WAF rate-limits HTTP/2 resets', expiresAt: nowMs + DAY, by: 'ana' } });
    assert.equal(accepted.statusCode, 200, accepted.body);
    await h.engine.settle();
    const alert = h.store.alerts.list().find((a) => a.source === 'findings' && a.labels['package'] === 'golang.org/x/net');
    assert.equal(alert?.status, 'resolved');

    nowMs += 2 * DAY;
    h.engine.findings.evaluate();
    await h.engine.settle();
    const reopened = FindingDetailResponseSchema.parse((await h.app.inject({ url: `/api/v1/findings/${http2.id}` })).json());
    assert.equal(reopened.finding.status, 'open');
    assert.match(reopened.history.at(-1)?.reason ?? '', /risk acceptance expired/);
    assert.equal(h.store.alerts.byFingerprint(alert?.fingerprint ?? '')?.status, 'firing');
  });

  it('learns from feedback: "not exploitable here" lowers the team\'s exploitation weight', async () => {
    const http2 = one(await list(), 'CVE-2023-44487', 'ghcr.io/acme/cart');
    const response = await h.app.inject({ method: 'POST', url: `/api/v1/findings/${http2.id}/feedback`, payload: { verdict: 'not_exploitable_here', by: 'ana' } });
    assert.equal(response.statusCode, 200, response.body);
    const body = response.json<{ weight: { team: string; factor: string; weight: number }; finding: PrioritisedFinding }>();
    assert.deepEqual(body.weight, { team: 'shop', factor: 'exploitation', weight: 0.9, feedback: 1 });
    assert.ok(body.finding.priority.score < http2.priority.score);
    assert.equal(body.finding.priority.breakdown.find((f) => f.factor === 'exploitation')?.weighted, 22.5);
  });

  it('answers 400 naming the bad field, 413 over findings.maxReportBytes, 400 without a target', async () => {
    const bad = fixture('grype-cart.json') as { matches: Array<{ artifact: { name?: string } }> };
    delete bad.matches[1]?.artifact.name;
    const invalid = await h.app.inject({ method: 'POST', url: '/api/v1/findings/import', payload: bad });
    assert.equal(invalid.statusCode, 400);
    assert.match(invalid.json<{ message: string }>().message, /report\.matches\[1\]\.artifact\.name/);
    const huge = await h.app.inject({ method: 'POST', url: '/api/v1/findings/import', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ results: [], padding: 'x'.repeat(300_000) }) });
    assert.equal(huge.statusCode, 413);
    assert.match(huge.json<{ message: string }>().message, /200000 bytes/);
    const noTarget = await h.app.inject({ method: 'POST', url: '/api/v1/findings/import', payload: fixture('osv-scanner-shop.json') as object });
    assert.equal(noTarget.statusCode, 400);
    assert.match(noTarget.json<{ message: string }>().message, /pass \?target=/);
  });
});
