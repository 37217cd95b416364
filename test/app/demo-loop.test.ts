/**
 * End to end: the demo shop runs as fast as it can against a real opsloop in this process,
 * through the public OTLP and HTTP endpoints, and every fault it injects must come back as an
 * incident whose top-ranked cause is the faulty service.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startOpsloop, type RunningOpsloop } from '../../src/app/start.js';
import { FaultListResponseSchema, IncidentListResponseSchema } from '../../src/core/api.js';
import { ConfigSchema } from '../../src/core/config.js';

describe('demo → incidents → root causes', { timeout: 600_000 }, () => {
  let running: RunningOpsloop;
  const dataDir = mkdtempSync(join(tmpdir(), 'opsloop-e2e-'));

  before(async () => {
    const config = ConfigSchema.parse({ dataDir, api: { port: 0 }, otlp: { port: 0 }, logLevel: 'silent' });
    // Five faults (one of each kind) after 20 min of warm-up take under an hour of simulated time.
    // Demo traffic follows the UTC clock, so the start is a fixed time of day (the latest 12:00
    // UTC at least two hours ago, well inside retention): the same run whenever the test runs.
    const dayMs = 86_400_000;
    const noonToday = Math.floor(Date.now() / dayMs) * dayMs + 12 * 3_600_000;
    const startMs = noonToday <= Date.now() - 2 * 3_600_000 ? noonToday : noonToday - dayMs;
    running = await startOpsloop(config, {
      logger: false,
      demo: { speed: Number.POSITIVE_INFINITY, seed: 7, faultCount: 5, warmupMinutes: 20, startMs, untilMs: startMs + 65 * 60_000 },
    });
    await running.demoDone;
    await running.engine.settle();
  });

  after(async () => {
    await running?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('injects one fault of each kind', async () => {
    const { faults } = FaultListResponseSchema.parse(await (await fetch(`${running.apiUrl}/api/v1/demo/faults`)).json());
    assert.deepEqual(new Set(faults.map((f) => f.kind)), new Set(['latency', 'error_burst', 'cpu_saturation', 'crash', 'bad_deploy']));
  });

  it('turns every fault into an incident whose top cause is the faulty service', async () => {
    const { faults } = FaultListResponseSchema.parse(await (await fetch(`${running.apiUrl}/api/v1/demo/faults`)).json());
    const { incidents } = IncidentListResponseSchema.parse(
      await (await fetch(`${running.apiUrl}/api/v1/incidents?limit=1000`)).json(),
    );
    const report = faults.map((fault) => {
      const overlapping = incidents.filter((i) => i.startedMs >= fault.start - 30_000 && i.startedMs <= fault.end);
      const hit = overlapping.find((i) => i.causes[0]?.service === fault.service);
      return { fault: `${fault.kind} on ${fault.service}`, hit: Boolean(hit), tops: overlapping.map((i) => i.causes[0]?.service ?? '-') };
    });
    const spurious = incidents.filter((i) => !faults.some((f) => i.startedMs >= f.start - 30_000 && i.startedMs <= f.end));
    console.log(JSON.stringify({ report, incidents: incidents.length, spurious: spurious.map((i) => i.title) }, null, 1));
    assert.deepEqual(report.filter((r) => !r.hit), []);
  });
});
