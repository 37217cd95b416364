/**
 * npm run bench:rca-boutique [-- --data DIR --out PRED.json]
 *
 * Root-cause ranking on real fault injections: Nezha's Online Boutique set (56 faults, 1-minute
 * pod metrics; docs/benchmarks.md). Every pod's metrics are replayed through a fresh opsloop's
 * OTLP endpoint as gauges with their past timestamps, in time order; then, for each case,
 * POST /api/v1/rca over the fault window [inject, end] is scored by AC@1/3/5, Avg@5 and MRR,
 * overall and by fault type, next to the published figures and a plain n-sigma ranking of the
 * same data computed in the same run. The call graph file is not sent: opsloop learns the
 * graph from spans only, and a user with these metrics would have no spans (see the docs).
 *
 * DIR defaults to $OPSLOOP_RCA_BOUTIQUE, else ../shared/datasets/rca-online-boutique from the
 * repository root.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { SingleBar } from 'cli-progress';
import { startOpsloop } from '../src/app/start.js';
import { ConfigSchema } from '../src/core/config.js';
import { RcaResponseSchema } from '../src/core/rca-api.js';
import { createExporter } from '../src/demo/otlp-exporter.js';
import { readCases, readPodTables, type BoutiqueCase, type PodTable } from './rca-boutique/dataset.js';
import { rankByNSigma, type ServiceSeries } from './rca-boutique/n-sigma.js';
import { podResourceMetrics, serviceOfPod } from './rca-boutique/pod-metrics-otlp.js';
import { accuracyOf, type Accuracy } from './rca/accuracy.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { data: { type: 'string' }, out: { type: 'string' } } });
const dataDir = resolve(values.data ?? process.env.OPSLOOP_RCA_BOUTIQUE ?? join(repoRoot, '../shared/datasets/rca-online-boutique'));

/** Minutes of every pod's metrics per OTLP request: 10 pods × 16 metrics × 10 points. */
const SLICE_MS = 10 * 60_000;
/** Published service-level figures on these 56 cases (Nezha, ESEC/FSE 2023), AC@1/3/5. */
const PUBLISHED: [string, number, number, number][] = [
  ['MicroRCA (metrics)', 0.161, 0.625, 0.929],
  ['MicroScope (metrics)', 0.125, 0.411, 0.554],
  ['n-sigma (published)', 0.393, 0.607, 0.714],
  ['Nezha without logs', 0.643, 0.643, 0.643],
  ['Nezha, traces + logs', 0.929, 0.964, 0.964],
];

const cases = readCases(dataDir);
const folders = [...new Set(cases.map((c) => c.metricDir))].sort();
const tables = new Map<string, PodTable[]>(folders.map((folder) => [folder, readPodTables(dataDir, folder)]));

const dir = mkdtempSync(join(tmpdir(), 'opsloop-bench-rca-boutique-'));
const running = await startOpsloop(ConfigSchema.parse({ dataDir: dir, api: { port: 0 }, otlp: { port: 0 }, logLevel: 'silent', auth: { enabled: false } }), { logger: false });
const opsloop = new Map<string, string[]>();
let replaySeconds = 0;
let rankSeconds = 0;
try {
  const exporter = createExporter({ otlpUrl: running.otlpUrl, apiUrl: running.apiUrl });
  const slices = folders.flatMap((folder) => {
    const times = (tables.get(folder) ?? []).flatMap(({ table }) => table.rows.map((row) => row.timeMs));
    const first = Math.min(...times);
    const last = Math.max(...times);
    return Array.from({ length: Math.floor((last - first) / SLICE_MS) + 1 }, (_, i) => ({ folder, fromMs: first + i * SLICE_MS }));
  });
  // Off a terminal (CI logs), the bar prints a line every 30 s instead of redrawing.
  const bar = new SingleBar({ format: 'bench:rca-boutique [{bar}] {percentage}% | {stage}', hideCursor: true, clearOnComplete: true, noTTYOutput: true, notTTYSchedule: 30_000 });
  bar.start(slices.length + cases.length, 0, { stage: 'replaying metrics' });
  const replayStarted = performance.now();
  for (const [index, { folder, fromMs }] of slices.entries()) {
    const resourceMetrics = (tables.get(folder) ?? []).map(({ pod, table }) => podResourceMetrics(table, pod, fromMs, fromMs + SLICE_MS));
    await exporter.sendMetrics({ resourceMetrics });
    bar.update(index + 1, { stage: `replayed ${folder} to ${new Date(fromMs + SLICE_MS).toISOString().slice(0, 16)}` });
  }
  await running.engine.settle();
  replaySeconds = (performance.now() - replayStarted) / 1000;

  const rankStarted = performance.now();
  for (const [index, c] of cases.entries()) {
    opsloop.set(c.id, await rankWindow(running.apiUrl, c));
    bar.update(slices.length + index + 1, { stage: `ranked ${index + 1} of ${cases.length} windows` });
  }
  rankSeconds = (performance.now() - rankStarted) / 1000;
  bar.stop();
} finally {
  await running.stop();
  rmSync(dir, { recursive: true, force: true });
}

const nSigma = new Map(cases.map((c) => [c.id, rankByNSigma(seriesOf(tables.get(c.metricDir) ?? []), c.fromMs, c.toMs)]));
if (values.out) writeFileSync(values.out, `${JSON.stringify({ predictions: Object.fromEntries(opsloop) }, null, 1)}\n`);

const points = [...tables.values()].flat().reduce((sum, { table }) => sum + table.rows.length * table.columns.length, 0);
console.log(`data: ${dataDir}`);
console.log(`${cases.length} cases; replayed ${points} points of ${[...tables.values()].flat().length} pod tables in ${replaySeconds.toFixed(1)} s; ranking ${rankSeconds.toFixed(1)} s (${((1000 * rankSeconds) / cases.length).toFixed(0)} ms per window)\n`);

const scored = (subset: readonly BoutiqueCase[], ranked: Map<string, string[]>): Accuracy =>
  accuracyOf(subset.map((c) => ({ truth: c.service, ranked: ranked.get(c.id) ?? [] })));
const num = (share: number | undefined) => (share ?? 0).toFixed(3).padStart(6);
const columns = (a: Accuracy) => `${num(a.acAt[0])}${num(a.acAt[2])}${num(a.acAt[4])}${num(a.avg5)}${num(a.mrr)}`;

console.log('                        POST /api/v1/rca                    n-sigma (this run)');
console.log('fault type      cases   AC@1  AC@3  AC@5 Avg@5   MRR     AC@1  AC@3  AC@5 Avg@5   MRR');
const types = [...new Set(cases.map((c) => c.faultType))].sort();
for (const [label, subset] of [...types.map((t): [string, BoutiqueCase[]] => [t, cases.filter((c) => c.faultType === t)]), ['all', cases] as [string, BoutiqueCase[]]]) {
  console.log(`${label.padEnd(16)}${String(subset.length).padStart(5)} ${columns(scored(subset, opsloop))}   ${columns(scored(subset, nSigma))}`);
}
console.log('\npublished on these 56 cases (service level)   AC@1  AC@3  AC@5');
for (const [name, ...ac] of PUBLISHED) console.log(`${name.padEnd(45)}${ac.map((v) => num(v)).join('')}`);

const misses = cases.filter((c) => opsloop.get(c.id)?.[0] !== c.service);
console.log(`\nPOST /api/v1/rca misses (true service not first): ${misses.length} of ${cases.length}`);
for (const c of misses) console.log(`  ${c.id} ${c.faultType.padEnd(15)} ${c.service.padEnd(22)} → ${(opsloop.get(c.id) ?? []).join(', ') || '(nothing)'}`);

async function rankWindow(apiUrl: string, c: BoutiqueCase): Promise<string[]> {
  const response = await fetch(`${apiUrl}/api/v1/rca`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ from: c.fromMs, to: c.toMs }) });
  if (!response.ok) throw new Error(`POST /api/v1/rca for ${c.id} answered ${response.status}: ${await response.text()}`);
  return RcaResponseSchema.parse(await response.json()).causes.map((cause) => cause.service);
}

/** Every metric column of every pod as its service's series, for the n-sigma baseline. */
function seriesOf(pods: readonly PodTable[]): ServiceSeries[] {
  return pods.flatMap(({ pod, table }) =>
    table.columns.map((_, index) => ({ service: serviceOfPod(pod), points: table.rows.map((row) => ({ timeMs: row.timeMs, value: row.values[index] as number })) })),
  );
}
