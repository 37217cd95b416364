/**
 * npm run bench:logs-throughput [-- --data DIR] [--lines 1000000] [--rounds 3] [--seed 1]
 *
 * Lines per second of the log template miner on one core (Node runs this on one thread):
 * masking alone (the miner's first step: cut, mask, tokenise; line-masker.ts) and masking +
 * mining (`TemplateMiner.add`). The stream is LINES messages built from the Loghub-2k sets of
 * DIR (read with the bench:loghub loaders), replayed with fresh values: in every run of hex
 * digits that holds a digit, each digit is replaced by a random digit and, in runs of six or
 * more (hex ids such as `0x0b85eee0`), each letter by a random hex letter of the same case; a
 * run of three digits becomes 100–255, so addresses stay addresses. A shorter run glued to a
 * letter belongs to a name (`SOCKS5`, `tty2`) and is kept. Each line is a new text;
 * only what the masks make of it repeats. The datasets are interleaved line by line, as the
 * sources of a collector arrive, each into its own miner (one per source).
 *
 * Baselines in the same run, on the same stream: the built-in masks applied as the chain of
 * regular expressions (`BUILTIN_MASKS`, what the miner ran before its single-pass scanner;
 * forced by a user mask that replaces a built-in with itself), alone and in the same miner,
 * and the Drain configuration (`DRAIN_BASELINE_SETTINGS`). Each configuration runs ROUNDS times
 * over the whole stream with fresh miners, in turn; the median is printed, as lines per second
 * of wall-clock time, of this process's CPU time, and of wall-clock time after the first replay
 * of every set (`known`: the templates are learnt, as in a long-running miner). The machine is
 * shared, so read the ratios rather than the absolute rates.
 *
 * DIR defaults to $OPSLOOP_LOGHUB_DATA, else ../shared/datasets/loghub-2k-dev beside the
 * repository. Nothing is written.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  BUILTIN_MASKS,
  DEFAULT_MINER_SETTINGS,
  DRAIN_BASELINE_SETTINGS,
  TemplateMiner,
  type MinerOptions,
} from '../src/observe/logs/index.js';
import { LineMasker } from '../src/observe/logs/line-masker.js';
import { createRng } from '../src/demo/prng.js';
import { loadDatasets } from './loghub/load-datasets.js';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    data: { type: 'string', default: process.env.OPSLOOP_LOGHUB_DATA ?? resolve(repoRoot, '../shared/datasets/loghub-2k-dev') },
    lines: { type: 'string', default: '1000000' },
    rounds: { type: 'string', default: '3' },
    seed: { type: 'string', default: '1' },
  },
});
const lineCount = positiveInt(values.lines, '--lines');
const rounds = positiveInt(values.rounds, '--rounds');

function positiveInt(text: string, flag: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n <= 0) throw new RangeError(`${flag}: expected a positive integer, got ${text}`);
  return n;
}

const HEX_LETTERS = 'abcdef';

/**
 * A run of hex digits with fresh values, of the same length and character classes. A short run
 * glued to a letter is part of a name (`SOCKS5`, `tty2`, `U11`, `bglio91`, `0x05`) and stays.
 */
function freshRun(run: string, before: string, after: string, random: () => number): string {
  if (!/\d/.test(run) || (run === '0' && /[xX]/.test(after))) return run; // no value, or the 0 of 0x
  const id = run.length >= 6;
  if (!id && (/[A-Za-z]/.test(before) || /[A-Za-z]/.test(run))) return run;
  if (/^\d{3}$/.test(run)) return String(100 + Math.floor(random() * 156));
  let out = '';
  for (const c of run) {
    if (c >= '0' && c <= '9') out += String(Math.floor(random() * 10));
    else {
      const letter = HEX_LETTERS[Math.floor(random() * 6)] as string;
      out += c === c.toUpperCase() ? letter.toUpperCase() : letter;
    }
  }
  return out;
}

interface Stream {
  readonly messages: string[];
  /** Index of the dataset (the source, hence the miner) of each message. */
  readonly sources: Uint8Array;
}

function buildStream(sets: readonly (readonly string[])[], count: number, random: () => number): Stream {
  const messages: string[] = new Array<string>(count);
  const sources = new Uint8Array(count);
  for (let k = 0; k < count; k++) {
    const source = k % sets.length;
    const set = sets[source] as readonly string[];
    const original = set[Math.floor(k / sets.length) % set.length] as string;
    messages[k] = original.replace(/[0-9A-Fa-f]+/g, (run, at: number) =>
      freshRun(run, original.charAt(at - 1), original.charAt(at + run.length), random),
    );
    sources[k] = source;
  }
  return { messages, sources };
}

const datasets = loadDatasets(resolve(values.data));
const stream = buildStream(
  datasets.map((d) => d.contents),
  lineCount,
  createRng(Number(values.seed)).next,
);
const distinct = new Set(stream.messages).size;

/** Replacing a built-in by name makes the miner run every built-in as a regular expression. */
const numberMask = BUILTIN_MASKS.find((m) => m.name === 'number');
if (!numberMask) throw new Error('no built-in number mask');
const REGEX_MASKS: MinerOptions = { masks: [{ name: 'number', pattern: numberMask.pattern.source }] };
/** Masking alone is the miner's first step: cut, mask, tokenise, join (line-masker.ts). */
const maskers = {
  opsloop: () => new LineMasker(DEFAULT_MINER_SETTINGS, []),
  regex: () => new LineMasker(DEFAULT_MINER_SETTINGS, [numberMask]),
};

type Config =
  | { readonly name: string; readonly work: 'mask'; readonly masker: () => LineMasker }
  | { readonly name: string; readonly work: 'mine'; readonly options: MinerOptions };

const CONFIGS: readonly Config[] = [
  { name: 'masking, opsloop', work: 'mask', masker: maskers.opsloop },
  { name: 'masking, regex chain', work: 'mask', masker: maskers.regex },
  { name: 'mining, opsloop', work: 'mine', options: {} },
  { name: 'mining, regex chain', work: 'mine', options: REGEX_MASKS },
  { name: 'mining, drain settings', work: 'mine', options: { settings: DRAIN_BASELINE_SETTINGS } },
];

interface Pass {
  readonly linesPerSecond: number;
  /** Lines per second of this process's CPU time: what one core would do with nobody else on it. */
  readonly linesPerCpuSecond: number;
  /** Wall-clock lines per second after the first replay of every set, when the templates are known. */
  readonly knownPerSecond: number;
  readonly templates: number | undefined;
}

/** One pass over the first `count` lines of the stream with a fresh masker or miner per source. */
function runPass(config: Config, count = stream.messages.length): Pass {
  const messages = stream.messages.slice(0, count);
  const { sources } = stream;
  let sink = 0;
  let templates: (() => number) | undefined;
  const firstReplay = Math.min(messages.length - 1, datasets.reduce((n, d) => n + d.contents.length, 0));
  let learnt = 0;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  if (config.work === 'mask') {
    const maskers = datasets.map(() => config.masker());
    for (let k = 0; k < messages.length; k++) {
      if (k === firstReplay) learnt = performance.now();
      sink += (maskers[sources[k] as number] as LineMasker).key(messages[k] as string).length;
    }
  } else {
    const miners = datasets.map(() => new TemplateMiner(config.options));
    for (let k = 0; k < messages.length; k++) {
      if (k === firstReplay) learnt = performance.now();
      if ((miners[sources[k] as number] as TemplateMiner).add(messages[k] as string)) sink++;
    }
    templates = () => miners.reduce((n, m) => n + m.templates().length, 0);
  }
  const ended = performance.now();
  const seconds = (ended - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  if (sink === 0) throw new Error(`${config.name}: nothing mined`);
  return {
    linesPerSecond: messages.length / seconds,
    linesPerCpuSecond: messages.length / ((cpu.user + cpu.system) / 1e6),
    knownPerSecond: ((messages.length - firstReplay) / (ended - learnt)) * 1000,
    templates: templates?.(),
  };
}

const median = (xs: readonly number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
};

console.log(
  `Loghub ${resolve(values.data)}: ${datasets.length} datasets → ${lineCount.toLocaleString('en-US')} lines ` +
    `(${distinct.toLocaleString('en-US')} distinct), fresh values, interleaved, one miner per dataset; ${rounds} rounds`,
);
// Untimed: every configuration gets its code compiled before any is timed.
for (const config of CONFIGS) runPass(config, Math.min(lineCount, 50_000));
const passes = new Map<string, Pass[]>(CONFIGS.map((c) => [c.name, []]));
for (let round = 1; round <= rounds; round++) {
  for (const config of CONFIGS) passes.get(config.name)?.push(runPass(config));
  process.stderr.write(`round ${round}/${rounds} done\n`);
}

const rate = (name: string, of: 'linesPerSecond' | 'linesPerCpuSecond' | 'knownPerSecond' = 'linesPerSecond'): number =>
  median((passes.get(name) ?? []).map((p) => p[of]));
const fmt = (n: number): string => Math.round(n).toLocaleString('en-US').padStart(11);
console.log(
  `\n${'median of rounds'.padEnd(26)}${'lines/s'.padStart(11)}${'per CPU s'.padStart(12)}${'known'.padStart(12)}   ${'vs regex chain'.padStart(14)}   templates`,
);
for (const config of CONFIGS) {
  const baseline = config.work === 'mask' ? 'masking, regex chain' : 'mining, regex chain';
  const templates = String(passes.get(config.name)?.[0]?.templates ?? '-');
  const ratio = `${(rate(config.name) / rate(baseline)).toFixed(2)}×`;
  const cells = `${fmt(rate(config.name))} ${fmt(rate(config.name, 'linesPerCpuSecond'))} ${fmt(rate(config.name, 'knownPerSecond'))}`;
  console.log(`  ${config.name.padEnd(24)}${cells}   ${ratio.padStart(14)}   ${templates.padStart(9)}`);
}
const perRound = (passes.get('mining, opsloop') ?? []).map((p) => Math.round(p.linesPerSecond).toLocaleString('en-US'));
console.log(`\nmining, opsloop, every round: ${perRound.join(', ')} lines/s; target 1,000,000 (Drain3: ~174,000)`);
console.log('per CPU s: lines per second of this process\'s CPU time (all its threads, so garbage collection in parallel counts too).');
console.log('known: lines per second after the first replay of every set, when every template has been learnt.');
