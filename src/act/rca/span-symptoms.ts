/**
 * Symptoms from the spans of a time window, compared with the spans just before it. Pure.
 *
 * Trace evidence tells an origin from a victim directly: a failure that arises in a span's own
 * time (none of its children failed) belongs to that span's service, and time spent in a span
 * itself rather than in its children is that service's own slowness. A caller whose errors
 * and latency come from a callee shows neither. An outgoing call is the caller's view of the
 * callee, so its own failures and own time point at the callee (an unanswered call is the only
 * trace a crashed service leaves). A wrong answer shows nowhere in the answering service's own
 * health, only in its callers' failures; what does show is the size of its successful
 * responses (OpenTelemetry's `http.response.body.size`) moving far from usual.
 */
import type { SpanOutcome } from '../../core/window-outcomes.js';
import { strengthOfDeviation, type Symptom } from './symptom.js';

export interface SpanWindow {
  /** Outcomes in the window analysed. */
  window: readonly SpanOutcome[];
  /** Outcomes in the stretch before it: what is usual. */
  baseline: readonly SpanOutcome[];
  fromMs: number;
  /** Share of the window's traces summed (whole traces are sampled in busy windows). @default 1 */
  traceShare?: number;
}

/** Fewer failed spans than this is anecdote, not evidence. */
const MIN_ERRORS = 3;
/** Least deviation (in standard errors of the usual rate) worth a symptom. */
const MIN_Z = 4;
/** Self time must grow by this factor and this many ms per span to count as slower. */
const MIN_SLOWDOWN = 1.5;
const MIN_SLOWDOWN_MS = 5;
const MIN_SPANS_FOR_LATENCY = 10;
const SLOW_CALL_METRIC = 'span.latency';
/** A doubling of own time reads like a z of 10, the scale on which detector anomalies are weighed. */
const Z_PER_DOUBLING = 10;
/** Successful responses must change their typical (geometric mean) size by this factor, over this many of them, to count. */
const MIN_SIZE_CHANGE = 2;
const MIN_BODIES = 10;

export function spanSymptoms(input: SpanWindow): Symptom[] {
  const usual = usualByTarget(input.baseline);
  const symptoms: Symptom[] = [];
  const sample = (input.traceShare ?? 1) < 1 ? ` in a ${Math.round((input.traceShare ?? 1) * 100)}% sample of traces` : '';
  for (const outcome of input.window) {
    const base = usual.get(targetKey(outcome));
    const errors = errorSymptom(outcome, base, input.fromMs, sample);
    if (errors) symptoms.push(errors);
    const slow = slownessSymptom(outcome, base, input.fromMs);
    if (slow) symptoms.push(slow);
    const answers = answerSizeSymptom(outcome, base, input.fromMs);
    if (answers) symptoms.push(answers);
  }
  return symptoms;
}

interface Usual {
  spans: number;
  ownErrors: number;
  errors: number;
  selfMs: number;
  bodies: number;
  bodyLogBytes: number;
}

/** Usual rates per service (own spans) or per callee (calls to it): instances come and go. */
function usualByTarget(baseline: readonly SpanOutcome[]): Map<string, Usual> {
  const usual = new Map<string, Usual>();
  for (const outcome of baseline) {
    const key = targetKey(outcome);
    const sum = usual.get(key) ?? { spans: 0, ownErrors: 0, errors: 0, selfMs: 0, bodies: 0, bodyLogBytes: 0 };
    sum.spans += outcome.spans;
    sum.ownErrors += outcome.ownErrors;
    sum.errors += outcome.errors;
    sum.selfMs += outcome.selfMs;
    sum.bodies += outcome.bodies;
    sum.bodyLogBytes += outcome.bodyLogBytes;
    usual.set(key, sum);
  }
  return usual;
}

function targetKey(outcome: SpanOutcome): string {
  return outcome.peer === undefined ? `own\u0000${outcome.service}` : `call\u0000${outcome.service}\u0000${outcome.peer}`;
}

function errorSymptom(outcome: SpanOutcome, usual: Usual | undefined, fromMs: number, sample: string): Symptom | undefined {
  // A call that failed is the caller's view of the callee whether the callee reported the
  // failure or not; an own span's failure counts only when none of its children failed.
  const failed = (o: { errors: number; ownErrors: number }) => (outcome.peer === undefined ? o.ownErrors : o.errors);
  const count = failed(outcome);
  if (count < MIN_ERRORS) return undefined;
  const usualRatio = usual && usual.spans > 0 ? failed(usual) / usual.spans : 0;
  const expected = outcome.spans * usualRatio;
  // Binomial standard error, with one error of slack so a spotless baseline does not divide by 0.
  const z = (count - expected) / Math.sqrt(expected * (1 - usualRatio) + 1);
  if (z < MIN_Z) return undefined;
  const ratio = `${percent(count / outcome.spans)} vs usual ${percent(usualRatio)}`;
  const startsMs = outcome.firstOwnErrorMs ?? fromMs;
  if (outcome.peer !== undefined) {
    const unanswered = outcome.unansweredCalls === count ? ', none of them answered' : '';
    return {
      service: outcome.service,
      ...(outcome.instance ? { instance: outcome.instance } : {}),
      peer: outcome.peer,
      seenByCaller: true,
      name: 'calls to it fail',
      summary: `${count} of ${outcome.spans} calls failed${unanswered}${sample} (${ratio})`,
      startsMs,
      strength: strengthOfDeviation(z),
      resource: false,
      metric: 'span.error',
    };
  }
  return {
    service: outcome.service,
    ...(outcome.instance ? { instance: outcome.instance } : {}),
    seenByCaller: false,
    name: 'errors in its own spans',
    summary: `${outcome.ownErrors} of ${outcome.spans} spans${sample} failed in their own code, not in a callee (${ratio})`,
    startsMs,
    strength: strengthOfDeviation(z),
    resource: false,
  };
}

function slownessSymptom(outcome: SpanOutcome, usual: Usual | undefined, fromMs: number): Symptom | undefined {
  if (!usual || usual.spans === 0 || outcome.spans < MIN_SPANS_FOR_LATENCY) return undefined;
  const meanMs = outcome.selfMs / outcome.spans;
  const usualMs = usual.selfMs / usual.spans;
  if (meanMs < usualMs * MIN_SLOWDOWN || meanMs - usualMs < MIN_SLOWDOWN_MS) return undefined;
  const z = Z_PER_DOUBLING * Math.log2(meanMs / Math.max(usualMs, 1));
  const summary = `${outcome.peer === undefined ? 'spans spend' : 'calls spend'} ${ms(meanMs)} in their own time vs usual ${ms(usualMs)}`;
  return {
    service: outcome.service,
    ...(outcome.instance ? { instance: outcome.instance } : {}),
    ...(outcome.peer !== undefined ? { peer: outcome.peer } : {}),
    seenByCaller: outcome.peer !== undefined,
    name: outcome.peer === undefined ? 'slower in its own spans' : 'calls to it are slow',
    summary: outcome.peer === undefined ? `${summary}, not waiting on callees` : summary,
    startsMs: fromMs,
    strength: strengthOfDeviation(z),
    resource: false,
    ...(outcome.peer !== undefined ? { metric: SLOW_CALL_METRIC } : {}),
  };
}

function answerSizeSymptom(outcome: SpanOutcome, usual: Usual | undefined, fromMs: number): Symptom | undefined {
  if (!usual || usual.bodies < MIN_BODIES || outcome.bodies < MIN_BODIES) return undefined;
  // Typical sizes (geometric means of 1 + size): an empty answer has a size of its own, not a log of 0.
  const typicalBytes = Math.exp(outcome.bodyLogBytes / outcome.bodies);
  const usualBytes = Math.exp(usual.bodyLogBytes / usual.bodies);
  const ratio = typicalBytes / usualBytes;
  if (ratio < MIN_SIZE_CHANGE && ratio > 1 / MIN_SIZE_CHANGE) return undefined;
  const z = Z_PER_DOUBLING * Math.abs(Math.log2(ratio));
  const sizes = `typically ${Math.round(typicalBytes - 1)} B vs usual ${Math.round(usualBytes - 1)} B`;
  return {
    service: outcome.service,
    ...(outcome.instance ? { instance: outcome.instance } : {}),
    ...(outcome.peer !== undefined ? { peer: outcome.peer } : {}),
    seenByCaller: outcome.peer !== undefined,
    name: outcome.peer === undefined ? 'answers changed' : 'calls to it changed',
    summary: `${outcome.peer === undefined ? 'successful responses' : 'successful calls returned'} ${sizes}`,
    startsMs: fromMs,
    strength: strengthOfDeviation(z),
    resource: false,
    ...(outcome.peer !== undefined ? { metric: 'span.response_size' } : {}),
  };
}

function percent(ratio: number): string {
  return `${(ratio * 100).toFixed(1)}%`;
}

function ms(value: number): string {
  return `${value.toFixed(value < 10 ? 1 : 0)} ms`;
}
