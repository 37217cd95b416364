/**
 * Per-instance metric state between exports and its OTLP/JSON form: CPU and memory gauges, the
 * container's requests and limits (container-resources.ts), the runtime's heap and GC metrics
 * (runtime-metrics.ts),
 * cumulative request counters and cumulative explicit-bucket duration histograms (so the
 * ingest side has to turn counters into rates and cope with a restart resetting them).
 * Pure: randomness comes from the caller's generator.
 */
import type { Fault } from '../core/api.js';
import { containerResourceMetrics } from './container-resources.js';
import { memoryLeakAt } from './fault-effects.js';
import type { Fleet, Instance } from './instances.js';
import { resourceOf } from './instances.js';
import type { ExportMetricsRequestJson, HistogramPointJson, MetricJson, NumberPointJson } from './otlp-json.js';
import { CUMULATIVE, toKeyValues, toUnixNano } from './otlp-json.js';
import type { Rng } from './prng.js';
import type { GcTotals } from './runtime-metrics.js';
import { collectGarbage, emptyGcTotals, runtimeMetrics } from './runtime-metrics.js';
import type { ServedRequest } from './step-collector.js';

/** The OTel SDK's default bucket boundaries for http.server.request.duration, in seconds. */
export const DURATION_BOUNDS_S = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];
const MB = 1024 * 1024;
const SCOPE = { name: 'opsloop.demo', version: '0.1.0' };
const POSTGRES_SCOPE = { name: 'otelcol/postgresqlreceiver', version: '0.112.0' };

interface SeriesState {
  attributes: Record<string, string | number>;
  count: number;
  sumS: number;
  buckets: number[];
}

interface InstanceState {
  http: Map<string, SeriesState>;
  messaging: Map<string, SeriesState>;
  busyMs: number;
  /** Mean-reverting noise, so memory wanders rather than jumps. */
  memoryDrift: number;
  gc: GcTotals;
}

/** What a fault does to an instance's process gauges in one export interval. */
interface ProcessLoad {
  saturated: boolean;
  /** Share of the interval the garbage collector ran. */
  gcShare: number;
  /** Leaked memory as a share of the baseline. */
  leaked: number;
}

const NO_LOAD: ProcessLoad = { saturated: false, gcShare: 0, leaked: 0 };

export interface MetricsContext {
  rng: Rng;
  timeMs: number;
  intervalMs: number;
  /** The fault on this instance (its service or its pod) just before the export instant. */
  faultOn(instance: Instance): Fault | undefined;
}

export class MetricsRecorder {
  private readonly states = new Map<Instance, InstanceState>();
  private dbQueries = 0;
  private dbCommits = 0;

  constructor(private readonly fleet: Fleet) {
    for (const instance of [...fleet.all, fleet.postgres]) this.states.set(instance, emptyState());
  }

  record(served: readonly ServedRequest[]): void {
    for (const request of served) {
      const state = this.stateOf(request.instance);
      state.busyMs += request.cpuMs;
      const isHttp = request.operation.kind === 'http';
      const attributes: Record<string, string | number> = isHttp
        ? {
            'http.request.method': request.operation.method ?? 'GET',
            'http.route': request.operation.route ?? '/',
            'http.response.status_code': request.statusCode,
          }
        : { 'messaging.destination.name': request.operation.topic ?? '', 'messaging.consumer.group.name': request.instance.service };
      if (!isHttp && request.error) attributes['error.type'] = 'processing_error';
      const family = isHttp ? state.http : state.messaging;
      const key = JSON.stringify(attributes);
      let series = family.get(key);
      if (!series) {
        series = { attributes, count: 0, sumS: 0, buckets: new Array<number>(DURATION_BOUNDS_S.length + 1).fill(0) };
        family.set(key, series);
      }
      const seconds = request.durationMs / 1000;
      series.count++;
      series.sumS += seconds;
      const bucket = DURATION_BOUNDS_S.findIndex((bound) => seconds <= bound);
      const index = bucket === -1 ? DURATION_BOUNDS_S.length : bucket;
      series.buckets[index] = (series.buckets[index] ?? 0) + 1;
    }
  }

  recordDatabase(queries: number, writes: number): void {
    this.dbQueries += queries;
    // Reads run in autocommit transactions too, so every statement commits.
    this.dbCommits += queries;
    this.stateOf(this.fleet.postgres).busyMs += queries * 0.4 + writes * 0.6;
  }

  /** A crashed or OOM-killed process comes back new: cumulative series start again from zero. */
  restart(instances: readonly Instance[], atMs: number): void {
    for (const instance of instances) {
      instance.startMs = atMs;
      const old = this.stateOf(instance);
      this.states.set(instance, { ...emptyState(), memoryDrift: old.memoryDrift });
    }
  }

  payload(ctx: MetricsContext): ExportMetricsRequestJson {
    const resourceMetrics: ExportMetricsRequestJson['resourceMetrics'] = [];
    for (const instance of this.fleet.all) {
      // A crashed process exports nothing at all.
      if (ctx.faultOn(instance)?.kind === 'crash') continue;
      const metrics = this.instanceMetrics(ctx, instance);
      resourceMetrics.push({ resource: resourceOf(instance), scopeMetrics: [{ scope: SCOPE, metrics }] });
    }
    const postgres = this.fleet.postgres;
    const postgresMetrics = [
      ...this.processMetrics(ctx, postgres, NO_LOAD),
      gauge('postgresql.backends', '{connections}', 'Number of backends.', [
        { attributes: [], timeUnixNano: toUnixNano(ctx.timeMs), asInt: String(ctx.rng.int(14, 22)) },
      ]),
      counter('postgresql.commits', '{commits}', 'Number of commits.', [
        {
          attributes: toKeyValues({ 'postgresql.database.name': 'shop' }),
          startTimeUnixNano: toUnixNano(postgres.startMs),
          timeUnixNano: toUnixNano(ctx.timeMs),
          asInt: String(this.dbCommits),
        },
      ]),
    ];
    resourceMetrics.push({ resource: resourceOf(postgres), scopeMetrics: [{ scope: POSTGRES_SCOPE, metrics: postgresMetrics }] });
    return { resourceMetrics };
  }

  /** Statements run so far; tests use it to check the database sees its callers' load. */
  databaseQueries(): number {
    return this.dbQueries;
  }

  private instanceMetrics(ctx: MetricsContext, instance: Instance): MetricJson[] {
    const state = this.stateOf(instance);
    const fault = ctx.faultOn(instance);
    const { leaked, gcPressure } = memoryLeakAt(fault, ctx.timeMs);
    const gcShare = collectGarbage(ctx.rng, state.gc, ctx.intervalMs, gcPressure);
    const metrics = this.processMetrics(ctx, instance, { saturated: fault?.kind === 'cpu_saturation', gcShare, leaked });
    const start = toUnixNano(instance.startMs);
    const time = toUnixNano(ctx.timeMs);
    const families = [
      { series: state.http, count: 'http.server.requests', duration: 'http.server.request.duration', what: 'HTTP server requests' },
      { series: state.messaging, count: 'messaging.client.consumed.messages', duration: 'messaging.process.duration', what: 'messages processed' },
    ];
    for (const family of families) {
      if (family.series.size === 0) continue;
      const all = [...family.series.values()];
      metrics.push(
        counter(family.count, '{request}', `Number of ${family.what}.`, all.map((s) => ({
          attributes: toKeyValues(s.attributes), startTimeUnixNano: start, timeUnixNano: time, asInt: String(s.count),
        }))),
        histogram(family.duration, 's', `Duration of ${family.what}.`, all.map((s) => ({
          attributes: toKeyValues(s.attributes),
          startTimeUnixNano: start,
          timeUnixNano: time,
          count: String(s.count),
          sum: s.sumS,
          bucketCounts: s.buckets.map(String),
          explicitBounds: DURATION_BOUNDS_S,
        }))),
      );
    }
    return metrics;
  }

  private processMetrics(ctx: MetricsContext, instance: Instance, load: ProcessLoad): MetricJson[] {
    const { rng } = ctx;
    const state = this.stateOf(instance);
    const busy = state.busyMs / ctx.intervalMs;
    state.busyMs = 0;
    // Idle runtimes still burn a little; load adds on top with some measurement noise.
    // A collecting runtime burns CPU on top of its requests.
    const cpu = load.saturated ? rng.uniform(0.9, 1) : clamp(0.03 + 2.5 * busy + load.gcShare + 0.008 * rng.normal(), 0.005, 0.95);
    state.memoryDrift = 0.9 * state.memoryDrift + 0.1 * rng.normal();
    const memory = Math.round(instance.memoryMb * MB * (1 + 0.04 * state.memoryDrift + 0.5 * busy + load.leaked));
    const time = toUnixNano(ctx.timeMs);
    return [
      gauge('process.cpu.utilization', '1', 'CPU utilisation of the process, 0–1.', [{ attributes: [], timeUnixNano: time, asDouble: cpu }]),
      gauge('process.memory.usage', 'By', 'Resident memory of the process.', [{ attributes: [], timeUnixNano: time, asInt: String(memory) }]),
      // One process per container, so the container's CPU in cores is the process's utilisation of its one core.
      ...containerResourceMetrics(instance, cpu, ctx.timeMs),
      ...(instance === this.fleet.postgres ? [] : runtimeMetrics(instance, { residentBytes: memory, gc: state.gc, timeMs: ctx.timeMs })),
    ];
  }

  private stateOf(instance: Instance): InstanceState {
    let state = this.states.get(instance);
    if (!state) {
      state = emptyState();
      this.states.set(instance, state);
    }
    return state;
  }
}

function emptyState(): InstanceState {
  return { http: new Map(), messaging: new Map(), busyMs: 0, memoryDrift: 0, gc: emptyGcTotals() };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

function gauge(name: string, unit: string, description: string, dataPoints: NumberPointJson[]): MetricJson {
  return { name, unit, description, gauge: { dataPoints } };
}

function counter(name: string, unit: string, description: string, dataPoints: NumberPointJson[]): MetricJson {
  return { name, unit, description, sum: { aggregationTemporality: CUMULATIVE, isMonotonic: true, dataPoints } };
}

function histogram(name: string, unit: string, description: string, dataPoints: HistogramPointJson[]): MetricJson {
  return { name, unit, description, histogram: { aggregationTemporality: CUMULATIVE, dataPoints } };
}
