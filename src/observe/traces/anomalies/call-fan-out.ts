/**
 * How many times an operation's spans call one callee, against its usual: the N+1 query that
 * turns one SELECT per request into thirty, a retry loop, or a batch call that stopped batching.
 * Pure.
 *
 * The baseline is the exponentially weighted mean and variance of calls per calling parent span,
 * learned once per judged window from the window's own mean and spread (weight 1/n at first,
 * then 0.02 per window: the last half hour or so), after it was judged, so a window is compared
 * with what came before it and a busy operation cannot make its fault usual within the window. A window is anomalous when at
 * least MIN_PARENTS parents called, their mean is at least 3× the usual and 2 calls more (or a
 * third of a usual of 3 or more), and the gap is 4 standard errors past it (the spread floored at
 * half a call: a fan-out that is always exactly 1 has no spread, but 1 → 2 is no N+1); strong at
 * 20 standard errors. Windows with fewer parents carry over into the next (up to
 * MAX_CARRIED_WINDOWS), so a quiet operation is judged on enough requests.
 *
 * Only parents that made at least one call to the callee are counted: a parent that stopped
 * calling shows as fewer parents, not as a fan-out of 0.
 */
import type { TraceExemplar } from '../../../core/records.js';
import { countText, operationText, traceText } from './anomaly-text.js';
import type { OperationRef, TraceAnomaly } from './trace-anomaly.js';
import { WindowEpisode, type WindowVerdict } from './window-episode.js';

export const MIN_PARENTS = 5;
/** Parents behind the usual before it is trusted. */
export const MIN_BASELINE_PARENTS = 20;
const MIN_WEIGHT = 0.02;
const MIN_SPREAD = 0.5;
const MIN_RATIO = 3;
const MIN_GAP = 2;
const ANOMALOUS_Z = 4;
const STRONG_Z = 20;
const MAX_CARRIED_WINDOWS = 10;

export interface CallCounts {
  mean: number;
  variance: number;
  parents: number;
}

export class CallFanOut {
  mean: number;
  variance: number;
  /** Parents learned from. */
  parents: number;
  readonly #episode = new WindowEpisode();
  #windowStartMs: number | undefined;
  #carried = 0;
  #windowParents = 0;
  #windowCalls = 0;
  #windowSquares = 0;
  #windows: number;
  #worst: TraceExemplar | undefined;

  constructor(usual?: CallCounts) {
    this.mean = usual?.mean ?? 0;
    this.variance = usual?.variance ?? 0;
    this.parents = usual?.parents ?? 0;
    // A restored usual is worth a full memory of windows, not one.
    this.#windows = usual ? Math.ceil(1 / MIN_WEIGHT) : 0;
    this.#windowStartMs = undefined;
    this.#worst = undefined;
  }

  /** One parent span's calls to the callee. */
  observe(calls: number, traceId: string, parentSpanId: string): void {
    this.#windowParents += 1;
    this.#windowCalls += calls;
    this.#windowSquares += calls * calls;
    if (this.#worst?.calls === undefined || calls > this.#worst.calls) this.#worst = { traceId, spanId: parentSpanId, calls };
  }

  /** Folds a judged window into the usual: its mean, and its spread around the usual mean. */
  #learn(parents: number, mean: number): void {
    this.parents += parents;
    this.#windows += 1;
    const weight = Math.max(1 / this.#windows, MIN_WEIGHT);
    const spread = this.#windowSquares / parents - mean * mean;
    const delta = mean - this.mean;
    this.mean += weight * delta;
    this.variance = (1 - weight) * (this.variance + weight * delta * delta) + weight * Math.max(spread, 0);
  }

  get busy(): boolean {
    return this.#windowParents > 0 || this.#episode.open;
  }

  close(op: OperationRef, key: string, callee: string, windowStartMs: number, nowMs: number, learned: boolean): TraceAnomaly | undefined {
    this.#windowStartMs ??= windowStartMs;
    const parents = this.#windowParents;
    if (parents > 0 && parents < MIN_PARENTS && this.#carried < MAX_CARRIED_WINDOWS) {
      this.#carried += 1;
      return undefined;
    }
    const usual = this.mean;
    const observed = parents > 0 ? this.#windowCalls / parents : 0;
    const z = Math.abs(observed - usual) / (Math.max(Math.sqrt(this.variance), MIN_SPREAD) / Math.sqrt(Math.max(parents, 1)));
    const shifted = parents >= MIN_PARENTS && observed >= Math.max(MIN_RATIO * usual, usual + MIN_GAP);
    const judged = learned && this.parents >= MIN_BASELINE_PARENTS && shifted;
    const verdict: WindowVerdict = !judged || z < ANOMALOUS_Z ? 'clear' : z >= STRONG_Z ? 'strong' : 'anomalous';
    const step = this.#episode.judge(verdict, this.#windowStartMs);
    const worst = this.#worst;
    if (this.#episode.learns(nowMs) && parents > 0) this.#learn(parents, observed);
    this.#windowStartMs = undefined;
    this.#carried = 0;
    this.#windowParents = 0;
    this.#windowCalls = 0;
    this.#windowSquares = 0;
    this.#worst = undefined;
    if (step === 'none' || (step === 'continued' && verdict === 'clear')) return undefined;
    const worstText = worst ? `; up to ${worst.calls ?? 0} in ${traceText(worst.traceId)}` : '';
    return {
      kind: 'fan_out_change',
      status: step === 'closed' ? 'resolved' : 'firing',
      key,
      operation: op,
      startMs: this.#episode.startMs ?? windowStartMs,
      timeMs: step === 'opened' ? (this.#episode.startMs ?? nowMs) : nowMs,
      summary:
        step === 'closed'
          ? `${operationText(op)}: calls to ${callee} back to their usual ${countText(round(usual))} per request`
          : `${operationText(op)}: calls ${callee} ${countText(round(observed))} times per request (usually ${countText(round(usual))})${worstText}`,
      strength: 1 - Math.exp(-z / 10),
      severity: 'warning',
      callee,
      observed,
      usual,
      spans: parents,
      exemplars: worst ? [worst] : [],
    };
  }

  counts(): CallCounts {
    return { mean: this.mean, variance: this.variance, parents: this.parents };
  }
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
