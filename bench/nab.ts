/**
 * npm run bench:nab [-- --data DIR] [--out RESULTS] [--detector NAME] [--windows]
 *
 * Numenta Anomaly Benchmark v1.1 (Lavin & Ahmad 2015): runs a detector over every file of a
 * NAB-layout directory with one configuration, writes NAB result files
 * (`RESULTS/<category>/<detector>_<file>.csv`), scores them with bench/nab/ and prints the
 * three normalised profile scores. The null detector and a windowed Gaussian run in the same
 * command as baselines. DIR defaults to $OPSLOOP_NAB_DATA, else ../shared/datasets/nab-dev
 * beside the repository. `--windows` adds, for the detector under test at its standard-profile
 * threshold, each file's windows (hit or missed, and what each is worth) and false positives.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import type { NabDetector } from './nab/detectors/nab-detector.js';
import { BASELINES, DETECTORS } from './nab/detectors/registry.js';
import { loadCorpus } from './nab/load-corpus.js';
import { formatResults, resultsFileName } from './nab/results-file.js';
import { scoreDetector, type ProfileScore } from './nab/score-detector.js';
import type { NabFile } from './nab/types.js';
import { fileReport, formatReport } from './nab/window-report.js';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    data: { type: 'string', default: process.env.OPSLOOP_NAB_DATA ?? resolve(repoRoot, '../shared/datasets/nab-dev') },
    out: { type: 'string', default: resolve(repoRoot, 'bench/out/nab') },
    detector: { type: 'string', default: 'opsloop' },
    windows: { type: 'boolean', default: false },
  },
});
const dataDir = resolve(values.data);
const outDir = resolve(values.out);
const detectorNames = [values.detector, ...BASELINES.filter((name) => name !== values.detector)];
const detectors = detectorNames.map((name) => {
  const detector = DETECTORS.get(name);
  if (!detector) throw new RangeError(`--detector: expected one of ${[...DETECTORS.keys()].join(', ')}, got ${name}`);
  return detector;
});

const started = performance.now();
const corpus = loadCorpus(dataDir);
const rows = corpus.files.reduce((sum, file) => sum + file.values.length, 0);
console.log(`NAB corpus ${dataDir}: ${corpus.files.length} files, ${rows} rows, ${corpus.windowCount} windows`);

function runFile(detector: NabDetector, file: NabFile): number[] {
  const score = detector.create();
  return file.values.map((value, i) => score((file.timestampsUs[i] as number) / 1000, value));
}

const bar = new cliProgress.SingleBar(
  { stream: process.stderr, format: 'NAB {bar} {value}/{total} files | {detector} {file}' },
  cliProgress.Presets.shades_classic,
);
bar.start(corpus.files.length * detectors.length, 0, { detector: '', file: '' });
const results = new Map<string, ProfileScore[]>();
const scoresOf = new Map<string, number[][]>();
for (const detector of detectors) {
  const scoresByFile: number[][] = [];
  for (const file of corpus.files) {
    bar.update({ detector: detector.name, file: file.relativePath });
    const scores = runFile(detector, file);
    const path = join(outDir, resultsFileName(detector.name, file));
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, formatResults(file, scores));
    scoresByFile.push(scores);
    bar.increment();
  }
  results.set(detector.name, scoreDetector(corpus, scoresByFile));
  scoresOf.set(detector.name, scoresByFile);
}
bar.stop();

const profiles = Object.keys(corpus.profiles);
const width = Math.max(...detectorNames.map((name) => name.length), 8) + 2;
console.log(`\nresults in ${outDir}\n`);
console.log(`${'detector'.padEnd(width)}${profiles.map((p) => p.padStart(20)).join('')}`);
for (const detector of detectors) {
  const scores = results.get(detector.name) ?? [];
  console.log(`${detector.name.padEnd(width)}${scores.map((s) => s.normalised.toFixed(2).padStart(20)).join('')}`);
}
console.log('\ndetails (threshold, raw score, null score, perfect score, normalised):');
for (const detector of detectors) {
  console.log(`  ${detector.name}: ${detector.description}`);
  for (const s of results.get(detector.name) ?? []) {
    console.log(
      `    ${s.profile.padEnd(20)} threshold ${String(s.threshold).padEnd(20)} raw ${String(s.raw).padEnd(20)} null ${s.nullScore}  perfect ${s.perfect}  normalised ${s.normalised}`,
    );
  }
}
if (values.windows) {
  const standard = results.get(values.detector)?.find((s) => s.profile === 'standard');
  const costs = corpus.profiles.standard;
  const scoresByFile = scoresOf.get(values.detector) ?? [];
  if (standard && costs) {
    console.log(`\n${values.detector}, standard profile at threshold ${standard.threshold}: score, file, windows (value@row in window/width), false positives`);
    console.log(formatReport(corpus.files.map((file, f) => fileReport(file, scoresByFile[f] ?? [], costs, standard.threshold))));
  }
}
console.log(`\n${((performance.now() - started) / 1000).toFixed(1)} s`);
