import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { parseDuration, parseMatcher } from '../../src/cli/matcher-text.js';
import { startHarness, type Harness } from '../server/harness.js';
import { runCli, type CliResult } from '../support/run-cli.js';


function run(args: string[]): Promise<CliResult> {
  return runCli(['silences', ...args]);
}

describe('parseMatcher and parseDuration', () => {
  it('reads amtool-style matchers, quoted or not', () => {
    assert.deepEqual(parseMatcher('pod=~"web-.*"'), [{ name: 'pod', op: '=~', value: 'web-.*' }]);
    assert.deepEqual(parseMatcher('env != dev', [{ name: 'a', op: '=', value: 'b' }]), [
      { name: 'a', op: '=', value: 'b' },
      { name: 'env', op: '!=', value: 'dev' },
    ]);
    assert.deepEqual(parseMatcher('ns!~kube-.*'), [{ name: 'ns', op: '!~', value: 'kube-.*' }]);
    assert.throws(() => parseMatcher('service'), /not a matcher/);
  });

  it('reads minutes, hours and days', () => {
    assert.equal(parseDuration('90m'), 5_400_000);
    assert.equal(parseDuration('2h'), 7_200_000);
    assert.throws(() => parseDuration('2 weeks'), /duration/);
  });
});

describe('opsloop silences', () => {
  let h: Harness;
  let url: string;
  before(async () => {
    // The CLI computes --for from its own clock, so the server's must be the real one.
    h = await startHarness({ now: () => Date.now() });
    await h.app.listen({ host: '127.0.0.1', port: 0 });
    url = `http://127.0.0.1:${(h.app.server.address() as AddressInfo).port}`;
    const sent = await h.app.inject({ method: 'POST', url: '/api/v1/events', payload: { name: 'slow queries', service: 'search' } });
    assert.equal(sent.statusCode, 202);
  });
  after(() => h.close());

  it('adds a silence after printing its preview, lists it and expires it', async () => {
    const added = await run(['add', '-m', 'service=search', '-m', 'env!=dev', '--reason', 'reindex', '--by', 'ana', '--for', '2h', '--preview', '--url', url]);
    assert.equal(added.status, 0, added.stderr);
    assert.match(added.stderr, /would mute 1 firing alerts/);
    const id = added.stdout.split('\t')[0] ?? '';
    assert.match(id, /^sil_/);
    assert.match(added.stdout, /\tactive\tsilence\t\{service="search", env!="dev"\}\t.*ana: reindex/);

    const listed = await run(['list', '--url', url]);
    assert.equal(listed.status, 0, listed.stderr);
    assert.ok(listed.stdout.startsWith(id));

    const expired = await run(['expire', id, '--by', 'ben', '--url', url]);
    assert.equal(expired.status, 0, expired.stderr);
    assert.match(expired.stdout, /\texpired\t/);
    // The silence book's entry and the API's for each of create and expire.
    assert.deepEqual(h.store.audit.list({ subjectId: id }).map((entry) => `${entry.action}${entry.route ? ' (api)' : ''}`), ['silence.expire (api)', 'silence.expire', 'silence.create (api)', 'silence.create']);
  });

  it('exits 2 with the server message for a silence the server refuses, and for a bad matcher', async () => {
    const refused = await run(['add', '-m', 'team=~.*', '--reason', 'x', '--by', 'ana', '--url', url]);
    assert.equal(refused.status, 2);
    assert.match(refused.stderr, /would mute every alert/);
    const bad = await run(['add', '-m', 'service', '--reason', 'x', '--by', 'ana', '--url', url]);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /not a matcher/);
  });
});
