/**
 * When which fault hits which service. The schedule is a pure function of the seed and the
 * first fault's time, generated lazily as simulated time advances, so it never depends on how
 * fast the demo runs.
 */
import type { Fault, FaultKind, RemediationAction } from '../core/api.js';
import { FaultKindSchema } from '../core/api.js';
import type { Rng } from './prng.js';

/** How long a fault lasts unless a remediation ends it first (FaultScheduleOptions.durationMs). */
export const FAULT_DURATION_MS = 3 * 60_000;
const GAP_MIN_MS = 4 * 60_000;
const GAP_MAX_MS = 5 * 60_000;
/** Gaps are whole multiples of this, so faults start on step boundaries for common step sizes. */
const GAP_GRAIN_MS = 5_000;

/** A service faults may hit. */
export interface FaultTarget {
  service: string;
  /** Its pods (k8s.pod.name); pod-level kinds hit one of them. */
  pods: readonly string[];
  /** Some caller waits for its HTTP answers, so faults that only show in answers are visible. */
  answersCallers: boolean;
}

/**
 * Which kinds hit a single pod (resource and network faults do; code, deploys and crashes hit
 * every pod running the code) and which only show through a caller waiting for the answer.
 */
const KIND_SCOPE: Record<FaultKind, { onePod: boolean; needsCaller: boolean }> = {
  latency: { onePod: false, needsCaller: false },
  error_burst: { onePod: false, needsCaller: false },
  cpu_saturation: { onePod: false, needsCaller: false },
  crash: { onePod: false, needsCaller: false },
  bad_deploy: { onePod: false, needsCaller: false },
  memory_leak: { onePod: true, needsCaller: false },
  network_delay: { onePod: true, needsCaller: true },
  wrong_response: { onePod: false, needsCaller: true },
};

export interface FaultScheduleOptions {
  rng: Rng;
  firstFaultMs: number;
  targets: readonly FaultTarget[];
  /** Stop after this many faults; unlimited when omitted. */
  faultCount?: number;
  /**
   * How long a fault lasts unless a remediation ends it first. The default ends faults by
   * themselves, so a demo without runbooks still recovers; a benchmark comparing recovery with
   * and without automation sets it long, so faults last until fixed (up to this cap).
   * @default FAULT_DURATION_MS
   */
  durationMs?: number;
}

export class FaultSchedule {
  private readonly planned: Fault[] = [];
  private kindsLeft: FaultKind[] = [];
  /** Per fault id: windows [from, until) in which a remediation holds its effects off for a while. */
  private readonly reliefs = new Map<string, Array<{ fromMs: number; untilMs: number }>>();
  private targetsLeft: FaultTarget[] = [];

  constructor(private readonly options: FaultScheduleOptions) {
    const duration = options.durationMs ?? FAULT_DURATION_MS;
    if (!(duration > 0) || !Number.isFinite(duration)) throw new RangeError(`FaultSchedule durationMs must be a positive number; received ${duration}`);
    const answering = options.targets.filter((t) => t.answersCallers).length;
    if (answering < 2) {
      throw new RangeError(`FaultSchedule needs at least 2 targets that answer callers; received ${answering}`);
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
    return this.planned.find((f) => f.service === service && f.start <= timeMs && timeMs < (f.remediatedAt ?? f.end) && !this.relieved(f.id, timeMs));
  }

  /** A remediation ended the fault: it has no effect from atMs on, and the ground truth says how. */
  endEarly(faultId: string, atMs: number, how: RemediationAction): void {
    const index = this.planned.findIndex((f) => f.id === faultId);
    const fault = this.planned[index];
    if (!fault || atMs >= (fault.remediatedAt ?? fault.end)) return;
    this.planned[index] = { ...fault, remediatedAt: Math.max(atMs, fault.start), remediation: how };
  }

  /** A remediation holds the fault's effects off over [fromMs, untilMs); it comes back after. */
  relieve(faultId: string, fromMs: number, untilMs: number): void {
    this.reliefs.set(faultId, [...(this.reliefs.get(faultId) ?? []), { fromMs, untilMs }]);
  }

  private relieved(faultId: string, timeMs: number): boolean {
    return this.reliefs.get(faultId)?.some((r) => r.fromMs <= timeMs && timeMs < r.untilMs) ?? false;
  }

  /** The fault affecting this pod at timeMs: one on its whole service or on this pod alone. */
  activeOn(instance: { service: string; pod: string }, timeMs: number): Fault | undefined {
    const fault = this.activeFor(instance.service, timeMs);
    return fault?.instance === undefined || fault.instance === instance.pod ? fault : undefined;
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
      // Each cycle is a seeded shuffle of all kinds, so the first cycle covers every kind.
      if (this.kindsLeft.length === 0) this.kindsLeft = shuffle(rng, FaultKindSchema.options);
      const kind = this.kindsLeft.shift() as FaultKind;
      const target = this.nextTarget(kind, last?.service);
      const instance = KIND_SCOPE[kind].onePod ? rng.pick(target.pods) : undefined;
      this.planned.push({
        id: `fault-${this.planned.length + 1}`,
        kind,
        service: target.service,
        ...(instance === undefined ? {} : { instance }),
        start,
        end: start + (this.options.durationMs ?? FAULT_DURATION_MS),
      });
    }
  }

  /**
   * Targets are drawn from a shuffled bag, so every service is hit before any repeats (bar the
   * ones a kind cannot show on), and never twice in a row: consecutive incidents should point
   * at different root causes.
   */
  private nextTarget(kind: FaultKind, previous: string | undefined): FaultTarget {
    const fits = (t: FaultTarget) => t.service !== previous && (t.answersCallers || !KIND_SCOPE[kind].needsCaller);
    if (!this.targetsLeft.some(fits)) this.targetsLeft.push(...shuffle(this.options.rng, this.options.targets));
    const index = this.targetsLeft.findIndex(fits);
    return this.targetsLeft.splice(index, 1)[0] as FaultTarget;
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
