/**
 * npm run bench:correlate [-- --seeds 1,2,3 --faults 8 --save storm.jsonl (writes storm-seed1.jsonl …)]
 *
 * Alert storms from the demo's fault suite: per seed, the demo shop runs its faults against a
 * real opsloop and every signal the loop raised is recorded, labelled with the fault that
 * caused it (bench/correlate/capture-storm.ts), then mixed with unrelated background alerts
 * (bench/correlate/background-alerts.ts). The storm is replayed offline through opsloop's
 * correlator and through a time-window-only baseline, and both are scored: compression
 * (1 − incidents / alert events), purity and completeness per deduplicated alert.
 * Targets (issue 6): compression ≥ 95 %, purity ≥ 0.95, completeness ≥ 0.90.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { SingleBar } from 'cli-progress';
import type { ReplayLine } from '../src/core/replay-record.js';
import { groupingMetrics, type GroupingMetrics } from '../src/engage/correlate/grouping-metrics.js';
import { backgroundAlerts } from './correlate/background-alerts.js';
import { captureStorm, storyMinutes } from './correlate/capture-storm.js';
import { replayStorm, TIME_WINDOW_ONLY, type StormReplay } from './correlate/replay-storm.js';

const { values } = parseArgs({ options: { seeds: { type: 'string', default: '1,2,3' }, faults: { type: 'string', default: '8' }, save: { type: 'string' } } });
const seeds = values.seeds.split(',').map(Number);
const faults = Number(values.faults);
if (seeds.some((s) => !Number.isInteger(s)) || !Number.isInteger(faults) || faults < 1) {
  throw new RangeError(`--seeds must be integers and --faults a positive integer; received --seeds ${values.seeds} --faults ${values.faults}`);
}

const dayMs = 86_400_000;
const runMs = storyMinutes(faults) * 60_000;
const startMs = Math.floor((Date.now() - runMs) / dayMs) * dayMs;

const bar = new SingleBar({ format: 'bench:correlate [{bar}] {percentage}% | {stage}', hideCursor: true, clearOnComplete: true, noTTYOutput: true, notTTYSchedule: 30_000 });
bar.start(seeds.length * storyMinutes(faults), 0, { stage: 'starting' });
const storms: ReplayLine[][] = [];
const started = performance.now();
for (const [index, seed] of seeds.entries()) {
  const storm = await captureStorm(seed, faults, startMs, (minutes) =>
    bar.update(index * storyMinutes(faults) + minutes, { stage: `seed ${seed}: demo ${Math.round(minutes)} of ${storyMinutes(faults)} simulated min` }),
  );
  storms.push([...storm.lines, ...backgroundAlerts(seed, startMs, startMs + runMs)].sort((a, b) => a.time - b.time));
}
bar.stop();
const captureSeconds = (performance.now() - started) / 1000;
// One file per seed: the seeds share their simulated time, and a replay file is sorted by time.
const save = values.save;
if (save) for (const [index, seed] of seeds.entries()) writeFileSync(save.replace(/(\.jsonl)?$/, `-seed${seed}.jsonl`), (storms[index] ?? []).map((line) => JSON.stringify(line)).join('\n') + '\n');

type Method = 'opsloop' | 'baseline';
const replays: Record<Method, StormReplay[]> = { opsloop: [], baseline: [] };
const cpu = { opsloop: 0, baseline: 0 };
for (const lines of storms) {
  for (const method of ['opsloop', 'baseline'] as const) {
    const before = process.cpuUsage();
    replays[method].push(replayStorm(lines, method === 'baseline' ? TIME_WINDOW_ONLY : undefined));
    const used = process.cpuUsage(before);
    cpu[method] += (used.user + used.system) / 1000;
  }
}

const metricsOf = (subset: readonly StormReplay[], seedIndex?: number): GroupingMetrics =>
  groupingMetrics(
    subset.flatMap((replay, i) => replay.alerts.map((a) => ({ incidentId: `${seedIndex ?? i}/${a.incidentId}`, ...(a.trueLabel ? { label: a.trueLabel } : {}) }))),
    subset.reduce((sum, replay) => sum + replay.events, 0),
  );
const pct = (share: number | undefined) => `${(100 * (share ?? 0)).toFixed(1)}%`.padStart(7);
const num = (share: number | undefined) => (share ?? 0).toFixed(3).padStart(7);
const row = (label: string, method: Method, m: GroupingMetrics) =>
  `${label.padEnd(10)}${method.padEnd(10)}${String(m.events).padStart(7)}${String(m.alerts).padStart(7)}${String(m.incidents).padStart(6)} ${pct(m.compression)} ${pct(m.alertCompression)} ${num(m.purity)} ${num(m.completeness)}`;

const groups = new Set(storms.flat().flatMap((line) => ('label' in line && line.label ? [line.label] : []))).size;
console.log(`${seeds.length} seeds × ${faults} faults captured in ${captureSeconds.toFixed(0)} s; ${groups} true groups (faults, detector noise, background episodes)\n`);
console.log('                         events alerts  inc.  compr. compr.  purity  compl.');
console.log('                                                events alerts');
for (const [index, seed] of seeds.entries()) {
  for (const method of ['opsloop', 'baseline'] as const) console.log(row(`seed ${seed}`, method, metricsOf([replays[method][index] as StormReplay], index)));
}
for (const method of ['opsloop', 'baseline'] as const) console.log(row('all', method, metricsOf(replays[method])));
const events = replays.opsloop.reduce((sum, r) => sum + r.events, 0);
console.log(`\nreplay CPU time: opsloop ${cpu.opsloop.toFixed(0)} ms (${((1000 * events) / cpu.opsloop).toFixed(0)} events/s), baseline ${cpu.baseline.toFixed(0)} ms`);
console.log('baseline: time-window-only grouping (joins an active incident whose last new alert started at most 90 s before)');
