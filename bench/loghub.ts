/**
 * npm run bench:loghub [-- --data DIR] [--out PRED]
 *
 * Loghub-2k log parsing (Zhu et al., ICSE-SEIP 2019; Jiang et al., ISSTA 2024): mines every
 * dataset of a Loghub-2k-layout directory with the miner's one default configuration (only the
 * line-header format comes from DIR/settings.json), writes `PRED/<D>_2k.log_structured.csv`
 * (LineId, EventId, EventTemplate), and prints GA and PA against each ground truth present,
 * per dataset and averaged. A Drain configuration of the same miner (DRAIN_BASELINE_SETTINGS)
 * runs in the same command as the baseline, and both mining loops are timed (lines/s).
 * DIR defaults to $OPSLOOP_LOGHUB_DATA, else ../shared/datasets/loghub-2k-dev beside the
 * repository.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_MINER_SETTINGS, DRAIN_BASELINE_SETTINGS, type MinerSettings } from '../src/observe/logs/index.js';
import { groupingAccuracy, parsingAccuracy } from './loghub/accuracy.js';
import { GROUND_TRUTHS, loadDatasets, type Dataset, type GroundTruthName } from './loghub/load-datasets.js';
import { mineDataset, miningRate } from './loghub/mine-dataset.js';
import { formatCsv } from './loghub/read-csv.js';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    data: { type: 'string', default: process.env.OPSLOOP_LOGHUB_DATA ?? resolve(repoRoot, '../shared/datasets/loghub-2k-dev') },
    out: { type: 'string', default: resolve(repoRoot, 'bench/out/loghub') },
    'baseline-out': { type: 'string' },
  },
});
const dataDir = resolve(values.data);
const outDir = resolve(values.out);

const CONFIGS: readonly { name: string; settings: Readonly<MinerSettings> }[] = [
  { name: 'opsloop', settings: DEFAULT_MINER_SETTINGS },
  { name: 'drain', settings: DRAIN_BASELINE_SETTINGS },
];

const datasets = loadDatasets(dataDir);
console.log(`Loghub ${dataDir}: ${datasets.length} datasets, ${datasets.reduce((s, d) => s + d.contents.length, 0)} lines`);
for (const d of datasets) if (d.headerMismatches > 0) console.log(`  ${d.name}: ${d.headerMismatches} lines whose header does not fit settings.json (mined whole)`);

type Scores = Record<GroundTruthName, { ga: number; pa: number } | undefined>;

function score(dataset: Dataset, templates: readonly string[]): Scores {
  const out = {} as Scores;
  for (const gt of GROUND_TRUTHS) {
    const truth = dataset.truth[gt];
    out[gt] = truth ? { ga: groupingAccuracy(truth, templates), pa: parsingAccuracy(truth, templates) } : undefined;
  }
  return out;
}

function writePredictions(dir: string, dataset: Dataset, ids: readonly string[], templates: readonly string[]): void {
  mkdirSync(dir, { recursive: true });
  const rows = templates.map((template, i) => [String(i + 1), ids[i] ?? '', template]);
  writeFileSync(join(dir, `${dataset.name}_2k.log_structured.csv`), formatCsv(['LineId', 'EventId', 'EventTemplate'], rows));
}

const results = new Map<string, { scores: Scores[]; templates: number[]; rate: number }>();
for (const config of CONFIGS) {
  const scores: Scores[] = [];
  const templates: number[] = [];
  let lines = 0;
  let seconds = 0;
  for (const dataset of datasets) {
    const mined = mineDataset(dataset.contents, config.settings);
    const dir = config.name === 'opsloop' ? outDir : values['baseline-out'];
    if (dir) writePredictions(resolve(dir), dataset, mined.ids, mined.templates);
    scores.push(score(dataset, mined.templates));
    templates.push(new Set(mined.ids).size);
    const rate = miningRate(dataset.contents, config.settings);
    lines += dataset.contents.length;
    seconds += dataset.contents.length / rate;
  }
  results.set(config.name, { scores, templates, rate: lines / seconds });
}

const fmt = (x: number | undefined): string => (x === undefined ? '-' : x.toFixed(3)).padStart(7);
const mean = (xs: (number | undefined)[]): number | undefined => {
  const present = xs.filter((x): x is number => x !== undefined);
  return present.length ? present.reduce((a, b) => a + b, 0) / present.length : undefined;
};
const header = GROUND_TRUTHS.map((gt) => `${`GA ${gt}`.padStart(12)}${`PA ${gt}`.padStart(12)}`).join('');
console.log(`\npredictions in ${outDir}`);
for (const config of CONFIGS) {
  const r = results.get(config.name);
  if (!r) continue;
  console.log(`\n${config.name}${' '.repeat(Math.max(1, 12 - config.name.length))}${header}   templates`);
  datasets.forEach((d, i) => {
    const s = r.scores[i] as Scores;
    const cells = GROUND_TRUTHS.map((gt) => `${fmt(s[gt]?.ga).padStart(12)}${fmt(s[gt]?.pa).padStart(12)}`).join('');
    console.log(`  ${d.name.padEnd(10)}${cells}   ${String(r.templates[i]).padStart(9)}`);
  });
  const avg = GROUND_TRUTHS.map((gt) => {
    const ga = mean(r.scores.map((s) => s[gt]?.ga));
    const pa = mean(r.scores.map((s) => s[gt]?.pa));
    return `${fmt(ga).padStart(12)}${fmt(pa).padStart(12)}`;
  }).join('');
  console.log(`  ${'average'.padEnd(10)}${avg}`);
  console.log(`  mining loop: ${Math.round(r.rate).toLocaleString('en-US')} lines/s (masking + mining, one core)`);
}
console.log('\naverages are over the datasets each ground truth has (loghub2 has no Android).');
