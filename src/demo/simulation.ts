/**
 * The whole shop, one step at a time: state + seeded randomness + simulated time in, OTLP
 * payload objects and change events out. No I/O and no clock reads, so a seed and a start time
 * always give the same payloads however fast (or whether) they are sent.
 */
import type { ChangeInput, Fault, RemediationResult } from '../core/api.js';
import { FaultSchedule } from './fault-schedule.js';
import type { Fleet, Instance } from './instances.js';
import { createFleet, resourceOf } from './instances.js';
import { outOfMemoryLine } from './log-templates.js';
import { logsPayload } from './logs-payload.js';
import { MetricsRecorder } from './metrics-recorder.js';
import type { ExportLogsRequestJson, ExportMetricsRequestJson, ExportTraceRequestJson } from './otlp-json.js';
import type { Rng } from './prng.js';
import { createRng } from './prng.js';
import { remediationEffect, RESTART_RELIEF_MS, UnknownRemediationTarget } from './remediation.js';
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
  /** How long a fault lasts unless a remediation ends it first (FaultScheduleOptions.durationMs). */
  faultDurationMs?: number;
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
  /** Per service, its releases oldest first (the running one last), for rollbacks. */
  private readonly releases = new Map<string, string[]>();
  /** What remediations did between steps, sent with the next step. */
  private pendingChanges: DemoChange[] = [];
  private pendingLogs: LogEntry[] = [];

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
      ...(options.faultDurationMs === undefined ? {} : { durationMs: options.faultDurationMs }),
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

  /**
   * Applies a remediation now, between steps (docs/runbooks.md "Demo"): its side effects (a
   * restart's fresh processes, a rollback's change event) go out with the next step, and when
   * it fits the fault on the service (remediation.ts), the fault's effects stop from that step.
   * Throws UnknownRemediationTarget for a service or pod the shop does not have.
   */
  remediate(request: { action: RemediationResult['action']; service: string; pod?: string }): RemediationResult {
    const { action, service, pod } = request;
    const instances = this.fleet.byService.get(service);
    if (!instances || service === 'frontend') throw new UnknownRemediationTarget(`the demo shop has no service "${service}" to remediate`);
    const targets = pod === undefined ? instances : instances.filter((instance) => instance.pod === pod);
    if (targets.length === 0) throw new UnknownRemediationTarget(`service "${service}" has no pod "${pod}"`);
    if (pod !== undefined && action !== 'restart') throw new UnknownRemediationTarget(`only a restart takes a pod; ${action} acts on the whole service`);

    const atMs = this.now;
    if (action === 'restart') this.restart(targets, atMs);
    if (action === 'rollback') this.pendingChanges.push(this.rollBack(service, atMs, 'remediation'));
    // A fault begins to bite in the step after its start; one starting right now is still ahead.
    const fault = this.schedule.activeFor(service, atMs);
    const current = fault && fault.start < atMs ? fault : undefined;
    const effect = current ? remediationEffect(action, current, pod) : 'none';
    if (current && effect === 'ended') this.schedule.endEarly(current.id, atMs, action);
    if (current && effect === 'relieved') this.schedule.relieve(current.id, atMs, atMs + RESTART_RELIEF_MS);
    const what = pod === undefined ? service : `${service} pod ${pod}`;
    const message = !current
      ? `${action} of ${what} done; no fault was active on ${service}`
      : effect === 'none'
        ? `${action} of ${what} done; it does not fix the ${current.kind} fault on ${service}`
        : effect === 'ended'
          ? `${action} of ${what} ended the ${current.kind} fault on ${service}`
          : `${action} of ${what} holds off the ${current.kind} fault on ${service} for ${RESTART_RELIEF_MS / 1000} s`;
    return { action, service, ...(pod === undefined ? {} : { pod }), atMs, ...(current ? { faultId: current.id } : {}), effect, message };
  }

  /** Total database statements simulated so far (postgres has no spans of its own). */
  databaseQueries(): number {
    return this.metrics.databaseQueries();
  }

  step(): StepOutput {
    const fromMs = this.now;
    const toMs = fromMs + this.options.stepMs;
    const startupLogs: LogEntry[] = this.pendingLogs;
    const changes = [...this.pendingChanges, ...this.applyFaultTransitions(fromMs, toMs, startupLogs)];
    this.pendingLogs = [];
    this.pendingChanges = [];

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
   * a memory leak ends with its pod killed for running out of memory and restarted. A fault a
   * remediation ended early has had its end already.
   */
  private applyFaultTransitions(fromMs: number, toMs: number, startupLogs: LogEntry[]): DemoChange[] {
    const changes: DemoChange[] = [];
    const within = (t: number) => fromMs <= t && t < toMs;
    for (const fault of this.schedule.startedBy(toMs)) {
      const instances = this.fleet.byService.get(fault.service) ?? [];
      const current = instances[0]?.version ?? '0.0.0';
      const endsNow = within(fault.end) && fault.remediatedAt === undefined;
      if (fault.kind === 'bad_deploy' && endsNow) changes.push(this.rollBack(fault.service, fault.end));
      if (fault.kind === 'bad_deploy' && within(fault.start)) {
        const next = bumpMinor(current);
        this.releasesOf(fault.service).push(next);
        for (const instance of instances) instance.version = next;
        const ticket = `SHOP-${this.deployRng.int(1000, 9999)}`;
        changes.push({ service: fault.service, kind: 'deploy', version: next, time: fault.start, source: 'opsloop-demo', description: `Deploy ${fault.service} ${next} (${ticket}: refactor request validation)` });
      }
      const restarted = restartedAtEnd(fault, instances);
      if (restarted.length > 0 && endsNow) {
        for (const instance of restarted) {
          if (fault.kind === 'memory_leak') startupLogs.push({ instance, timeMs: fault.end - 1, severity: 'ERROR', body: outOfMemoryLine(instance) });
        }
        startupLogs.push(...this.startProcesses(restarted, fault.end));
      }
    }
    return changes;
  }

  /** A restart by an operator: the processes start afresh, their next logs say so. */
  private restart(instances: readonly Instance[], atMs: number): void {
    this.pendingLogs.push(...this.startProcesses(instances, atMs));
  }

  private startProcesses(instances: readonly Instance[], atMs: number): LogEntry[] {
    this.metrics.restart(instances, atMs);
    return instances.map((instance) => ({ instance, timeMs: atMs, severity: 'INFO', body: `Server started, listening on :${SERVICE_PORT} (version ${instance.version})` }));
  }

  private releasesOf(service: string): string[] {
    let history = this.releases.get(service);
    if (!history) {
      history = [this.fleet.byService.get(service)?.[0]?.version ?? '0.0.0'];
      this.releases.set(service, history);
    }
    return history;
  }

  /** Puts the release before the running one on every pod of the service; the change says so. */
  private rollBack(service: string, timeMs: number, why?: 'remediation'): DemoChange {
    const instances = this.fleet.byService.get(service) ?? [];
    const history = this.releasesOf(service);
    const current = history.pop() ?? '0.0.0';
    // Before the demo's first deploy of a service, its earlier release is the one before in version order.
    if (history.length === 0) history.push(previousRelease(current));
    const previous = history.at(-1) ?? current;
    for (const instance of instances) instance.version = previous;
    const by = why === 'remediation' ? ' (remediation)' : '';
    return { service, kind: 'deploy', version: previous, time: timeMs, source: 'opsloop-demo', description: `Rollback ${service} from ${current} to ${previous}${by}` };
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

function previousRelease(version: string): string {
  const [major = 0, minor = 0, patch = 0] = version.split('.').map(Number);
  if (patch > 0) return `${major}.${minor}.${patch - 1}`;
  return minor > 0 ? `${major}.${minor - 1}.0` : `${Math.max(0, major - 1)}.0.0`;
}
