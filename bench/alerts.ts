/**
 * npm run bench:alerts [-- --open 10000 --signals 20000 --stored 100000]
 *
 * Two figures of the engage stage on the embedded SQLite store (a file, WAL, as deployed):
 *  1. signals per second through deduplication and correlation (IncidentDesk.onSignals, in
 *     batches of 500 as a webhook delivers them) with `--open` alerts already firing: three
 *     in four signals repeat an open alert, one in four opens a new one. Baseline in the same
 *     run: the same desk also making the reads the desk made before its in-memory index (every
 *     open incident and its alerts listed from the store for each new alert), on a twentieth
 *     of the signals.
 *  2. the time to change one alert's status (resolve it) with `--stored` alerts stored, against
 *     the same at a hundredth of them: flat means the cost does not grow with the store.
 * CPU time (process.cpuUsage), so the figures hold on a shared machine; the wall-clock rate of
 * the indexed pass is printed beside it (on a quiet machine the two agree unless SQLite waits
 * on disk). Targets (issue 6): ≥ 20,000 alerts/s; ≤ 10 ms.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigSchema } from '../src/core/config.js';
import type { Signal } from '../src/core/records.js';
import { IncidentDesk } from '../src/engage/incidents/incident-desk.js';
import { openSqliteStore } from '../src/store/sqlite/index.js';
import type { Store } from '../src/store/store.js';
import { AlertStorm, benchGraph } from './alerts/alert-storm.js';

const { values } = parseArgs({ options: { open: { type: 'string', default: '10000' }, signals: { type: 'string', default: '20000' }, stored: { type: 'string', default: '100000' } } });
const openAlerts = Number(values.open);
const totalSignals = Number(values.signals);
const stored = Number(values.stored);
const BATCH = 500;
const T0 = Date.parse('2026-03-02T00:00:00Z');
const SETTINGS = ConfigSchema.parse({}).correlation;
const graph = benchGraph(Math.max(openAlerts + totalSignals, stored));

function timed<T>(work: () => T): { result: T; ms: number; wallMs: number } {
  const before = process.cpuUsage();
  const started = performance.now();
  const result = work();
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(before);
  return { result, ms: (used.user + used.system) / 1000, wallMs };
}

function withStore<T>(work: (store: Store, desk: IncidentDesk) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'opsloop-bench-alerts-'));
  const store = openSqliteStore({ path: join(dir, 'opsloop.db') });
  try {
    const desk = new IncidentDesk({ store, graph: () => graph, windowMs: SETTINGS.windowSeconds * 1000, maxDistance: SETTINGS.maxGraphDistance, quietMs: SETTINGS.quietSeconds * 1000, volatileLabels: SETTINGS.volatileLabels });
    return work(store, desk);
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Fills the desk with `count` firing alerts, new ones in batches, time advancing a second per batch. */
function preload(desk: IncidentDesk, storm: AlertStorm, count: number): number {
  let time = T0;
  for (let done = 0; done < count; done += BATCH) {
    const batch: Signal[] = [];
    for (let i = 0; i < Math.min(BATCH, count - done); i++) batch.push(storm.fresh(time));
    desk.onSignals(batch);
    time += 1_000;
  }
  return time;
}

function throughput(baseline: boolean): { perSecond: number; perWallSecond: number; openIncidents: number } {
  // The baseline reads every open alert per new one: a twentieth of the signals tells its rate.
  const signalCount = baseline ? Math.max(BATCH, Math.round(totalSignals / 20 / BATCH) * BATCH) : totalSignals;
  return withStore((store, desk) => {
    const storm = new AlertStorm(1);
    let time = preload(desk, storm, openAlerts);
    const batches: Signal[][] = [];
    for (let done = 0; done < signalCount; done += BATCH) {
      const batch: Signal[] = [];
      for (let i = 0; i < BATCH; i++) batch.push(i % 4 === 0 ? storm.fresh(time) : storm.repeat(time));
      batches.push(batch);
      time += 1_000;
    }
    const { ms, wallMs } = timed(() => {
      for (const batch of batches) {
        if (baseline) {
          // What the desk read per new alert before its index: every open incident and its alerts.
          const fresh = batch.filter((signal) => store.alerts.byFingerprint(signal.fingerprint) === undefined).length;
          for (let i = 0; i < fresh; i++) {
            for (const incident of store.incidents.list({ status: ['triggered', 'acknowledged'] })) store.alerts.list({ incidentId: incident.id });
          }
        }
        desk.onSignals(batch);
      }
    });
    return { perSecond: (1000 * signalCount) / ms, perWallSecond: (1000 * signalCount) / wallMs, openIncidents: store.incidents.list({ status: ['triggered'] }).length };
  });
}

function statusChange(count: number): number {
  return withStore((_store, desk) => {
    const storm = new AlertStorm(2);
    const time = preload(desk, storm, count);
    const samples: number[] = [];
    for (let i = 0; i < 200; i++) {
      const fingerprint = storm.open[Math.floor((i * storm.open.length) / 200)] as string;
      samples.push(timed(() => desk.onSignals([storm.resolve(fingerprint, time + i)])).ms);
    }
    samples.sort((a, b) => a - b);
    return samples[Math.floor(samples.length / 2)] as number;
  });
}

console.log(`bench:alerts: ${totalSignals} signals (1 in 4 new) with open alerts preloaded; CPU time; SQLite file store\n`);
const indexed = throughput(false);
const scanned = throughput(true);
console.log(`signals through dedup + correlation, ${openAlerts} open alerts in ${indexed.openIncidents} open incidents:`);
console.log(`  opsloop (in-memory index)      ${indexed.perSecond.toFixed(0).padStart(8)} alerts/s   (${indexed.perWallSecond.toFixed(0)} per second of wall clock)`);
console.log(`  baseline (store scan per alert) ${scanned.perSecond.toFixed(0).padStart(7)} alerts/s   (×${(indexed.perSecond / scanned.perSecond).toFixed(1)})`);
const small = statusChange(Math.max(1, Math.round(stored / 100)));
const large = statusChange(stored);
console.log(`\nchange one alert's status (resolve), median of 200:`);
console.log(`  at ${String(stored).padStart(7)} stored alerts ${large.toFixed(2).padStart(8)} ms`);
console.log(`  at ${String(Math.round(stored / 100)).padStart(7)} stored alerts ${small.toFixed(2).padStart(8)} ms   (baseline: a hundredth of the store)`);
