/**
 * End to end: the demo shop runs as fast as it can against a real opsloop in this process,
 * through the public OTLP and HTTP endpoints, and every fault it injects must come back as an
 * incident whose top-ranked cause is the faulty service, for every kind of fault. Sign-in is
 * on, as for `opsloop serve`: the demo's sender uses its ingest token, the test a read token.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startOpsloop, type RunningOpsloop } from '../../src/app/start.js';
import type { Fault } from '../../src/core/api.js';
import { FaultKindSchema, FaultListResponseSchema, IncidentListResponseSchema } from '../../src/core/api.js';
import { ConfigSchema } from '../../src/core/config.js';
import { Authenticator } from '../../src/server/auth/authenticator.js';
import type { Incident } from '../../src/core/records.js';

const KINDS = FaultKindSchema.options;
const LEAD_MS = 120_000;

describe('demo → incidents → root causes', { timeout: 600_000 }, () => {
  let running: RunningOpsloop;
  let readToken: string;
  const dataDir = mkdtempSync(join(tmpdir(), 'opsloop-e2e-'));

  before(async () => {
    const config = ConfigSchema.parse({ dataDir, api: { port: 0 }, otlp: { port: 0 }, logLevel: 'silent' });
    // One fault of each kind after 20 min of warm-up: about 90 minutes of simulated time.
    // Demo traffic follows the UTC clock, so the start is a fixed time of day (the latest 12:00
    // UTC at least two hours ago, well inside retention): the same run whenever the test runs.
    const dayMs = 86_400_000;
    const noonToday = Math.floor(Date.now() / dayMs) * dayMs + 12 * 3_600_000;
    const startMs = noonToday <= Date.now() - 2 * 3_600_000 ? noonToday : noonToday - dayMs;
    running = await startOpsloop(config, {
      logger: false,
      demo: { speed: Number.POSITIVE_INFINITY, seed: 7, faultCount: KINDS.length, warmupMinutes: 20, startMs, untilMs: startMs + 88 * 60_000 },
    });
    await running.demoDone;
    await running.engine.settle();
    const authenticator = new Authenticator({ access: running.engine.store.access, users: running.engine.store.notify, settings: config.auth, now: Date.now });
    readToken = authenticator.createToken({ name: 'demo-loop test', scopes: ['read'], createdBy: 'test' }).secret;
  });

  after(async () => {
    await running?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function faultsAndIncidents(): Promise<{ faults: Fault[]; incidents: Incident[] }> {
    const headers = { authorization: `Bearer ${readToken}` };
    const { faults } = FaultListResponseSchema.parse(await (await fetch(`${running.apiUrl}/api/v1/demo/faults`, { headers })).json());
    const { incidents } = IncidentListResponseSchema.parse(await (await fetch(`${running.apiUrl}/api/v1/incidents?limit=1000`, { headers })).json());
    return { faults, incidents };
  }

  /**
   * Per fault: whether an incident that opened during it, or in the LEAD_MS before it, ranks the
   * faulty service first. A stray alert just before a fault opens the incident its alerts join.
   */
  function report(faults: readonly Fault[], incidents: readonly Incident[]) {
    return faults.map((fault) => {
      const overlapping = incidents.filter((i) => i.startedMs >= fault.start - LEAD_MS && i.startedMs <= fault.end);
      const hit = overlapping.some((i) => i.causes[0]?.service === fault.service);
      return { fault: `${fault.kind} on ${fault.service}`, kind: fault.kind, hit, tops: overlapping.map((i) => i.causes[0]?.service ?? '-') };
    });
  }

  it('injects one fault of each kind', async () => {
    const { faults } = await faultsAndIncidents();
    assert.deepEqual(new Set(faults.map((f) => f.kind)), new Set(KINDS));
  });

  it('turns every fault into an incident whose top cause is the faulty service', async () => {
    const { faults, incidents } = await faultsAndIncidents();
    const rows = report(faults, incidents);
    const spurious = incidents.filter((i) => !faults.some((f) => i.startedMs >= f.start - LEAD_MS && i.startedMs <= f.end));
    console.log(JSON.stringify({ report: rows, incidents: incidents.length, spurious: spurious.map((i) => i.title) }, null, 1));
    assert.deepEqual(rows.filter((r) => !r.hit), []);
  });
});
