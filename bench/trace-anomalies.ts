/**
 * npm run bench:trace-anomalies [-- --spans 300000 --batch 1024 --rounds 5 --seed 1]
 * (node --expose-gc --import tsx bench/trace-anomalies.ts: a full GC before each pass)
 *
 * CPU cost per span of the trace anomaly detectors (src/observe/traces/anomalies), against the
 * span-path stages that run beside them on the same batches: the RED aggregator and the service
 * graph builder. Spans are bench:ingest-spans' realistic shop traffic (36 services, server,
 * client and internal spans, peer attributes), decoded to span records before the clock starts.
 * Each body covers 2.5 s of event time, so a run spans ~12 minutes: operations finish learning
 * and windows are judged, as in steady operation.
 *
 * Passes alternate, ROUNDS times; the median CPU time per span is printed (the machine is
 * shared: CPU time and ratios, not wall-clock rates).
 */
import { parseArgs } from 'node:util';
import type { SpanRecord } from '../src/core/records.js';
import { OtlpIngestor } from '../src/ingest/otlp/otlp-ingestor.js';
import { TraceAnomalyDetector } from '../src/observe/traces/anomalies/trace-anomaly-detector.js';
import { RedAggregator } from '../src/observe/traces/red-aggregator.js';
import { ServiceGraphBuilder } from '../src/observe/traces/service-graph.js';
import { buildTraceBatches } from './ingest-spans/trace-batches.js';

const { values } = parseArgs({
  options: {
    spans: { type: 'string', default: '300000' },
    batch: { type: 'string', default: '1024' },
    rounds: { type: 'string', default: '5' },
    seed: { type: 'string', default: '1' },
  },
});
const spansPerBatch = Number(values.batch);
const rounds = Number(values.rounds);
const batchCount = Math.ceil(Number(values.spans) / spansPerBatch);

const built = buildTraceBatches({ spansPerBatch, batches: batchCount, seed: Number(values.seed), startMs: Date.parse('2030-01-01T00:00:00Z'), batchSpanMs: 2500 });
const ingestor = new OtlpIngestor();
const batches: SpanRecord[][] = built.bodies.map((body) => ingestor.ingest('traces', 'protobuf', body).batch.spans ?? []);
const spans = batches.reduce((sum, batch) => sum + batch.length, 0);
console.log(`${spans} spans in ${batches.length} batches, ${((batchCount * 2.5) / 60).toFixed(1)} min of event time; ${rounds} rounds\n`);

const PASSES: Record<string, () => string> = {
  'trace anomalies': () => {
    const detector = new TraceAnomalyDetector();
    let reports = 0;
    for (const batch of batches) reports += detector.observe(batch).length;
    return `${detector.operations} operations, ${reports} reports`;
  },
  'baseline: RED aggregator': () => {
    const red = new RedAggregator(10_000);
    let points = 0;
    for (const batch of batches) points += red.add(batch).length;
    return `${points} points`;
  },
  'baseline: service graph': () => {
    const graph = new ServiceGraphBuilder();
    for (const batch of batches) graph.add(batch);
    return '';
  },
};

const results = new Map<string, { cpuNs: number[]; note: string }>();
for (let round = 0; round < rounds; round++) {
  for (const [name, pass] of Object.entries(PASSES)) {
    // A full collection first, so one pass does not pay for the garbage of the one before it.
    (globalThis as { gc?: () => void }).gc?.();
    const before = process.cpuUsage();
    const note = pass();
    const used = process.cpuUsage(before);
    const entry = results.get(name) ?? { cpuNs: [], note };
    entry.cpuNs.push(((used.user + used.system) * 1000) / spans);
    results.set(name, entry);
  }
}

const median = (numbers: number[]) => [...numbers].sort((a, b) => a - b)[Math.floor(numbers.length / 2)] as number;
const red = median(results.get('baseline: RED aggregator')?.cpuNs ?? [1]);
console.log(`${'pass'.padEnd(26)}${'CPU ns/span'.padStart(12)}${'vs RED'.padStart(9)}  notes`);
for (const [name, { cpuNs, note }] of results) {
  const ns = median(cpuNs);
  console.log(`${name.padEnd(26)}${ns.toFixed(0).padStart(12)}${`${(ns / red).toFixed(2)}×`.padStart(9)}  ${note}`);
}
