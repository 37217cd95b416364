import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { ImprovementReportSchema } from '../../src/core/report-api.js';
import { FROM, TO, seedWorld } from '../act/reports/report-world.js';
import { startHarness, type Harness } from '../server/harness.js';
import { runCli } from '../support/run-cli.js';

describe('opsloop report', () => {
  let h: Harness;
  let url: string;
  before(async () => {
    h = await startHarness();
    seedWorld(h.store);
    await h.app.listen({ host: '127.0.0.1', port: 0 });
    url = `http://127.0.0.1:${(h.app.server.address() as AddressInfo).port}`;
  });
  after(() => h.close());

  it('prints the period as Markdown by default and as JSON on request', async () => {
    const [md, json] = await Promise.all([
      runCli(['report', '--from', '2030-01-07T00:00:00Z', '--to', String(TO), '--weeks', '2', '--url', url]),
      runCli(['report', '--from', String(FROM), '--to', String(TO), '--format', 'json', '--url', url]),
    ]);
    assert.equal(md.status, 0, md.stderr);
    assert.ok(md.stdout.startsWith('# Improvement report: 2030-01-07 to 2030-01-14\n'));
    assert.ok(md.stdout.includes('| Alerts | 8 | 4 |'));
    assert.equal(json.status, 0, json.stderr);
    assert.equal(ImprovementReportSchema.parse(JSON.parse(json.stdout)).summary.current.pages, 5);
  });

  it('exits 2 with the server\'s reason for a bad period, and has --help', async () => {
    const [bad, help] = await Promise.all([runCli(['report', '--from', String(TO), '--to', String(FROM), '--url', url]), runCli(['report', '--help'])]);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /must be before querystring\.to/);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /--format <format>/);
    assert.match(help.stdout, /docs\/reports\.md/);
  });
});
