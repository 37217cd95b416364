/**
 * When which fault hits which service. The schedule is a pure function of the seed and the
 * first fault's time, generated lazily as simulated time advances, so it never depends on how
 * fast the demo runs.
 */
import type { Fault, FaultKind } from '../core/api.js';
import { FaultKindSchema } from '../core/api.js';
import type { Rng } from './prng.js';

export const FAULT_DURATION_MS = 3 * 60_000;
const GAP_MIN_MS = 4 * 60_000;
const GAP_MAX_MS = 5 * 60_000;
/** Gaps are whole multiples of this, so faults start on step boundaries for common step sizes. */
const GAP_GRAIN_MS = 5_000;

export interface FaultScheduleOptions {
  rng: Rng;
  firstFaultMs: number;
  services: readonly string[];
  /** Stop after this many faults; unlimited when omitted. */
  faultCount?: number;
}

export class FaultSchedule {
  private readonly planned: Fault[] = [];
  private kindsLeft: FaultKind[] = [];
  private servicesLeft: string[] = [];

  constructor(private readonly options: FaultScheduleOptions) {
    if (options.services.length < 2) {
      throw new RangeError(`FaultSchedule needs at least 2 services; received ${options.services.length}`);
    }
  }

  /** Faults that have started at or before timeMs, including one still in progress. */
  startedBy(timeMs: number): Fault[] {
    this.extendTo(timeMs);
    return this.planned.filter((fault) => fault.start <= timeMs);
  }

  /** The fault affecting the service at timeMs, if any (faults never overlap). */
  activeFor(service: string, timeMs: number): Fault | undefined {
    this.extendTo(timeMs);
    return this.planned.find((f) => f.service === service && f.start <= timeMs && timeMs < f.end);
  }

  private extendTo(timeMs: number): void {
    const limit = this.options.faultCount ?? Number.POSITIVE_INFINITY;
    const { rng } = this.options;
    while (this.planned.length < limit) {
      const last = this.planned.at(-1);
      if (last && last.start > timeMs) return;
      const start = last
        ? last.end + GAP_GRAIN_MS * Math.round(rng.uniform(GAP_MIN_MS, GAP_MAX_MS) / GAP_GRAIN_MS)
        : this.options.firstFaultMs;
      // Each cycle of five is a seeded shuffle of all kinds, so the first five cover every kind.
      if (this.kindsLeft.length === 0) this.kindsLeft = shuffle(rng, FaultKindSchema.options);
      const kind = this.kindsLeft.shift() as FaultKind;
      const service = this.nextService(last?.service);
      this.planned.push({ id: `fault-${this.planned.length + 1}`, kind, service, start, end: start + FAULT_DURATION_MS });
    }
  }

  /**
   * Services are drawn from a shuffled bag, so every service is hit before any repeats, and
   * never twice in a row: consecutive incidents should point at different root causes.
   */
  private nextService(previous: string | undefined): string {
    if (this.servicesLeft.length === 0) this.servicesLeft = shuffle(this.options.rng, this.options.services);
    if (this.servicesLeft[0] === previous) this.servicesLeft.push(this.servicesLeft.shift() as string);
    return this.servicesLeft.shift() as string;
  }
}

function shuffle<T>(rng: Rng, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
