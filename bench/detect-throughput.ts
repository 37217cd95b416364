/**
 * npm run bench:detect-throughput [-- --series 10000 --points 300]
 *
 * Points per second of opsloop's streaming detector on one core (Node runs this on one thread)
 * over SERIES interleaved series — round-robin, as a scrape of many targets arrives — and bytes
 * of state per series. Baseline in the same run: NAB's windowed Gaussian (rolling mean and
 * standard deviation), the simplest detector worth the name.
 *
 * The series are synthetic but shaped like operations metrics: a daily cycle, noise, a slow
 * trend and occasional spikes, one point a minute. Every series first learns 150 points
 * (untimed: the cold start is cheaper per point and would flatter the figure); then POINTS
 * rounds are timed. State per series: the bytes its snapshot holds, and that snapshot's size.
 */
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { ConfigSchema } from '../src/core/config.js';
import { detectorSettingsFor } from '../src/observe/metrics/detector-settings.js';
import { metricSemantics } from '../src/observe/metrics/metric-semantics.js';
import { SeriesDetector } from '../src/observe/metrics/series-detector.js';
import { windowedGaussianDetector } from './nab/detectors/windowed-gaussian.js';

const { values } = parseArgs({
  options: {
    series: { type: 'string', default: '10000' },
    points: { type: 'string', default: '300' },
  },
});
const seriesCount = positiveInt(values.series, '--series');
const timedPoints = positiveInt(values.points, '--points');
const WARM_POINTS = 150;
const STEP_MS = 60_000;
const START_MS = Date.UTC(2026, 0, 5);

function positiveInt(text: string, flag: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n <= 0) throw new RangeError(`${flag}: expected a positive integer, got ${text}`);
  return n;
}

/** Value of series `s` at step `i`: deterministic, so every run scores the same data. */
function valueAt(s: number, i: number): number {
  const daily = Math.sin((2 * Math.PI * (i + s * 37)) / 1440);
  const noise = Math.sin(i * 12.9898 + s * 78.233) * 43758.5453;
  const jitter = noise - Math.floor(noise) - 0.5;
  const spike = (i * 7919 + s * 104729) % 997 === 0 ? 8 : 0;
  return 100 + (s % 50) + 20 * daily + 4 * jitter + 0.001 * i + spike * 5;
}

/** One round: every series' value at step i, generated before timing starts. */
function round(i: number): Float64Array {
  const row = new Float64Array(seriesCount);
  for (let s = 0; s < seriesCount; s++) row[s] = valueAt(s, i);
  return row;
}

/** A full collection, when node runs with --expose-gc (the npm script passes it). */
function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/**
 * Scores one round (every series' point at `timeMs`). Each detector brings its own loop, as
 * DetectorBank does, so neither runs through a call site the other has made polymorphic.
 */
type Scorer = (timeMs: number, row: Float64Array) => void;

interface Throughput {
  /** Points per second of this process's CPU time: "on one core", whatever else the machine runs. */
  perCpuSecond: number;
  perWallSecond: number;
}

function run(name: string, makeScorer: () => Scorer, bar: cliProgress.SingleBar): Throughput {
  const score = makeScorer();
  for (let i = 0; i < WARM_POINTS; i++) {
    const row = round(i);
    score(START_MS + i * STEP_MS, row);
  }
  const rows = Array.from({ length: timedPoints }, (_, k) => round(WARM_POINTS + k));
  // Neither detector pays for the garbage the one before it (or its own warm-up) left behind.
  collectGarbage();
  let wallMs = 0;
  let cpuMicros = 0;
  rows.forEach((row, k) => {
    const timeMs = START_MS + (WARM_POINTS + k) * STEP_MS;
    const started = performance.now();
    const cpu = process.cpuUsage();
    score(timeMs, row);
    const used = process.cpuUsage(cpu);
    wallMs += performance.now() - started;
    cpuMicros += used.user + used.system;
    bar.increment({ detector: name });
  });
  const points = seriesCount * timedPoints;
  return { perCpuSecond: points / (cpuMicros / 1e6), perWallSecond: points / (wallMs / 1000) };
}

const config = ConfigSchema.parse({}).detector;
const settings = detectorSettingsFor(config, { name: 'bench.value', service: 'bench', labels: {} });
const semantics = metricSemantics('bench.value');

function opsloopScorer(): Scorer {
  const detectors = Array.from({ length: seriesCount }, () => new SeriesDetector(settings, semantics));
  return (timeMs, row) => {
    for (let s = 0; s < seriesCount; s++) (detectors[s] as SeriesDetector).observe(timeMs, row[s] as number);
  };
}

function baselineScorer(): Scorer {
  const scorers = Array.from({ length: seriesCount }, () => windowedGaussianDetector.create());
  return (timeMs, row) => {
    for (let s = 0; s < seriesCount; s++) (scorers[s] as (t: number, v: number) => number)(timeMs, row[s] as number);
  };
}

/**
 * State of one series after two days of points: the bytes of its typed arrays plus 8 bytes per
 * number it keeps (read off its snapshot, which holds exactly the state). Heap deltas are too
 * noisy across a run that has just freed 10,000 detectors to mean anything per series.
 */
function stateBytes(): { model: number; snapshot: number } {
  const detector = new SeriesDetector(settings, semantics);
  for (let i = 0; i < WARM_POINTS + 48 * 60; i += 1) detector.observe(START_MS + i * STEP_MS, valueAt(0, i));
  const snapshot = detector.snapshot();
  let bytes = 0;
  const visit = (value: unknown): void => {
    if (typeof value === 'number' || typeof value === 'boolean') bytes += 8;
    else if (typeof value === 'string') bytes += Math.floor((value.length * 3) / 4);
    else if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') Object.values(value).forEach(visit);
  };
  visit(snapshot);
  return { model: bytes, snapshot: JSON.stringify(snapshot).length };
}

console.log(`detector throughput: ${seriesCount} interleaved series, ${WARM_POINTS} untimed + ${timedPoints} timed points each, one core`);
const bar = new cliProgress.SingleBar(
  { stream: process.stderr, format: 'throughput {bar} {value}/{total} rounds | {detector}' },
  cliProgress.Presets.shades_classic,
);
bar.start(2 * timedPoints, 0, { detector: '' });
const baseline = run('windowedGaussian', baselineScorer, bar);
const opsloop = run('opsloop', opsloopScorer, bar);
bar.stop();
const bytes = stateBytes();

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
console.log(`\n${'detector'.padEnd(20)}${'points/CPU-s'.padStart(14)}${'points/wall-s'.padStart(15)}`);
for (const [name, figures] of [['windowedGaussian', baseline], ['opsloop', opsloop]] as const) {
  console.log(`${name.padEnd(20)}${fmt(figures.perCpuSecond).padStart(14)}${fmt(figures.perWallSecond).padStart(15)}`);
}
console.log(`opsloop is ${(opsloop.perCpuSecond / baseline.perCpuSecond).toFixed(2)}× the baseline per CPU-second`);
console.log(
  `\nstate per series after two days of points: ${fmt(bytes.model)} B (typed arrays + numbers), ${fmt(bytes.snapshot)} B as a JSON snapshot`,
);
console.log(
  `targets: ≥ 1,000,000 points/s on one core → ${opsloop.perCpuSecond >= 1_000_000 ? 'met' : 'NOT met'}; ≤ 16 KB per series → ${bytes.model <= 16_384 ? 'met' : 'NOT met'}`,
);
