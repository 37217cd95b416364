import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { ImportResponseSchema } from '../../src/core/findings-api.js';
import { FIXTURES } from '../act/vulns/fixtures.js';
import { startHarness, type Harness } from '../server/harness.js';
import { runCli, type CliResult } from '../support/run-cli.js';

function run(args: string[]): Promise<CliResult> {
  return runCli(['findings', ...args]);
}

const file = (name: string) => fileURLToPath(new URL(name, FIXTURES));

describe('opsloop findings', () => {
  let h: Harness;
  let url: string;
  before(async () => {
    h = await startHarness({ config: { catalog: { cart: { images: ['ghcr.io/acme/cart'], tier: 1, runbooks: [] } } } });
    await h.app.listen({ host: '127.0.0.1', port: 0 });
    url = `http://127.0.0.1:${(h.app.server.address() as AddressInfo).port}`;
  });
  after(() => h.close());

  it('imports a report and says what changed; JSON with --output json', async () => {
    const result = await run(['import', file('trivy-cart.json'), '--url', url]);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /^trivy scan scan_\w+ of image ghcr\.io\/acme\/cart: 4 vulnerabilities reported; 4 new, 0 seen again, 0 reopened, 0 fixed, 0 suppressed\n$/);
    const json = await run(['import', file('grype-cart.json'), '--url', url, '--output', 'json']);
    assert.equal(json.status, 0, json.stderr);
    assert.equal(ImportResponseSchema.parse(JSON.parse(json.stdout)).seen, 2);
  });

  it('lists findings and tasks as tables', async () => {
    const list = await run(['list', '--url', url, '--service', 'cart']);
    assert.equal(list.status, 0, list.stderr);
    const lines = list.stdout.trimEnd().split('\n');
    assert.match(lines[0] ?? '', /^SCORE\s+DECISION\s+VULNERABILITY\s+PACKAGE/);
    assert.equal(lines.length, 6);
    const tasks = await run(['tasks', '--url', url]);
    assert.equal(tasks.status, 0, tasks.stderr);
    assert.match(tasks.stdout, /cart\s+lodash\s+4\.17\.20 → 4\.17\.21\s+1\s+open/);
  });

  it('exits 2 for a file that is not a report, naming the problem', async () => {
    const result = await run(['import', file('epss.csv'), '--url', url]);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /is not JSON/);
    const refused = await run(['import', file('kev.json'), '--url', url]);
    assert.equal(refused.status, 2);
    assert.match(refused.stderr, /not a Trivy, Grype, SARIF 2\.1\.0, CycloneDX or OSV-Scanner JSON report/);
  });
});
