/**
 * npm run bench:rca [-- --seeds 1,2,3,4,5,6,7 --cases 56]
 *
 * The fault-injection suite for root-cause ranking: per seed, the demo shop runs as fast as
 * possible against a real opsloop and injects faults of every kind (a shuffled cycle of all
 * kinds, on varied services and pods); each fault is a case. For each case, opsloop's
 * POST /api/v1/rca over the fault's window is scored by AC@1, AC@3 and Avg@5, overall and per
 * fault kind, against the causes of the incidents the live loop opened and the graph-blind
 * baseline (services by their strongest alert). Misses are listed for study.
 */
import { parseArgs } from 'node:util';
import { SingleBar } from 'cli-progress';
import type { FaultKind } from '../src/core/api.js';
import type { Accuracy, RankedCase } from './rca/accuracy.js';
import { accuracyOf } from './rca/accuracy.js';
import type { CaseResult } from './rca/run-seed.js';
import { runSeed, simulatedMinutes } from './rca/run-seed.js';

const { values } = parseArgs({ options: { seeds: { type: 'string', default: '1,2,3,4,5,6,7' }, cases: { type: 'string', default: '56' } } });
const seeds = values.seeds.split(',').map(Number);
const totalCases = Number(values.cases);
if (seeds.some((s) => !Number.isInteger(s)) || !(totalCases >= 1)) {
  throw new RangeError(`--seeds must be integers and --cases at least 1; received --seeds ${values.seeds} --cases ${values.cases}`);
}
const faultsPerSeed = Math.ceil(totalCases / seeds.length);

// Demo traffic follows the UTC clock, so every seed starts at the same time of day (the latest
// 00:00 UTC that leaves room for the whole run before now): one run per seed and day.
const dayMs = 86_400_000;
const runMs = simulatedMinutes(faultsPerSeed) * 60_000;
const startMs = Math.floor((Date.now() - runMs) / dayMs) * dayMs;

const perSeed = simulatedMinutes(faultsPerSeed) + faultsPerSeed;
// Off a terminal (CI logs), the bar prints a line every 30 s instead of redrawing.
const bar = new SingleBar({ format: 'bench:rca [{bar}] {percentage}% | {stage}', hideCursor: true, clearOnComplete: true, noTTYOutput: true, notTTYSchedule: 30_000 });
bar.start(seeds.length * perSeed, 0, { stage: 'starting' });
const cases: CaseResult[] = [];
const seedLines: string[] = [];
const started = performance.now();
for (const [index, seed] of seeds.entries()) {
  const base = index * perSeed;
  const result = await runSeed(seed, faultsPerSeed, startMs, {
    demo: (minutes) => bar.update(base + minutes, { stage: `seed ${seed}: demo ${Math.round(minutes)} of ${simulatedMinutes(faultsPerSeed)} simulated min` }),
    ranked: (count) => bar.update(base + simulatedMinutes(faultsPerSeed) + count, { stage: `seed ${seed}: ranked ${count} of ${faultsPerSeed} windows` }),
  });
  cases.push(...result.cases);
  seedLines.push(
    `seed ${seed}: ${result.cases.length} cases, ${result.incidents} incidents; demo ${result.demoSeconds.toFixed(1)} s, ` +
      `ranking ${result.rcaSeconds.toFixed(1)} s (${((1000 * result.rcaSeconds) / Math.max(1, result.cases.length)).toFixed(0)} ms per window)`,
  );
}
bar.stop();

console.log(seedLines.join('\n'));
console.log(`\n${cases.length} cases in ${((performance.now() - started) / 1000).toFixed(0)} s; simulated start ${new Date(startMs).toISOString()}\n`);

type Source = 'window' | 'incidents' | 'baseline';
const scored = (subset: readonly CaseResult[], source: Source): Accuracy =>
  accuracyOf(subset.map((c): RankedCase => ({ truth: c.fault.service, ranked: c[source] })));
const pct = (share: number | undefined) => `${Math.round(100 * (share ?? 0))}%`.padStart(5);
const columns = (a: Accuracy, withAvg: boolean) => `${pct(a.acAt[0])} ${pct(a.acAt[2])}${withAvg ? ` ${pct(a.avg5)}` : ''}`;

console.log('                      POST /api/v1/rca    incidents     baseline (strongest alert)');
console.log('fault kind      cases  AC@1  AC@3 Avg@5   AC@1  AC@3   AC@1  AC@3 Avg@5');
const kinds = [...new Set(cases.map((c) => c.fault.kind))].sort();
const rows: [string, CaseResult[]][] = [...kinds.map((k): [FaultKind, CaseResult[]] => [k, cases.filter((c) => c.fault.kind === k)]), ['all', cases]];
for (const [label, subset] of rows) {
  const line = `${label.padEnd(16)}${String(subset.length).padStart(5)} ${columns(scored(subset, 'window'), true)}  ${columns(scored(subset, 'incidents'), false)}  ${columns(scored(subset, 'baseline'), true)}`;
  console.log(line);
}

const misses = cases.filter((c) => c.window[0] !== c.fault.service);
console.log(`\nPOST /api/v1/rca misses (true service not first): ${misses.length} of ${cases.length}`);
for (const c of misses) {
  const target = c.fault.instance ? `${c.fault.service} (${c.fault.instance})` : c.fault.service;
  console.log(`  seed ${c.seed} ${c.fault.id.padEnd(9)} ${c.fault.kind.padEnd(15)} ${target.padEnd(50)} → ${c.window.slice(0, 5).join(', ') || '(nothing)'}`);
}
