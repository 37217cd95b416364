/**
 * npm run bench:demo-rca [-- --seeds 1,2,3 --faults 10]
 *
 * Runs the demo shop as fast as possible against a real opsloop (public OTLP and HTTP
 * endpoints, embedded store) once per seed, then scores, for every injected fault, whether an
 * incident overlapping it ranks the faulty service first (AC@1) and within the top three
 * (AC@3). The baseline, on the same incidents and alerts, is the graph-blind ranking an
 * alert list gives you: services ordered by their strongest anomaly.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { alertStrength } from '../src/act/rca/rank-causes.js';
import { startOpsloop } from '../src/app/start.js';
import type { Fault } from '../src/core/api.js';
import { ConfigSchema } from '../src/core/config.js';
import type { Alert, Incident } from '../src/core/records.js';

const { values } = parseArgs({
  options: { seeds: { type: 'string', default: '1,2,3,4,5' }, faults: { type: 'string', default: '10' } },
});
const seeds = values.seeds.split(',').map(Number);
const faultCount = Number(values.faults);

interface Tally {
  faults: number;
  opsloop1: number;
  opsloop3: number;
  baseline1: number;
  baseline3: number;
}
const byKind = new Map<string, Tally>();
let incidentsTotal = 0;
let spuriousTotal = 0;

for (const seed of seeds) {
  const dataDir = mkdtempSync(join(tmpdir(), 'opsloop-bench-'));
  const config = ConfigSchema.parse({ dataDir, api: { port: 0 }, otlp: { port: 0 }, logLevel: 'silent' });
  const startMs = Math.floor((Date.now() - 12 * 3_600_000) / 60_000) * 60_000;
  // 20 min warm-up, then at most 8.5 min per fault (3 min fault + up to 5 min gap) and a tail.
  const untilMs = startMs + (21 + faultCount * 8.5 + 3) * 60_000;
  const started = performance.now();
  const running = await startOpsloop(config, {
    logger: false,
    demo: { speed: Number.POSITIVE_INFINITY, seed, faultCount, warmupMinutes: 20, startMs, untilMs },
  });
  await running.demoDone;
  await running.engine.settle();
  const faults = running.engine.demoFaults() ?? [];
  const incidents = running.engine.store.incidents.list({ limit: 10_000 });
  const alertsOf = (incident: Incident) => running.engine.store.alerts.list({ incidentId: incident.id });
  for (const fault of faults) score(fault, incidents.filter((i) => overlaps(i, fault)), alertsOf);
  const spurious = incidents.filter((i) => !faults.some((f) => overlaps(i, f)));
  incidentsTotal += incidents.length;
  spuriousTotal += spurious.length;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`seed ${seed}: ${faults.length} faults, ${incidents.length} incidents (${spurious.length} with no fault) in ${seconds} s`);
  await running.stop();
  rmSync(dataDir, { recursive: true, force: true });
}

function overlaps(incident: Incident, fault: Fault): boolean {
  return incident.startedMs >= fault.start - 30_000 && incident.startedMs <= fault.end;
}

function score(fault: Fault, incidents: Incident[], alertsOf: (i: Incident) => Alert[]): void {
  const tally = byKind.get(fault.kind) ?? { faults: 0, opsloop1: 0, opsloop3: 0, baseline1: 0, baseline3: 0 };
  byKind.set(fault.kind, tally);
  tally.faults += 1;
  const rankOf = (ranking: string[]) => ranking.indexOf(fault.service);
  const ours = incidents.map((i) => rankOf(i.causes.map((c) => c.service)));
  const theirs = incidents.map((i) => rankOf(strongestFirst(alertsOf(i))));
  if (ours.some((r) => r === 0)) tally.opsloop1 += 1;
  if (ours.some((r) => r >= 0 && r < 3)) tally.opsloop3 += 1;
  if (theirs.some((r) => r === 0)) tally.baseline1 += 1;
  if (theirs.some((r) => r >= 0 && r < 3)) tally.baseline3 += 1;
}

/** Baseline: services by their strongest alert, callers' view of a callee ignored. */
function strongestFirst(alerts: Alert[]): string[] {
  const best = new Map<string, number>();
  for (const alert of alerts) {
    if (!alert.service) continue;
    best.set(alert.service, Math.max(best.get(alert.service) ?? 0, alertStrength(alert)));
  }
  return [...best].sort((a, b) => b[1] - a[1]).map(([service]) => service);
}

const pct = (n: number, d: number) => (d === 0 ? '-' : `${((100 * n) / d).toFixed(0)}%`);
const total: Tally = { faults: 0, opsloop1: 0, opsloop3: 0, baseline1: 0, baseline3: 0 };
console.log('\nkind            faults  opsloop AC@1  AC@3   baseline AC@1  AC@3');
for (const [kind, t] of [...byKind].sort()) {
  for (const key of Object.keys(total) as (keyof Tally)[]) total[key] += t[key];
  console.log(
    `${kind.padEnd(16)}${String(t.faults).padStart(6)}  ${pct(t.opsloop1, t.faults).padStart(12)}  ${pct(t.opsloop3, t.faults).padStart(4)}   ${pct(t.baseline1, t.faults).padStart(13)}  ${pct(t.baseline3, t.faults).padStart(4)}`,
  );
}
console.log(
  `${'all'.padEnd(16)}${String(total.faults).padStart(6)}  ${pct(total.opsloop1, total.faults).padStart(12)}  ${pct(total.opsloop3, total.faults).padStart(4)}   ${pct(total.baseline1, total.faults).padStart(13)}  ${pct(total.baseline3, total.faults).padStart(4)}`,
);
console.log(`\nincidents: ${incidentsTotal} for ${total.faults} faults; ${spuriousTotal} overlap no fault`);
