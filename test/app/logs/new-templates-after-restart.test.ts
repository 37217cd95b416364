/**
 * New-template signals across a restart, through the real ingest mining: the miner's line
 * position is restored with its snapshot, so a restart neither replays a cold start's storm
 * nor needs a second warm-up before a genuinely new ERROR template alerts.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LogMining } from '../../../src/app/logs/log-mining.js';
import { ServiceMiners, type MinerSnapshots } from '../../../src/app/logs/service-miners.js';
import type { LogRecord, Signal } from '../../../src/core/records.js';
import type { MinerSnapshot } from '../../../src/observe/logs/index.js';
import { NewTemplateAlerts } from '../../../src/observe/logs/signals/new-template-alerts.js';

const T0 = 1_789_999_980_000;
const WARMUP = 200;

class MemorySnapshots implements MinerSnapshots {
  readonly saved = new Map<string, string>();
  load(service: string): unknown {
    const text = this.saved.get(service);
    return text === undefined ? undefined : JSON.parse(text);
  }
  save(entries: ReadonlyArray<{ service: string; snapshot: MinerSnapshot }>): void {
    for (const { service, snapshot } of entries) this.saved.set(service, JSON.stringify(snapshot));
  }
}

/** A service's usual lines: requests, and a few errors of kinds seen from the start. */
function usualLines(count: number, fromMs: number): LogRecord[] {
  const kinds = ['Fetched cart for user u{n}: {n} item(s)', 'Added product p{n} (quantity 2) to cart of user u{n}', 'Error handling AddItem: CartStore operation failed: Connection terminated unexpectedly'];
  return Array.from({ length: count }, (_, i) => {
    const kind = i % 10 === 9 ? 2 : i % 2;
    const body = (kinds[kind] as string).replaceAll('{n}', String(1000 + ((i * 7919) % 5000)));
    return log(body, kind === 2 ? 17 : 9, fromMs + i * 100);
  });
}

function log(body: string, severityNumber: number, timeMs: number): LogRecord {
  return { service: 'cart', timeMs, severityNumber, severityText: severityNumber >= 17 ? 'ERROR' : 'INFO', body, attributes: {} };
}

function run(lines: readonly LogRecord[], snapshots: MemorySnapshots): Signal[] {
  const miners = new ServiceMiners({ snapshots, maxLive: 10 });
  const mining = new LogMining(miners);
  const alerts = new NewTemplateAlerts({ warmupLines: WARMUP, minSeverity: 17, alertsPerHour: 5 });
  const signals = alerts.observe(mining.mine(lines).mined);
  miners.saveChanged();
  return signals.filter((s) => s.status === 'firing');
}

describe('new log templates across a restart', () => {
  it('alerts on none at a cold start, none after a restart, and on a new ERROR message after it', () => {
    const snapshots = new MemorySnapshots();
    assert.deepEqual(run(usualLines(1000, T0), snapshots), [], 'cold start: every template is new to the miner, none is news');
    assert.deepEqual(run(usualLines(1000, T0 + 200_000), snapshots), [], 'restart: the restored miner knows its templates');
    const fresh = log("Unhandled rejection in AddItem: TypeError: Cannot read properties of undefined (reading 'currencyCode')", 17, T0 + 400_000);
    const repeats = [1, 2].map((i) => ({ ...fresh, timeMs: fresh.timeMs + i * 1000 }));
    const signals = run([...usualLines(10, T0 + 399_000), fresh, ...repeats], snapshots);
    assert.deepEqual(signals.map((s) => s.summary), [`cart logs a new ERROR message: ${fresh.body}`]);
  });
});
