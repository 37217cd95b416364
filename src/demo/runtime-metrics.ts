/**
 * Each runtime's own heap and garbage-collector metrics, under the names its OpenTelemetry
 * runtime instrumentation exports (JVM, V8, Go, CPython semantic conventions), so a leaking heap
 * shows where an operator would look for it. GC totals are cumulative, as the SDKs export them.
 * Pure: randomness comes from the caller's generator.
 */
import type { Instance } from './instances.js';
import type { MetricJson } from './otlp-json.js';
import { CUMULATIVE, toKeyValues, toUnixNano } from './otlp-json.js';
import type { Rng } from './prng.js';

/** The semconv-recommended boundaries for jvm.gc.duration and v8js.gc.duration, in seconds. */
const GC_BOUNDS_S = [0.01, 0.1, 1, 10];
/** Share of resident memory that is managed heap. */
export const HEAP_SHARE = 0.6;

export interface GcTotals {
  collections: number;
  pauseS: number;
  buckets: number[];
}

export function emptyGcTotals(): GcTotals {
  return { collections: 0, pauseS: 0, buckets: new Array<number>(GC_BOUNDS_S.length + 1).fill(0) };
}

/**
 * Runs one interval's collections: a few short ones normally; under pressure (0–1) more and
 * far longer ones. Returns the share of the interval spent collecting, which is CPU time.
 */
export function collectGarbage(rng: Rng, totals: GcTotals, intervalMs: number, gcPressure: number): number {
  const count = rng.poisson((intervalMs / 1000) * 0.4 * (1 + 4 * gcPressure));
  let pauseS = 0;
  for (let i = 0; i < count; i++) {
    const seconds = rng.logNormal(0.004 * (1 + 60 * gcPressure), 0.5);
    pauseS += seconds;
    const bucket = GC_BOUNDS_S.findIndex((bound) => seconds <= bound);
    const index = bucket === -1 ? GC_BOUNDS_S.length : bucket;
    totals.buckets[index] = (totals.buckets[index] ?? 0) + 1;
  }
  totals.collections += count;
  totals.pauseS += pauseS;
  return Math.min(1, pauseS / (intervalMs / 1000));
}

export interface RuntimeSample {
  residentBytes: number;
  gc: GcTotals;
  timeMs: number;
}

export function runtimeMetrics(instance: Instance, sample: RuntimeSample): MetricJson[] {
  const heap = Math.round(sample.residentBytes * HEAP_SHARE);
  const time = toUnixNano(sample.timeMs);
  const start = toUnixNano(instance.startMs);
  const level = (name: string, unit: string, description: string, attributes: Record<string, string>, value: number): MetricJson => ({
    name,
    unit,
    description,
    sum: { aggregationTemporality: CUMULATIVE, isMonotonic: false, dataPoints: [{ attributes: toKeyValues(attributes), startTimeUnixNano: start, timeUnixNano: time, asInt: String(value) }] },
  });
  const pauses = (name: string, attributes: Record<string, string>): MetricJson => ({
    name,
    unit: 's',
    description: 'Duration of garbage collection pauses.',
    histogram: {
      aggregationTemporality: CUMULATIVE,
      dataPoints: [{
        attributes: toKeyValues(attributes),
        startTimeUnixNano: start,
        timeUnixNano: time,
        count: String(sample.gc.collections),
        sum: sample.gc.pauseS,
        bucketCounts: sample.gc.buckets.map(String),
        explicitBounds: GC_BOUNDS_S,
      }],
    },
  });
  switch (instance.language) {
    case 'java':
      return [
        level('jvm.memory.used', 'By', 'Measure of memory used.', { 'jvm.memory.type': 'heap', 'jvm.memory.pool.name': 'G1 Old Gen' }, heap),
        pauses('jvm.gc.duration', { 'jvm.gc.name': 'G1 Young Generation', 'jvm.gc.action': 'end of minor GC' }),
      ];
    case 'nodejs':
      return [
        level('v8js.memory.heap.used', 'By', 'Heap Memory size allocated.', { 'v8js.heap.space.name': 'old_space' }, heap),
        pauses('v8js.gc.duration', { 'v8js.gc.type': 'major' }),
      ];
    case 'go':
      // Go's runtime metrics have no pause histogram; a struggling collector shows in its goal.
      return [
        level('go.memory.used', 'By', 'Memory used by the Go runtime.', { 'go.memory.type': 'other' }, heap),
        level('go.memory.gc.goal', 'By', 'Heap size target for the end of the GC cycle.', {}, Math.round(heap * 1.15)),
      ];
    case 'python':
      return [{
        name: 'cpython.gc.collections',
        unit: '{collection}',
        description: 'The number of times a generation was collected since interpreter start.',
        sum: {
          aggregationTemporality: CUMULATIVE,
          isMonotonic: true,
          dataPoints: [{ attributes: toKeyValues({ 'cpython.gc.generation': 2 }), startTimeUnixNano: start, timeUnixNano: time, asInt: String(sample.gc.collections) }],
        },
      }];
  }
}
