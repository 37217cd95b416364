/**
 * How much the faults that grow or jitter bite at a given moment: a memory leak's leaked memory
 * and GC pressure, a pod's network delay, and how often a wrong-response fault answers badly.
 * One place for the numbers, so the request, metric and log sides agree. Pure.
 */
import type { Fault } from '../core/api.js';
import { FAULT_DURATION_MS } from './fault-schedule.js';
import type { Rng } from './prng.js';

/** Leaked memory at the OOM kill, as a share of the instance's baseline memory. */
const LEAK_AT_END = 1.8;
/** GC starts to struggle once the leak passes this share (about half-way through the fault). */
const GC_STRUGGLE_FROM = 0.9;
/** Share of answers a wrong-response fault spoils. */
export const WRONG_RESPONSE_RATIO = 0.5;

export interface MemoryLeakState {
  /** Leaked memory as a share of the instance's baseline memory. */
  leaked: number;
  /** 0 (GC keeps up) to 1 (GC runs all the time, just before the OOM kill). */
  gcPressure: number;
}

const NO_LEAK: MemoryLeakState = { leaked: 0, gcPressure: 0 };

/**
 * Memory grows linearly, at a rate that reaches the limit in FAULT_DURATION_MS whatever the
 * fault's length (a leak leaks at its own pace); a longer fault then thrashes at the limit until
 * the pod is OOM-killed at the fault's end (see simulation.ts) or a restart ends it.
 */
export function memoryLeakAt(fault: Fault | undefined, timeMs: number): MemoryLeakState {
  if (fault?.kind !== 'memory_leak') return NO_LEAK;
  const progress = Math.min(1, Math.max(0, (timeMs - fault.start) / FAULT_DURATION_MS));
  const leaked = LEAK_AT_END * progress;
  const gcPressure = Math.max(0, (leaked - GC_STRUGGLE_FROM) / (LEAK_AT_END - GC_STRUGGLE_FROM));
  return { leaked, gcPressure };
}

/** A stop-the-world pause a request runs into; more frequent and longer as pressure grows. */
export function gcPauseMs(rng: Rng, gcPressure: number): number {
  if (gcPressure <= 0 || !rng.chance(0.6 * gcPressure)) return 0;
  return rng.uniform(40, 300) * (0.5 + gcPressure);
}

/**
 * Delay added to packets leaving a pod with a network fault (tc netem on its interface): its
 * answers to callers and its own requests to callees, never its own processing.
 */
export function egressDelayMs(rng: Rng, fault: Fault | undefined): number {
  return fault?.kind === 'network_delay' ? rng.uniform(150, 350) : 0;
}
