import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { RcaResponseSchema } from '../../src/core/rca-api.js';
import { POD, type FaultyShopOptions } from '../fixtures/otlp/faulty-shop.js';
import { ingestFaultyShop } from '../server/faulty-shop-ingest.js';
import { startHarness, type Harness } from '../server/harness.js';
import { runCli, type CliResult } from '../support/run-cli.js';

const T0 = Date.parse('2026-03-02T10:00:00Z');
const SHOP: FaultyShopOptions = { t0: T0, minutes: 34, fault: { fromMinute: 30, toMinute: 33 } };
const FAULT_FROM = new Date(T0 + 30 * 60_000).toISOString();
const FAULT_TO = new Date(T0 + 33 * 60_000).toISOString();

function run(args: string[]): Promise<CliResult> {
  return runCli(['rca', ...args]);
}

describe('opsloop rca', () => {
  let h: Harness;
  let url: string;
  before(async () => {
    h = await startHarness();
    await ingestFaultyShop(h, SHOP);
    await h.app.listen({ host: '127.0.0.1', port: 0 });
    url = `http://127.0.0.1:${(h.app.server.address() as AddressInfo).port}`;
  });
  after(() => h.close());

  it('prints the ranked causes of a past window as a table, the faulty service first', async () => {
    const result = await run(['--from', FAULT_FROM, '--to', FAULT_TO, '--url', url]);
    assert.equal(result.status, 0, result.stderr);
    const [header, first] = result.stdout.trimEnd().split('\n');
    assert.match(header ?? '', /^#\s+SCORE\s+SERVICE\s+INSTANCE\s+INDICATOR\s+EVIDENCE$/);
    assert.match(first ?? '', new RegExp(`^1\\s+\\d\\.\\d\\d\\s+payment\\s+${POD.payment}\\s+\\S.*nothing it calls explains it$`));
    assert.match(result.stderr, /likely causes from .* ranked in \d+ ms/);
  });

  it('prints the API answer as JSON, cut to --top, from epoch milliseconds', async () => {
    const result = await run(['--from', String(T0 + 30 * 60_000), '--to', String(T0 + 33 * 60_000), '--url', url, '--output', 'json', '--top', '1']);
    assert.equal(result.status, 0, result.stderr);
    const answer = RcaResponseSchema.parse(JSON.parse(result.stdout));
    assert.equal(answer.causes.length, 1);
    assert.equal(answer.causes[0]?.service, 'payment');
  });

  it('says so when a window has no likely cause, and exits 0', async () => {
    const result = await run(['--from', '2026-03-01T00:00:00Z', '--to', '2026-03-01T00:10:00Z', '--url', url]);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /no likely root cause in 2026-03-01T00:00:00\.000Z → 2026-03-01T00:10:00\.000Z/);
  });

  it('exits 2 on a bad time or a window the server refuses, naming the problem', async () => {
    const bad = await run(['--from', 'yesterday', '--to', FAULT_TO, '--url', url]);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--from <time>' argument 'yesterday' is invalid\. expected RFC 3339/);
    const reversed = await run(['--from', FAULT_TO, '--to', FAULT_FROM, '--url', url]);
    assert.equal(reversed.status, 2);
    assert.match(reversed.stderr, /^opsloop: .*body\.from .* must be before body\.to/m);
    const missing = await run(['--from', FAULT_FROM]);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /required option '--to <time>' not specified/);
  });

  it('exits 1 with a hint when opsloop is not reachable', async () => {
    // A port that was just free: nothing listens there.
    const closed = await startHarness();
    await closed.app.listen({ host: '127.0.0.1', port: 0 });
    const port = (closed.app.server.address() as AddressInfo).port;
    await closed.close();
    const result = await run(['--from', FAULT_FROM, '--to', FAULT_TO, '--url', `http://127.0.0.1:${port}`]);
    assert.equal(result.status, 1);
    assert.match(result.stderr, new RegExp(`^opsloop: cannot reach opsloop at http://127\\.0\\.0\\.1:${port} \\(.+\\); is it running\\? Point --url at it`));
  });
});
