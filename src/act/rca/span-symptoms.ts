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
/** Share of an instance's callees that must all be slower for the instance itself to be blamed. */
const MOST_CALLEES = 2 / 3;
const SLOW_CALL_METRIC = 'span.latency';
/** A doubling of own time reads like a z of 10, the scale on which detector anomalies are weighed. */
const Z_PER_DOUBLING = 10;
/** Successful responses must change their mean size by this factor, over this many of them, to count. */
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
  return blameSlowCallersOwnNetwork(symptoms, input.window);
}

/**
 * Calls from one instance that are slower to most of its callees at once point at that
 * instance (its network, its event loop), not at each callee: a delayed pod's database and
 * queue clients look as slow as its callers' calls to it. Such symptoms become one of the
 * caller's own.
 */
function blameSlowCallersOwnNetwork(symptoms: readonly Symptom[], window: readonly SpanOutcome[]): Symptom[] {
  const observer = (s: { service?: string; instance?: string }) => `${s.service ?? ''}\u0000${s.instance ?? ''}`;
  const slowCalls = new Map<string, Symptom[]>();
  for (const symptom of symptoms) {
    if (symptom.metric !== SLOW_CALL_METRIC) continue;
    const key = observer(symptom);
    slowCalls.set(key, [...(slowCalls.get(key) ?? []), symptom]);
  }
  const calleesCalled = new Map<string, number>();
  for (const outcome of window) {
    if (outcome.peer !== undefined && outcome.spans >= MIN_SPANS_FOR_LATENCY) calleesCalled.set(observer(outcome), (calleesCalled.get(observer(outcome)) ?? 0) + 1);
  }
  const blamed = new Set<Symptom>();
  const own: Symptom[] = [];
  for (const [key, slow] of slowCalls) {
    if (slow.length < 2 || slow.length < MOST_CALLEES * (calleesCalled.get(key) ?? 0)) continue;
    for (const symptom of slow) blamed.add(symptom);
    const first = slow[0] as Symptom;
    own.push({
      ...(first.service !== undefined ? { service: first.service } : {}),
      ...(first.instance ? { instance: first.instance } : {}),
      seenByCaller: false,
      name: 'slow calls to all its callees',
      summary: `its calls to ${slow.map((s) => s.peer).join(', ')} are all slower: ${slow.map((s) => s.summary).join('; ')}`,
      startsMs: Math.min(...slow.map((s) => s.startsMs)),
      strength: Math.max(...slow.map((s) => s.strength)),
      resource: false,
    });
  }
  return [...symptoms.filter((symptom) => !blamed.has(symptom)), ...own];
}

interface Usual {
  spans: number;
  ownErrors: number;
  selfMs: number;
  bodies: number;
  bodyBytes: number;
}

/** Usual rates per service (own spans) or per callee (calls to it): instances come and go. */
function usualByTarget(baseline: readonly SpanOutcome[]): Map<string, Usual> {
  const usual = new Map<string, Usual>();
  for (const outcome of baseline) {
    const key = targetKey(outcome);
    const sum = usual.get(key) ?? { spans: 0, ownErrors: 0, selfMs: 0, bodies: 0, bodyBytes: 0 };
    sum.spans += outcome.spans;
    sum.ownErrors += outcome.ownErrors;
    sum.selfMs += outcome.selfMs;
    sum.bodies += outcome.bodies;
    sum.bodyBytes += outcome.bodyBytes;
    usual.set(key, sum);
  }
  return usual;
}

function targetKey(outcome: SpanOutcome): string {
  return outcome.peer === undefined ? `own\u0000${outcome.service}` : `call\u0000${outcome.service}\u0000${outcome.peer}`;
}

function errorSymptom(outcome: SpanOutcome, usual: Usual | undefined, fromMs: number, sample: string): Symptom | undefined {
  if (outcome.ownErrors < MIN_ERRORS) return undefined;
  const usualRatio = usual && usual.spans > 0 ? usual.ownErrors / usual.spans : 0;
  const expected = outcome.spans * usualRatio;
  // Binomial standard error, with one error of slack so a spotless baseline does not divide by 0.
  const z = (outcome.ownErrors - expected) / Math.sqrt(expected * (1 - usualRatio) + 1);
  if (z < MIN_Z) return undefined;
  const ratio = `${percent(outcome.ownErrors / outcome.spans)} vs usual ${percent(usualRatio)}`;
  const startsMs = outcome.firstOwnErrorMs ?? fromMs;
  if (outcome.peer !== undefined) {
    const unanswered = outcome.unansweredCalls === outcome.ownErrors ? ', none of them answered' : '';
    return {
      service: outcome.service,
      ...(outcome.instance ? { instance: outcome.instance } : {}),
      peer: outcome.peer,
      seenByCaller: true,
      name: 'calls to it fail',
      summary: `${outcome.ownErrors} of ${outcome.spans} calls failed${unanswered}${sample} (${ratio})`,
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
  const meanBytes = outcome.bodyBytes / outcome.bodies;
  const usualBytes = usual.bodyBytes / usual.bodies;
  // One byte of slack: an empty answer is a change of its own, not a division by zero.
  const ratio = (meanBytes + 1) / (usualBytes + 1);
  if (ratio < MIN_SIZE_CHANGE && ratio > 1 / MIN_SIZE_CHANGE) return undefined;
  const z = Z_PER_DOUBLING * Math.abs(Math.log2(ratio));
  const sizes = `${Math.round(meanBytes)} B vs usual ${Math.round(usualBytes)} B on average`;
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
