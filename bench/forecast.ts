/**
 * npm run bench:forecast [-- --data DIR] [--demo-hours N] [--horizon-hours N] [--origins N]
 *
 * Forecast accuracy of the metric engine's seasonal forecast (src/observe/metrics/forecast)
 * against the seasonal naive baseline, by rolling-origin evaluation (bench/forecast/), over
 * every series of the NAB development corpus and the demo shop's saturation series (simulated
 * in-process with a fixed seed). Prints sMAPE and MASE per series and the share of series on
 * which ours beats the baseline on each (issue 10 target: ≥ 80 % on both).
 * DIR defaults to $OPSLOOP_NAB_DATA, else ../shared/datasets/nab-dev beside the repository.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { demoSeries } from './forecast/demo-series.js';
import { evaluateSeries, tally, type EvaluationOptions, type SeriesScore } from './forecast/rolling-origin.js';
import { loadCorpus } from './nab/load-corpus.js';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const { values: args } = parseArgs({
  options: {
    data: { type: 'string', default: process.env.OPSLOOP_NAB_DATA ?? resolve(repoRoot, '../shared/datasets/nab-dev') },
    'demo-hours': { type: 'string', default: '36' },
    'horizon-hours': { type: 'string', default: '6' },
    origins: { type: 'string', default: '5' },
  },
});
const demoHours = positive('demo-hours');
const options: EvaluationOptions = {
  horizonMs: positive('horizon-hours') * 3_600_000,
  origins: Math.round(positive('origins')),
  firstOriginShare: 0.6,
  // Two weeks at NAB's usual five-minute step, under the forecaster's 5,000-point cap.
  maxHistory: 4032,
};

function positive(name: 'demo-hours' | 'horizon-hours' | 'origins'): number {
  const value = Number(args[name]);
  if (!(value > 0)) throw new RangeError(`--${name}: expected a positive number, got ${args[name]}`);
  return value;
}

const started = process.cpuUsage();
const corpus = loadCorpus(resolve(args.data));
const bar = new cliProgress.SingleBar({ stream: process.stderr, format: 'forecast {bar} {value}/{total} {phase}' }, cliProgress.Presets.shades_classic);

bar.start(demoHours * 60, 0, { phase: 'simulating the demo' });
const demo = demoSeries({
  seed: 10,
  startMs: Date.UTC(2026, 0, 5),
  durationMs: demoHours * 3_600_000,
  bucketMs: 300_000,
  // Saturation series; the runtimes' heap gauges are a fixed share of resident memory, so they would count twice.
  include: /^(process\.(cpu\.utilization|memory\.usage)|postgresql\.backends)$/,
  onProgress: (doneMs) => bar.update(Math.round(doneMs / 60_000)),
});
bar.stop();

const inputs = [
  ...corpus.files.map((file) => ({
    set: 'nab',
    category: file.relativePath.split('/')[0] ?? 'nab',
    name: file.relativePath,
    points: file.values.map((value, i) => ({ timeMs: (file.timestampsUs[i] as number) / 1000, value })),
  })),
  ...[...demo].map(([name, points]) => ({ set: 'demo', category: name.slice(0, name.indexOf('{')), name, points })),
];
bar.start(inputs.length, 0, { phase: '' });
const scores: Array<SeriesScore & { set: string; category: string }> = [];
const skipped: string[] = [];
for (const input of inputs) {
  bar.update({ phase: input.name });
  const score = evaluateSeries(input.name, input.points, options);
  if (score) scores.push({ ...score, set: input.set, category: input.category });
  else skipped.push(input.name);
  bar.increment();
}
bar.stop();
const cpuSeconds = (process.cpuUsage(started).user + process.cpuUsage(started).system) / 1e6;

const fixed = (n: number, digits: number) => n.toFixed(digits).padStart(9);
const width = Math.min(90, Math.max(...scores.map((s) => s.name.length))) + 2;
console.log(`\n${'series'.padEnd(width)}${'steps'.padStart(7)}${'H'.padStart(5)}${'m'.padStart(6)}${'sMAPE'.padStart(9)}${'naive'.padStart(9)}${'MASE'.padStart(9)}${'naive'.padStart(9)}  wins  models chosen`);
for (const s of scores) {
  const wins = `${s.ours.smape < s.baseline.smape ? 's' : '-'}${s.ours.mase < s.baseline.mase ? 'm' : '-'}`;
  console.log(
    `${s.name.slice(0, width - 2).padEnd(width)}${String(s.points).padStart(7)}${String(s.horizon).padStart(5)}${String(s.baselinePeriod).padStart(6)}` +
      `${fixed(s.ours.smape, 2)}${fixed(s.baseline.smape, 2)}${fixed(s.ours.mase, 3)}${fixed(s.baseline.mase, 3)}  ${wins}  ${methodsOf(s.methods)}`,
  );
}
console.log(`\n${'category'.padEnd(26)}${'series'.padStart(7)}${'sMAPE wins'.padStart(12)}${'MASE wins'.padStart(11)}`);
for (const category of [...new Set(scores.map((s) => s.category))]) {
  const t = tally(scores.filter((s) => s.category === category));
  console.log(`${category.padEnd(26)}${String(t.series).padStart(7)}${String(t.smapeWins).padStart(12)}${String(t.maseWins).padStart(11)}`);
}
console.log(`\nhorizon ${args['horizon-hours']} h, ${options.origins} origins from ${options.firstOriginShare * 100} % of each series; m = baseline period in steps (1 = naive)`);
if (skipped.length > 0) console.log(`skipped (too short or no scorable origin): ${skipped.join(', ')}`);
for (const set of ['nab', 'demo', 'all']) {
  const t = tally(set === 'all' ? scores : scores.filter((s) => s.set === set));
  const share = (wins: number) => `${((100 * wins) / Math.max(1, t.series)).toFixed(1)} %`;
  console.log(`${set.padEnd(5)} ${String(t.series).padStart(3)} series: ours beats seasonal naive on sMAPE in ${share(t.smapeWins)} (${t.smapeWins}), on MASE in ${share(t.maseWins)} (${t.maseWins})`);
}
/** "holt-winters×3 recent-mean×2": the forecaster's choices over the origins, most frequent first. */
function methodsOf(methods: ReadonlyMap<string, number>): string {
  return [...methods].sort((a, b) => b[1] - a[1]).map(([name, count]) => `${name}×${count}`).join(' ');
}
console.log(`CPU time ${cpuSeconds.toFixed(1)} s`);
