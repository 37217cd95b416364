import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { OnCallNowResponseSchema } from '../../src/core/notify-api.js';
import { startHarness, type Harness } from '../server/harness.js';
import { runCli, type CliResult } from '../support/run-cli.js';


function run(args: string[]): Promise<CliResult> {
  return runCli(['oncall', ...args]);
}

describe('opsloop oncall', () => {
  let h: Harness;
  let url: string;
  before(async () => {
    // The server's clock is real here: the CLI asks about "now".
    h = await startHarness({ now: Date.now });
    for (const [id, name] of [['ana', 'Ana Lima'], ['ben', 'Ben Okafor']] as const) {
      await h.app.inject({ method: 'POST', url: '/api/v1/users', payload: { id, name, email: `${id}@example.com` } });
    }
    const schedule = await h.app.inject({
      method: 'POST',
      url: '/api/v1/schedules',
      payload: { id: 'primary', name: 'Primary', timeZone: 'Asia/Tokyo', layers: [{ name: 'all', users: ['ana', 'ben'], start: '2020-01-01T09:00', rotation: { every: 1, unit: 'days' } }] },
    });
    assert.equal(schedule.statusCode, 201, schedule.body);
    await h.app.listen({ host: '127.0.0.1', port: 0 });
    url = `http://127.0.0.1:${(h.app.server.address() as AddressInfo).port}`;
  });
  after(() => h.close());

  it('prints who is on call now with their contact and the end of the shift in the schedule zone', async () => {
    const result = await run(['--schedule', 'primary', '--url', url]);
    assert.equal(result.status, 0, result.stderr);
    const [header, row] = result.stdout.trimEnd().split('\n');
    assert.match(header ?? '', /^SCHEDULE\s+ON CALL\s+CONTACT\s+UNTIL$/);
    assert.match(row ?? '', /^Primary\s+(Ana Lima\s+ana|Ben Okafor\s+ben)@example\.com\s+\d{4}-\d\d-\d\d 09:00 Asia\/Tokyo$/);
  });

  it('prints JSON with --output json, and exits 2 naming an unknown schedule', async () => {
    const json = await run(['--url', url, '--output', 'json']);
    assert.equal(json.status, 0, json.stderr);
    assert.match(OnCallNowResponseSchema.parse(JSON.parse(json.stdout)).schedules[0]?.onCall[0]?.userId ?? '', /^(ana|ben)$/);
    const missing = await run(['--schedule', 'nope', '--url', url]);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /Schedule nope not found/);
  });
});
