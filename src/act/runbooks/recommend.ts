/**
 * Learning which runbook fixes what (docs/runbooks.md "Learning"). Pure: the caller reads
 * incidents, alerts and executions from the store and hands them in.
 *
 *   signatureOf(incident: Incident, alerts: readonly Alert[]): IncidentSignature
 *     What an incident looks like, as weighted features: the top cause's service, indicator
 *     and indicator kind (latency, errors, ...), its alerts' names and telling labels.
 *   similarity(a: IncidentSignature, b: IncidentSignature): number
 *     Weighted Jaccard of the two feature sets, in [0, 1].
 *   outcomeOf(execution: Execution, incident: Incident | undefined, signature: IncidentSignature): RunbookOutcome | undefined
 *     What one finished, real (not dry-run) execution for an incident says about its runbook:
 *     verified, succeeded (no verify step), failed or rolled back; undefined when it says
 *     nothing (still running, cancelled, rejected, expired, dry run, no incident).
 *   recommendRunbooks(signature: IncidentSignature, matches: readonly RunbookCandidate[], outcomes: readonly RunbookOutcome[], options?: RecommendOptions): RunbookRecommendation[]
 *     The runbooks whose triggers matched the incident (only those: a trigger match is
 *     required), best first, by their success on similar past incidents (at least SIMILAR):
 *     similarity-weighted successes and trials under a Beta prior, so one success is not
 *     certainty. Each with evidence in plain words and a confidence in [0, 1].
 *   autoRunAllowed(runbook: Runbook, recommendation: RunbookRecommendation, policy: AutoRunPolicy): AutoRunDecision
 *     Whether policy lets it run with no human: autoRun.enabled, confidence ≥ minConfidence,
 *     no approval required (or approved beforehand), and the kill switch off.
 *
 * The weighting follows similarity-weighted case-based reasoning (Aamodt & Plaza, "Case-Based
 * Reasoning: Foundational Issues", 1994: retrieve similar cases, reuse what worked) with a
 * Beta-Bernoulli posterior mean for the success rate (Gelman et al., "Bayesian Data Analysis",
 * ch. 2): (α + Σ wᵢ·successᵢ) / (α + β + Σ wᵢ).
 */
import type { Execution } from '../../core/runbook-api.js';
import type { Alert, Incident } from '../../core/records.js';
import type { Runbook } from '../../core/runbook.js';

/** A feature → its weight. Features are "service:checkout", "kind:latency", "alert:p99 latency up", ... */
export interface IncidentSignature {
  /** The top cause's service, for evidence ("on checkout"); undefined when RCA found none. */
  service?: string;
  /** The top cause's indicator kind, for evidence ("(latency)"). */
  kind?: IndicatorKind;
  features: ReadonlyMap<string, number>;
}

export type IndicatorKind = 'latency' | 'errors' | 'saturation' | 'availability' | 'answers' | 'change' | 'other';

export type OutcomeResult = 'verified' | 'succeeded' | 'failed' | 'rolled_back';

export interface RunbookOutcome {
  runbookId: string;
  executionId: string;
  incidentId: string;
  signature: IncidentSignature;
  result: OutcomeResult;
  /** From the execution's start to the incident resolving (or, unresolved, to the verified end). */
  recoveryMs?: number;
  atMs: number;
}

/** A runbook whose trigger matched the incident. */
export interface RunbookCandidate {
  runbook: Runbook;
  by: 'incident' | 'alert';
}

export interface RunbookRecommendation {
  runbookId: string;
  runbookName: string;
  by: 'incident' | 'alert';
  /** Posterior mean success rate on similar incidents, in [0, 1]. */
  confidence: number;
  /** Past outcomes on incidents at least SIMILAR, counted whole. */
  similar: number;
  successes: number;
  failures: number;
  rolledBack: number;
  medianRecoveryMs?: number;
  evidence: string;
}

export interface RecommendOptions {
  /** Beta prior: α pseudo-successes and β pseudo-failures. @default { alpha: 1, beta: 1 } */
  prior?: { alpha: number; beta: number };
}

export interface AutoRunPolicy {
  killSwitch: boolean;
  /** An approval given before the execution (e.g. a standing approval for this runbook). */
  preApproved?: boolean;
}

export interface AutoRunDecision {
  allowed: boolean;
  reason: string;
}

/**
 * Similarity from which a past incident is evidence, in the confidence and in the counts alike.
 * One threshold for both: a failure on an incident that only shares the indicator kind (a
 * leak's latency against a slow dependency's, on another service) must not hold a runbook below
 * the prior, where it can no longer run by itself and so never earns the success that would
 * lift it — while the evidence says "no similar incidents yet".
 */
export const SIMILAR = 0.5;
const DEFAULT_PRIOR = { alpha: 1, beta: 1 };

/** The top cause says the most; alerts and labels refine it. */
const WEIGHTS = { service: 2, kind: 2, indicator: 1.5, alert: 0.5, label: 0.25 };
/** Labels that tell what kind of signal it is; others (ids, template ids) vary by occurrence. */
const TELLING_LABELS = new Set(['metric', 'resource', 'span_kind', 'http.route', 'peer']);

/** Indicator text → kind; the first pattern that matches wins (order matters: "calls to it fail" is availability). */
const INDICATOR_KINDS: ReadonlyArray<[RegExp, IndicatorKind]> = [
  [/calls to it fail|down|silent|no data|crash/i, 'availability'],
  [/latency|slow/i, 'latency'],
  [/cpu|memory|disk|saturat|exhaust|gc\b|throttl/i, 'saturation'],
  [/answers|response|body size/i, 'answers'],
  [/deploy|change/i, 'change'],
  [/error|fail|exception|log template/i, 'errors'],
];

export function indicatorKind(indicator: string): IndicatorKind {
  return INDICATOR_KINDS.find(([pattern]) => pattern.test(indicator))?.[1] ?? 'other';
}

export function signatureOf(incident: Incident, alerts: readonly Alert[]): IncidentSignature {
  const features = new Map<string, number>();
  const top = incident.causes[0];
  const kind = top ? indicatorKind(top.indicator) : undefined;
  if (top) {
    features.set(`service:${top.service}`, WEIGHTS.service);
    features.set(`indicator:${top.indicator}`, WEIGHTS.indicator);
  }
  if (kind) features.set(`kind:${kind}`, WEIGHTS.kind);
  for (const alert of alerts) {
    features.set(`alert:${alert.name}`, WEIGHTS.alert);
    for (const [key, value] of Object.entries(alert.labels)) {
      if (TELLING_LABELS.has(key)) features.set(`label:${key}=${value}`, WEIGHTS.label);
    }
  }
  return { ...(top ? { service: top.service } : {}), ...(kind ? { kind } : {}), features };
}

export function similarity(a: IncidentSignature, b: IncidentSignature): number {
  let shared = 0;
  let union = 0;
  for (const [feature, weight] of a.features) {
    const other = b.features.get(feature);
    shared += other === undefined ? 0 : Math.min(weight, other);
    union += other === undefined ? weight : Math.max(weight, other);
  }
  for (const [feature, weight] of b.features) if (!a.features.has(feature)) union += weight;
  return union === 0 ? 0 : shared / union;
}

export function outcomeOf(execution: Execution, incident: Incident | undefined, signature: IncidentSignature): RunbookOutcome | undefined {
  if (execution.dryRun || execution.incidentId === undefined || execution.startedMs === undefined) return undefined;
  const result = resultOf(execution);
  if (!result) return undefined;
  const recovered = result === 'verified' || result === 'succeeded';
  const resolvedMs = incident?.resolvedMs !== undefined && incident.resolvedMs >= execution.startedMs ? incident.resolvedMs : execution.endedMs;
  return {
    runbookId: execution.runbookId,
    executionId: execution.id,
    incidentId: execution.incidentId,
    signature,
    result,
    ...(recovered && resolvedMs !== undefined ? { recoveryMs: resolvedMs - execution.startedMs } : {}),
    atMs: execution.endedMs ?? execution.startedMs,
  };
}

function resultOf(execution: Execution): OutcomeResult | undefined {
  if (execution.status === 'succeeded') {
    const verified = execution.steps.some((step) => step.type === 'verify' && step.phase === 'main' && step.status === 'succeeded');
    return verified ? 'verified' : 'succeeded';
  }
  if (execution.status === 'failed') return execution.steps.some((step) => step.phase === 'rollback') ? 'rolled_back' : 'failed';
  // Cancelled, rejected or expired: a person or policy stopped it; it says nothing about the fix.
  return undefined;
}

export function recommendRunbooks(
  signature: IncidentSignature,
  matches: readonly RunbookCandidate[],
  outcomes: readonly RunbookOutcome[],
  options: RecommendOptions = {},
): RunbookRecommendation[] {
  const prior = options.prior ?? DEFAULT_PRIOR;
  const recommendations = matches.map(({ runbook, by }) => {
    let weightedSuccesses = 0;
    let weightedTrials = 0;
    const similarOutcomes: RunbookOutcome[] = [];
    for (const outcome of outcomes) {
      if (outcome.runbookId !== runbook.id) continue;
      const weight = similarity(signature, outcome.signature);
      if (weight < SIMILAR) continue;
      weightedTrials += weight;
      if (isSuccess(outcome)) weightedSuccesses += weight;
      similarOutcomes.push(outcome);
    }
    const confidence = (prior.alpha + weightedSuccesses) / (prior.alpha + prior.beta + weightedTrials);
    const successes = similarOutcomes.filter(isSuccess);
    const recoveries = successes.flatMap((o) => (o.recoveryMs === undefined ? [] : [o.recoveryMs]));
    const medianRecoveryMs = median(recoveries);
    const recommendation: RunbookRecommendation = {
      runbookId: runbook.id,
      runbookName: runbook.name,
      by,
      confidence,
      similar: similarOutcomes.length,
      successes: successes.length,
      failures: similarOutcomes.filter((o) => o.result === 'failed').length,
      rolledBack: similarOutcomes.filter((o) => o.result === 'rolled_back').length,
      ...(medianRecoveryMs === undefined ? {} : { medianRecoveryMs }),
      evidence: '',
    };
    return { ...recommendation, evidence: evidenceOf(recommendation, signature) };
  });
  // Best first; on a tie, more evidence, then an incident trigger (it speaks for the whole incident), then id.
  return recommendations.sort(
    (a, b) => b.confidence - a.confidence || b.similar - a.similar || (a.by === b.by ? 0 : a.by === 'incident' ? -1 : 1) || a.runbookId.localeCompare(b.runbookId),
  );
}

export function autoRunAllowed(runbook: Runbook, recommendation: RunbookRecommendation, policy: AutoRunPolicy): AutoRunDecision {
  if (policy.killSwitch) return { allowed: false, reason: 'the kill switch is engaged' };
  if (!runbook.autoRun.enabled) return { allowed: false, reason: 'the runbook does not allow auto-run (autoRun.enabled is false)' };
  if (recommendation.confidence < runbook.autoRun.minConfidence) {
    return { allowed: false, reason: `confidence ${percent(recommendation.confidence)} is below the runbook's minimum ${percent(runbook.autoRun.minConfidence)}` };
  }
  if (runbook.approval.required && policy.preApproved !== true) return { allowed: false, reason: 'the runbook needs an approval first' };
  return { allowed: true, reason: `confidence ${percent(recommendation.confidence)} ≥ ${percent(runbook.autoRun.minConfidence)}, no approval needed` };
}

function isSuccess(outcome: RunbookOutcome): boolean {
  return outcome.result === 'verified' || outcome.result === 'succeeded';
}

function evidenceOf(r: RunbookRecommendation, signature: IncidentSignature): string {
  const like = [signature.service ? `on ${signature.service}` : undefined, signature.kind ? `(${signature.kind})` : undefined].filter(Boolean).join(' ');
  const what = `similar incidents${like ? ` ${like}` : ''}`;
  if (r.similar === 0) return `no similar incidents yet; confidence ${percent(r.confidence)} from the prior`;
  const parts = [`fixed ${r.successes} of ${r.similar} ${what}`];
  if (r.rolledBack > 0) parts.push(`${r.rolledBack} rolled back`);
  if (r.medianRecoveryMs !== undefined) parts.push(`median recovery ${duration(r.medianRecoveryMs)}`);
  return `${parts.join(', ')}; confidence ${percent(r.confidence)}`;
}

function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

function percent(value: number): string {
  return `${Math.round(value * 100)}%`;
}

function duration(ms: number): string {
  if (ms < 90_000) return `${Math.round(ms / 1000)} s`;
  if (ms < 90 * 60_000) return `${Math.round(ms / 60_000)} min`;
  return `${(ms / 3_600_000).toFixed(1)} h`;
}
