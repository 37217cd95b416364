/**
 * Runs the demo shop's fault suite for one seed against a real opsloop (as bench:rca does)
 * and records every signal the loop raised as a replay line, labelled with the fault that
 * caused it: an alert episode that opens within a fault's window (from 20 s before its start,
 * as detection buckets are dated by their start, to 90 s after its end, as recovery takes a
 * while) belongs to that fault;
 * one that opens outside every window is detector noise, a group of its own. The recording
 * starts with the service graph the run learned, so a replay places services as the loop did.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Loop } from '../../src/app/loop.js';
import { startOpsloop } from '../../src/app/start.js';
import type { Fault } from '../../src/core/api.js';
import { ConfigSchema } from '../../src/core/config.js';
import type { Signal } from '../../src/core/records.js';
import type { ReplayAlert, ReplayLine } from '../../src/core/replay-record.js';
import { createDemo } from '../../src/demo/index.js';

const WARMUP_MINUTES = 20;
/** Warm-up, the 30 s before the first fault, then per fault 3 min plus a gap of at most 5. */
export const storyMinutes = (faults: number) => WARMUP_MINUTES + 0.5 + faults * 8 + 2;
const BEFORE_FAULT_MS = 20_000;
const AFTER_FAULT_MS = 90_000;

export interface Storm {
  lines: ReplayLine[];
  faults: Fault[];
  startMs: number;
}

export async function captureStorm(seed: number, faults: number, startMs: number, progress: (minutes: number) => void): Promise<Storm> {
  const dataDir = mkdtempSync(join(tmpdir(), 'opsloop-bench-correlate-'));
  // Sign-in off, as for `opsloop demo`: the demo's sender here has no ingest token.
  const config = ConfigSchema.parse({ dataDir, api: { port: 0 }, otlp: { port: 0 }, logLevel: 'silent', auth: { enabled: false } });
  const running = await startOpsloop(config, { logger: false });
  const signals: Signal[] = [];
  try {
    // startOpsloop's engine is the loop; its bus carries every signal the detectors raise.
    (running.engine as Loop).bus.subscribe('signals', (batch) => void signals.push(...batch));
    const demo = createDemo({ otlpUrl: running.otlpUrl, apiUrl: running.apiUrl, seed, speed: Number.POSITIVE_INFINITY, startMs, warmupMinutes: WARMUP_MINUTES, faultCount: faults });
    const ticker = setInterval(() => progress((demo.nowMs() - startMs) / 60_000), 250);
    try {
      await demo.run({ untilMs: startMs + storyMinutes(faults) * 60_000 });
    } finally {
      clearInterval(ticker);
    }
    await running.engine.settle();
    const edges = running.engine.store.topology.edges().map(({ caller, callee }) => ({ caller, callee }));
    const injected = demo.faults();
    return { lines: [{ time: startMs, edges }, ...labelled(signals, injected, seed)], faults: injected, startMs };
  } finally {
    await running.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Signals as replay lines in time order, each episode labelled by the fault window it opened in. */
function labelled(signals: readonly Signal[], faults: readonly Fault[], seed: number): ReplayAlert[] {
  const open = new Map<string, string>();
  const lines: ReplayAlert[] = [];
  for (const signal of [...signals].sort((a, b) => a.timeMs - b.timeMs)) {
    let label = open.get(signal.fingerprint);
    if (label === undefined) {
      if (signal.status === 'resolved') continue;
      const fault = faults.find((f) => signal.timeMs >= f.start - BEFORE_FAULT_MS && signal.timeMs <= f.end + AFTER_FAULT_MS);
      label = fault ? `seed${seed}:${fault.id}:${fault.kind}` : `seed${seed}:noise:${signal.fingerprint}@${signal.timeMs}`;
      open.set(signal.fingerprint, label);
    }
    if (signal.status === 'resolved') open.delete(signal.fingerprint);
    lines.push({
      time: signal.timeMs,
      name: signal.name,
      ...(signal.service ? { service: signal.service } : {}),
      labels: { ...signal.labels, ...(signal.instance ? { instance: signal.instance } : {}) },
      summary: signal.summary,
      status: signal.status,
      severity: signal.severity,
      source: signal.source,
      fingerprint: `seed${seed}:${signal.fingerprint}`,
      label,
    });
  }
  return lines;
}
