/**
 * Issue 9 end to end through the API: three scanners' reports imported and deduplicated, a remediation task fixed
 * through the runbook engine (approval, an HTTP step that "opens a pull request" on a webhook),
 * and the fix verified by a re-scan of the target that no longer reports it.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { FindingListResponseSchema, TaskListResponseSchema } from '../../../src/core/findings-api.js';
import type { Execution } from '../../../src/core/runbook-api.js';
import { fixture } from '../../act/vulns/fixtures.js';
import { startHarness, type Harness } from '../harness.js';

const CATALOG = { cart: { ownerTeam: 'shop', tier: 1, internetFacing: true, images: ['ghcr.io/acme/cart:1.0.0'], runbooks: [] } };
const UPGRADE = (webhook: string) => `id: upgrade-package
name: Open a pull request that upgrades a vulnerable package
approval: { required: true, roles: [admin] }
inputs:
  service: { type: string }
  package: { type: string }
  fixedVersion: { type: string }
steps:
  - id: pr
    type: http
    url: '${webhook}/pulls'
    body: '{"title": "Upgrade {{ inputs.package }} to {{ inputs.fixedVersion }} in {{ inputs.service }}"}'
`;

describe('finding remediation through a runbook', () => {
  let h: Harness;
  let webhook: Server;
  let webhookUrl = '';
  const received: string[] = [];

  before(async () => {
    webhook = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        received.push(`${request.method} ${request.url} ${body}`);
        response.statusCode = 201;
        response.end('{"number": 42}');
      });
    });
    await new Promise<void>((resolve) => webhook.listen(0, '127.0.0.1', resolve));
    const address = webhook.address();
    webhookUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    h = await startHarness({ config: { catalog: CATALOG } });
    const created = await h.app.inject({ method: 'POST', url: '/api/v1/runbooks', payload: { source: UPGRADE(webhookUrl) } });
    assert.equal(created.statusCode, 201, created.body);
  });
  after(async () => {
    await h.close();
    webhook.closeAllConnections();
    webhook.close();
  });

  const findings = async (query: string) => FindingListResponseSchema.parse((await h.app.inject({ url: `/api/v1/findings${query}` })).json()).findings;

  it('starts the runbook with the task inputs, holds it for approval, then a re-scan without the package verifies the fix', async () => {
    for (const report of ['trivy-cart.json', 'grype-cart.json', 'cyclonedx-cart.json']) {
      const imported = await h.app.inject({ method: 'POST', url: '/api/v1/findings/import', payload: fixture(report) as object });
      assert.equal(imported.statusCode, 200, imported.body);
    }
    // Three scanners, one finding: lodash's CVE deduplicated across them, and prioritised.
    const lodashFindings = (await findings('?q=lodash')).filter((f) => f.target.name === 'ghcr.io/acme/cart');
    assert.deepEqual(lodashFindings.map((f) => f.scanners), [['cyclonedx', 'grype', 'trivy']]);
    assert.ok((lodashFindings[0]?.priority.score ?? 0) > 0);
    const { tasks } = TaskListResponseSchema.parse((await h.app.inject({ url: '/api/v1/findings/tasks' })).json());
    const lodash = tasks.find((task) => task.package.name === 'lodash');
    assert.ok(lodash, JSON.stringify(tasks.map((t) => t.package.name)));

    const dry = await h.app.inject({ method: 'POST', url: `/api/v1/findings/tasks/${lodash.id}/remediate`, payload: { runbook: 'upgrade-package', dryRun: true } });
    assert.equal(dry.statusCode, 200, dry.body);
    assert.deepEqual(dry.json<{ findings: unknown[] }>().findings, []);

    const started = await h.app.inject({ method: 'POST', url: `/api/v1/findings/tasks/${lodash.id}/remediate`, payload: { runbook: 'upgrade-package' } });
    assert.equal(started.statusCode, 200, started.body);
    const { execution, findings: moved } = started.json<{ execution: Execution; findings: Array<{ id: string; status: string }> }>();
    assert.equal(execution.status, 'awaiting_approval');
    assert.deepEqual(execution.inputs, { service: 'cart', package: 'lodash', fixedVersion: lodash.fixedVersion });
    assert.deepEqual(moved.map((f) => f.status), lodash.findingIds.map(() => 'in_remediation'));
    assert.deepEqual(received, [], 'nothing is done before the approval');
    const audited = h.store.audit.list({ action: 'finding.task.remediate' });
    assert.deepEqual(audited.map((entry) => [entry.subjectKind, entry.subjectId]), [['finding_task', lodash.id], ['finding_task', lodash.id]]);

    const approved = await h.app.inject({ method: 'POST', url: `/api/v1/runbook-executions/${execution.id}/approve`, payload: { comment: 'ship it' } });
    assert.equal(approved.statusCode, 200, approved.body);
    assert.equal((await h.engine.runbooks.executions.ended(execution.id)).status, 'succeeded');
    assert.deepEqual(received, [`POST /pulls {"title": "Upgrade lodash to ${lodash.fixedVersion} in cart"}`]);

    // The rebuilt image no longer has the vulnerable lodash: the next scan of the target verifies the fix.
    const rescan = structuredClone(fixture('trivy-cart.json')) as { Results: Array<{ Vulnerabilities?: Array<{ PkgName: string }> }> };
    for (const result of rescan.Results) result.Vulnerabilities = result.Vulnerabilities?.filter((v) => v.PkgName !== 'lodash');
    assert.equal((await h.app.inject({ method: 'POST', url: '/api/v1/findings/import', payload: rescan })).statusCode, 200);
    const fixed = (await findings('?status=fixed')).filter((f) => lodash.findingIds.includes(f.id));
    assert.deepEqual(fixed.map((f) => f.status), lodash.findingIds.map(() => 'fixed'));
  });

  it('answers 404 for an unknown task and for an unknown runbook', async () => {
    const unknownTask = await h.app.inject({ method: 'POST', url: '/api/v1/findings/tasks/nope/remediate', payload: { runbook: 'upgrade-package' } });
    assert.equal(unknownTask.statusCode, 404);
    const { tasks } = TaskListResponseSchema.parse((await h.app.inject({ url: '/api/v1/findings/tasks' })).json());
    const unknownRunbook = await h.app.inject({ method: 'POST', url: `/api/v1/findings/tasks/${tasks[0]?.id ?? 'x'}/remediate`, payload: { runbook: 'no-such-runbook' } });
    assert.equal(unknownRunbook.statusCode, 404, unknownRunbook.body);
  });
});
