/**
 * The demo's scheduler: steps the simulation, hands each step to the exporter, and paces
 * steps against real time once warm-up history has been sent. Only the pacing reads a clock
 * (performance.now); the simulated time comes from the caller's startMs.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Fault, RemediationAction, RemediationResult } from '../core/api.js';
import type { Exporter } from './otlp-exporter.js';
import { createExporter } from './otlp-exporter.js';
import type { StepOutput } from './simulation.js';
import { ShopSimulation } from './simulation.js';

export interface DemoOptions {
  otlpUrl: string;
  apiUrl: string;
  /** An ingest token for the demo's sender when authentication is on. */
  ingestToken?: string;
  seed: number;
  /** Simulated seconds per real second; Infinity runs as fast as the server accepts. */
  speed: number;
  /** Simulated start, epoch ms (event time). */
  startMs: number;
  /** History sent as fast as possible before pacing starts. @default 20 */
  warmupMinutes?: number;
  /** @default 5 */
  stepSeconds?: number;
  /** Stop scheduling faults after this many. @default unlimited */
  faultCount?: number;
  /** How long a fault lasts unless a remediation ends it first, in minutes. @default 3 */
  faultMinutes?: number;
  log?: (line: string) => void;
}

/** What the API server may do with a demo running in its process. */
export type DemoControl = Pick<Demo, 'faults' | 'remediate'>;

export interface RunOptions {
  /** Resolve once simulated time reaches this (epoch ms); runs until stop() when omitted. */
  untilMs?: number;
  signal?: AbortSignal;
}

export interface Demo {
  run(options?: RunOptions): Promise<void>;
  /** Faults injected so far, including one in progress (ground truth for scoring). */
  faults(): Fault[];
  /** Simulated time up to which telemetry has been generated. */
  nowMs(): number;
  /**
   * A remediation endpoint of the shop (ShopSimulation.remediate): takes effect from the next
   * step. Throws UnknownRemediationTarget for a service or pod the shop does not have.
   */
  remediate(request: { action: RemediationAction; service: string; pod?: string }): RemediationResult;
  /** Ends the current run after the step being sent; run() may be called again to resume. */
  stop(): void;
}

export function createDemo(options: DemoOptions): Demo {
  const warmupMinutes = options.warmupMinutes ?? 20;
  const stepSeconds = options.stepSeconds ?? 5;
  if (!(options.speed > 0)) throw new RangeError(`speed must be > 0 (Infinity allowed); received ${options.speed}`);
  if (!(stepSeconds > 0) || !Number.isFinite(stepSeconds)) throw new RangeError(`stepSeconds must be a positive number; received ${stepSeconds}`);
  if (!(warmupMinutes >= 0) || !Number.isFinite(warmupMinutes)) throw new RangeError(`warmupMinutes must be >= 0; received ${warmupMinutes}`);
  if (!Number.isFinite(options.startMs)) throw new RangeError(`startMs must be epoch milliseconds; received ${options.startMs}`);

  const log = options.log ?? (() => undefined);
  const stepMs = stepSeconds * 1000;
  const warmupEndMs = options.startMs + warmupMinutes * 60_000;
  const simulation = new ShopSimulation({
    seed: options.seed,
    startMs: options.startMs,
    warmupMs: warmupMinutes * 60_000,
    stepMs,
    ...(options.faultCount === undefined ? {} : { faultCount: options.faultCount }),
    ...(options.faultMinutes === undefined ? {} : { faultDurationMs: options.faultMinutes * 60_000 }),
  });
  const exporter = createExporter({ otlpUrl: options.otlpUrl, apiUrl: options.apiUrl, log, ...(options.ingestToken ? { ingestToken: options.ingestToken } : {}) });
  let current: AbortController | undefined;

  async function run(runOptions: RunOptions = {}): Promise<void> {
    const controller = new AbortController();
    current = controller;
    const forward = () => controller.abort();
    runOptions.signal?.addEventListener('abort', forward);
    if (runOptions.signal?.aborted) controller.abort();
    const { signal } = controller;
    // Anchor pacing per run, so a resumed run does not burst to catch up on the pause.
    let anchor: { realMs: number; simMs: number } | undefined;
    try {
      while (!signal.aborted && (runOptions.untilMs === undefined || simulation.nowMs() < runOptions.untilMs)) {
        const stepEndMs = simulation.nowMs() + stepMs;
        if (stepEndMs > warmupEndMs && Number.isFinite(options.speed)) {
          anchor ??= { realMs: performance.now(), simMs: simulation.nowMs() };
          // Wait until the step's end is due, so live telemetry is never from the future.
          const waitMs = anchor.realMs + (stepEndMs - anchor.simMs) / options.speed - performance.now();
          if (waitMs > 0) await sleep(waitMs, undefined, { signal });
        }
        const faultsBefore = simulation.faults().length;
        const output = simulation.step();
        await send(exporter, output, signal);
        reportProgress(output, faultsBefore);
      }
    } catch (error) {
      if (signal.aborted && error instanceof Error && error.name === 'AbortError') return;
      throw error;
    } finally {
      runOptions.signal?.removeEventListener('abort', forward);
      if (current === controller) current = undefined;
    }
  }

  function reportProgress(output: StepOutput, faultsBefore: number): void {
    if (output.toMs > warmupEndMs && output.fromMs <= warmupEndMs) {
      log(`demo: warm-up history sent up to ${new Date(warmupEndMs).toISOString()}; pacing at ${options.speed}x`);
    }
    for (const fault of simulation.faults().slice(faultsBefore)) {
      log(`demo: injecting ${fault.kind} into ${fault.service} (${fault.id}) until ${new Date(fault.end).toISOString()}`);
    }
    for (const change of output.changes) log(`demo: posted change: ${change.description}`);
  }

  return {
    run,
    faults: () => simulation.faults(),
    nowMs: () => simulation.nowMs(),
    remediate: (request) => {
      const result = simulation.remediate(request);
      log(`demo: ${result.message}`);
      return result;
    },
    stop: () => current?.abort(),
  };
}

async function send(exporter: Exporter, output: StepOutput, signal: AbortSignal): Promise<void> {
  // Changes first: they happened at or before this step's telemetry.
  for (const change of output.changes) await exporter.postChange(change, signal);
  if (output.traces.resourceSpans.length > 0) await exporter.sendTraces(output.traces, signal);
  if (output.metrics && output.metrics.resourceMetrics.length > 0) await exporter.sendMetrics(output.metrics, signal);
  if (output.logs.resourceLogs.length > 0) await exporter.sendLogs(output.logs, signal);
}
