import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { CapacityForecastsResponseSchema } from '../../src/core/capacity-api.js';
import { startHarness, type Harness } from '../server/harness.js';
import { runCli, type CliResult } from '../support/run-cli.js';

const T0 = Date.parse('2030-01-01T00:00:00Z');
const MINUTE = 60_000;

function run(args: string[]): Promise<CliResult> {
  return runCli(['capacity', ...args]);
}

describe('opsloop capacity', () => {
  let h: Harness;
  let url: string;
  before(async () => {
    h = await startHarness();
    // A disk filling 4 % an hour from 50 % (full 6.5 h after the last point), and a flat CPU at 20 %, every 5 min for 6 h.
    h.store.telemetry.insertMetricPoints(
      Array.from({ length: 73 }, (_, i) => [
        { name: 'system.filesystem.utilization', service: 'search', instance: 'search-0', labels: {}, timeMs: T0 + i * 5 * MINUTE, value: 0.5 + (0.04 * i) / 12 },
        { name: 'process.cpu.utilization', service: 'search', instance: 'search-0', labels: {}, timeMs: T0 + i * 5 * MINUTE, value: 0.2 + ((i * 7) % 3) / 1000 },
      ]).flat(),
    );
    await h.app.listen({ host: '127.0.0.1', port: 0 });
    url = `http://127.0.0.1:${(h.app.server.address() as AddressInfo).port}`;
  });
  after(() => h.close());

  it('prints one line per series, soonest exhaustion first', async () => {
    const result = await run(['--url', url]);
    assert.equal(result.status, 0, result.stderr);
    const [disk, cpu] = result.stdout.trimEnd().split('\n');
    assert.match(disk ?? '', /^disk of search-0 \(system\.filesystem\.utilization\) reaches its limit in [67](\.\d)? h \(between .* and .*\); now at 74 % of its limit 1$/);
    assert.match(cpu ?? '', /^cpu of search-0 \(process\.cpu\.utilization\) is not forecast to reach its limit; now at 20(\.\d)? % of its limit 1$/);
  });

  it('prints JSON with --output json, filters by resource, and exits 2 on a bad resource', async () => {
    const json = await run(['--url', url, '--output', 'json', '--resource', 'cpu']);
    assert.equal(json.status, 0, json.stderr);
    assert.deepEqual(CapacityForecastsResponseSchema.parse(JSON.parse(json.stdout)).forecasts.map((f) => f.resource), ['cpu']);
    const bad = await run(['--url', url, '--resource', 'gpu']);
    assert.notEqual(bad.status, 0);
    assert.match(bad.stderr, /gpu/);
  });
});
