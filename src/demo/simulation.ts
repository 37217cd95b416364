/**
 * The whole shop, one step at a time: state + seeded randomness + simulated time in, OTLP
 * payload objects and change events out. No I/O and no clock reads, so a seed and a start time
 * always give the same payloads however fast (or whether) they are sent.
 */
import type { ChangeInput, Fault } from '../core/api.js';
import { FaultSchedule } from './fault-schedule.js';
import type { Fleet, Instance } from './instances.js';
import { createFleet, resourceOf } from './instances.js';
import { outOfMemoryLine } from './log-templates.js';
import { logsPayload } from './logs-payload.js';
import { MetricsRecorder } from './metrics-recorder.js';
import type { ExportLogsRequestJson, ExportMetricsRequestJson, ExportTraceRequestJson } from './otlp-json.js';
import type { Rng } from './prng.js';
import { createRng } from './prng.js';
import { simulateRequest } from './request-sim.js';
import { StepCollector } from './step-collector.js';
import type { LogEntry } from './step-collector.js';
import { SERVICE_PORT, answersCallers, faultableServices } from './topology.js';
import { arrivals } from './traffic.js';

export const METRICS_INTERVAL_MS = 15_000;
/** The first fault comes this long after warm-up, so detectors start from a clean baseline. */
export const FIRST_FAULT_DELAY_MS = 30_000;
const TRACE_SCOPE = { name: 'opsloop.demo.tracer', version: '0.1.0' };

export interface SimulationOptions {
  seed: number;
  /** Simulated start, epoch ms. */
  startMs: number;
  warmupMs: number;
  stepMs: number;
  faultCount?: number;
}

/** A change event to POST to /api/v1/changes, with its time always set. */
export type DemoChange = ChangeInput & { time: number; version: string };

export interface StepOutput {
  fromMs: number;
  toMs: number;
  /** True while the step lies inside the warm-up window. */
  warmup: boolean;
  /** Changes happened at or before the telemetry in this step, so send them first. */
  changes: DemoChange[];
  traces: ExportTraceRequestJson;
  /** Present when a 15 s metric export falls inside this step. */
  metrics?: ExportMetricsRequestJson;
  logs: ExportLogsRequestJson;
}

export class ShopSimulation {
  private now: number;
  private nextMetricsMs: number;
  private readonly warmupEndMs: number;
  private readonly fleet: Fleet;
  private readonly schedule: FaultSchedule;
  private readonly metrics: MetricsRecorder;
  private readonly traffic: Rng;
  private readonly noise: Rng;
  private readonly deployRng: Rng;
  /** Versions a bad deploy replaced, to roll back to when the fault ends. */
  private readonly previousVersions = new Map<string, string>();

  constructor(private readonly options: SimulationOptions) {
    if (!(options.stepMs > 0)) throw new RangeError(`stepMs must be positive; received ${options.stepMs}`);
    const root = createRng(options.seed);
    this.now = options.startMs;
    this.nextMetricsMs = options.startMs + METRICS_INTERVAL_MS;
    this.warmupEndMs = options.startMs + options.warmupMs;
    this.fleet = createFleet(root.fork('fleet'), options.startMs);
    this.schedule = new FaultSchedule({
      rng: root.fork('faults'),
      firstFaultMs: this.warmupEndMs + FIRST_FAULT_DELAY_MS,
      targets: faultableServices().map((service) => ({
        service,
        pods: (this.fleet.byService.get(service) ?? []).map((instance) => instance.pod),
        answersCallers: answersCallers(service),
      })),
      ...(options.faultCount === undefined ? {} : { faultCount: options.faultCount }),
    });
    this.metrics = new MetricsRecorder(this.fleet);
    this.traffic = root.fork('traffic');
    this.noise = root.fork('noise');
    this.deployRng = root.fork('deploys');
  }

  nowMs(): number {
    return this.now;
  }

  /** Faults that have taken effect so far, including one in progress. */
  faults(): Fault[] {
    return this.schedule.startedBy(this.now).filter((fault) => fault.start < this.now);
  }

  /** Total database statements simulated so far (postgres has no spans of its own). */
  databaseQueries(): number {
    return this.metrics.databaseQueries();
  }

  step(): StepOutput {
    const fromMs = this.now;
    const toMs = fromMs + this.options.stepMs;
    const startupLogs: LogEntry[] = [];
    const changes = this.applyFaultTransitions(fromMs, toMs, startupLogs);

    const out = new StepCollector();
    const env = { rng: this.traffic, fleet: this.fleet, faults: this.schedule, out };
    for (const at of arrivals(fromMs, toMs, this.traffic)) simulateRequest(env, at);
    this.metrics.record(out.served);
    this.metrics.recordDatabase(out.dbQueries, out.dbWrites);

    let metrics: ExportMetricsRequestJson | undefined;
    while (this.nextMetricsMs <= toMs) {
      const timeMs = this.nextMetricsMs;
      // Judge state just before the export instant: a fault starting exactly then has not bitten yet.
      const payload = this.metrics.payload({
        rng: this.noise,
        timeMs,
        intervalMs: METRICS_INTERVAL_MS,
        faultOn: (instance) => this.schedule.activeOn(instance, timeMs - 1),
      });
      metrics = metrics ? { resourceMetrics: [...metrics.resourceMetrics, ...payload.resourceMetrics] } : payload;
      this.nextMetricsMs += METRICS_INTERVAL_MS;
    }

    const logs = logsPayload(
      {
        rng: this.noise,
        fleet: this.fleet,
        fromMs,
        toMs,
        faultOn: (instance) => this.schedule.activeOn(instance, fromMs),
      },
      out,
      startupLogs,
    );

    const traces: ExportTraceRequestJson = { resourceSpans: [] };
    for (const instance of this.fleet.all) {
      const spans = out.spans.get(instance);
      if (spans) traces.resourceSpans.push({ resource: resourceOf(instance), scopeSpans: [{ scope: TRACE_SCOPE, spans }] });
    }

    this.now = toMs;
    return { fromMs, toMs, warmup: toMs <= this.warmupEndMs, changes, traces, ...(metrics ? { metrics } : {}), logs };
  }

  /**
   * Fault starts and ends inside [fromMs, toMs): a bad deploy changes the version (and posts a
   * change), its end rolls back; a crash's end restarts the processes, resetting their counters;
   * a memory leak ends with its pod killed for running out of memory and restarted.
   */
  private applyFaultTransitions(fromMs: number, toMs: number, startupLogs: LogEntry[]): DemoChange[] {
    const changes: DemoChange[] = [];
    const within = (t: number) => fromMs <= t && t < toMs;
    for (const fault of this.schedule.startedBy(toMs)) {
      const instances = this.fleet.byService.get(fault.service) ?? [];
      const current = instances[0]?.version ?? '0.0.0';
      if (fault.kind === 'bad_deploy' && within(fault.end)) {
        const previous = this.previousVersions.get(fault.service) ?? current;
        for (const instance of instances) instance.version = previous;
        changes.push({ service: fault.service, kind: 'deploy', version: previous, time: fault.end, source: 'opsloop-demo', description: `Rollback ${fault.service} from ${current} to ${previous}` });
      }
      if (fault.kind === 'bad_deploy' && within(fault.start)) {
        const next = bumpMinor(current);
        this.previousVersions.set(fault.service, current);
        for (const instance of instances) instance.version = next;
        const ticket = `SHOP-${this.deployRng.int(1000, 9999)}`;
        changes.push({ service: fault.service, kind: 'deploy', version: next, time: fault.start, source: 'opsloop-demo', description: `Deploy ${fault.service} ${next} (${ticket}: refactor request validation)` });
      }
      const restarted = restartedAtEnd(fault, instances);
      if (restarted.length > 0 && within(fault.end)) {
        this.metrics.restart(restarted, fault.end);
        for (const instance of restarted) {
          if (fault.kind === 'memory_leak') startupLogs.push({ instance, timeMs: fault.end - 1, severity: 'ERROR', body: outOfMemoryLine(instance) });
          startupLogs.push({ instance, timeMs: fault.end, severity: 'INFO', body: `Server started, listening on :${SERVICE_PORT} (version ${instance.version})` });
        }
      }
    }
    return changes;
  }
}

/** The processes a fault's end restarts: a crashed service's, a leaking pod's (OOM-killed). */
function restartedAtEnd(fault: Fault, instances: readonly Instance[]): readonly Instance[] {
  if (fault.kind === 'crash') return instances;
  if (fault.kind === 'memory_leak') return instances.filter((i) => fault.instance === undefined || i.pod === fault.instance);
  return [];
}

function bumpMinor(version: string): string {
  const [major = '0', minor = '0'] = version.split('.');
  return `${major}.${Number(minor) + 1}.0`;
}
