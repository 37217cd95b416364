/**
 * One seed of the RCA suite: a fresh opsloop (embedded store in a temporary directory), the
 * demo shop sent through its public OTLP and HTTP endpoints as fast as it accepts, then, for
 * every injected fault, three rankings of the fault's window:
 *   - opsloop's POST /api/v1/rca {from, to} (what an operator asks after the fact),
 *   - the causes of the incidents opened during the fault (what the live loop showed),
 *   - the graph-blind baseline: services by their strongest alert in the window.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { alertStrength } from '../../src/act/rca/rank-causes.js';
import { startOpsloop } from '../../src/app/start.js';
import type { Fault } from '../../src/core/api.js';
import { ConfigSchema } from '../../src/core/config.js';
import { RcaResponseSchema } from '../../src/core/rca-api.js';
import type { Alert, Incident } from '../../src/core/records.js';
import { createDemo } from '../../src/demo/index.js';

const WARMUP_MINUTES = 20;
/** Warm-up, the 30 s before the first fault, then per fault 3 min plus a gap of at most 5. */
const minutesFor = (faults: number) => WARMUP_MINUTES + 0.5 + faults * 8 + 2;
/**
 * Alerts and incidents may open a little before a fault's start: detection is bucketed, and a
 * stray alert just before a fault opens the incident the fault's alerts then join.
 */
const LEAD_MS = 120_000;

export interface CaseResult {
  seed: number;
  fault: Fault;
  /** Services, best first, from POST /api/v1/rca over [fault.start, fault.end]. */
  window: string[];
  /** Causes of the incidents that opened during the fault, best first across them. */
  incidents: string[];
  baseline: string[];
}

export interface SeedResult {
  cases: CaseResult[];
  incidents: number;
  demoSeconds: number;
  rcaSeconds: number;
}

export interface SeedProgress {
  /** Simulated minutes sent so far, out of simulatedMinutes(faults). */
  demo(minutes: number): void;
  /** Fault windows ranked so far. */
  ranked(count: number): void;
}

export function simulatedMinutes(faults: number): number {
  return minutesFor(faults);
}

export async function runSeed(seed: number, faults: number, startMs: number, progress: SeedProgress): Promise<SeedResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'opsloop-bench-rca-'));
  const config = ConfigSchema.parse({ dataDir, api: { port: 0 }, otlp: { port: 0 }, logLevel: 'silent', auth: { enabled: false } });
  const running = await startOpsloop(config, { logger: false });
  try {
    const demo = createDemo({ otlpUrl: running.otlpUrl, apiUrl: running.apiUrl, seed, speed: Number.POSITIVE_INFINITY, startMs, warmupMinutes: WARMUP_MINUTES, faultCount: faults });
    const demoStarted = performance.now();
    const ticker = setInterval(() => progress.demo((demo.nowMs() - startMs) / 60_000), 250);
    try {
      await demo.run({ untilMs: startMs + minutesFor(faults) * 60_000 });
    } finally {
      clearInterval(ticker);
    }
    await running.engine.settle();
    const demoSeconds = (performance.now() - demoStarted) / 1000;

    const rcaStarted = performance.now();
    const incidents = running.engine.store.incidents.list({ limit: 10_000 });
    const alerts = running.engine.store.alerts.list({ limit: 100_000 });
    const cases: CaseResult[] = [];
    for (const fault of demo.faults()) {
      cases.push({
        seed,
        fault,
        window: await rankWindow(running.apiUrl, fault),
        incidents: incidentCauses(incidents.filter((i) => during(i.startedMs, fault))),
        baseline: strongestFirst(alerts.filter((a) => during(a.startsMs, fault))),
      });
      progress.ranked(cases.length);
    }
    return { cases, incidents: incidents.length, demoSeconds, rcaSeconds: (performance.now() - rcaStarted) / 1000 };
  } finally {
    await running.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function during(timeMs: number, fault: Fault): boolean {
  return timeMs >= fault.start - LEAD_MS && timeMs <= fault.end;
}

async function rankWindow(apiUrl: string, fault: Fault): Promise<string[]> {
  const response = await fetch(`${apiUrl}/api/v1/rca`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ from: fault.start, to: fault.end }),
  });
  if (!response.ok) throw new Error(`POST /api/v1/rca for ${fault.id} answered ${response.status}: ${await response.text()}`);
  return RcaResponseSchema.parse(await response.json()).causes.map((cause) => cause.service);
}

/** One list from possibly several incidents: every cause by its score, each service once. */
function incidentCauses(incidents: readonly Incident[]): string[] {
  const causes = incidents.flatMap((incident) => incident.causes).sort((a, b) => b.score - a.score);
  return [...new Set(causes.map((cause) => cause.service))];
}

/** Baseline: services by their strongest alert, which callers' symptoms win as often as not. */
function strongestFirst(alerts: readonly Alert[]): string[] {
  const best = new Map<string, number>();
  for (const alert of alerts) {
    if (!alert.service) continue;
    best.set(alert.service, Math.max(best.get(alert.service) ?? 0, alertStrength(alert)));
  }
  return [...best].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([service]) => service);
}
