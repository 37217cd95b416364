/**
 * Groups alerts into incidents and says why. Holds a profile of every open incident (see
 * incident-profile.ts), so a decision reads no store: it scores each incident active within
 * the time window (still firing, or quiet for less than the window) by time proximity to its
 * last new alert, service-graph distance, label and text similarity
 * (grouping-model.ts), applies the operators' rules (grouping-rules.ts) and joins the best
 * one scoring at least the threshold, or opens a new incident. The same class serves the live
 * desk and `opsloop replay`. Pure: no I/O, no clock (event time comes with the alert), ids
 * from the caller.
 */
import type { Correlation, CorrelationCandidate } from '../../core/records.js';
import type { ServiceGraph } from '../../core/service-graph.js';
import { roundFeatures, topologyCloseness, type Features } from './features.js';
import type { GroupingModel } from './grouping-model.js';
import type { GroupingRules } from './grouping-rules.js';
import { IncidentProfile, type CorrelatedAlert } from './incident-profile.js';
import { LabelPairs, stableLabelPairs, labelSimilarity } from './label-similarity.js';
import { alertTokens, termCounts } from './text-tokens.js';
import { TermWeights } from './term-weights.js';
import { alertTextNorm, textDot, textSimilarity } from './text-similarity.js';
import { serviceNeighbourhood } from './service-neighbourhood.js';
import { closestHops, ServiceIndex, type Hops } from './service-index.js';
import { boundedTop, firstK } from './bounded-top.js';
import { describeJoin, describeOpen, type ScoredCandidate } from './describe-decision.js';

export interface CorrelatorOptions {
  windowMs: number;
  maxDistance: number;
  volatileLabels: readonly string[];
  model: GroupingModel;
  rules: GroupingRules;
  /**
   * `pruned` scores text similarity only for incidents that can be among the best few
   * (bounded-top.ts) and finds the incidents within reach of the alert's service from an
   * index of their services (service-index.ts): the same decisions and candidates as
   * `exhaustive`, which walks and scores every active incident and is what the pruned search
   * is tested against. @default 'pruned'
   */
  search?: 'pruned' | 'exhaustive';
}

const KEPT_CANDIDATES = 3;
/**
 * Time proximity halves every 0.75 window after the incident's last new alert (90 s by
 * default): a fault's alerts arrive within a minute or two of each other, the next fault's
 * minutes later. Set with the weights on bench:correlate's seeds 1-3 (docs/benchmarks.md).
 */
const HALF_LIFE_OF_WINDOW = 0.75;
const NOWHERE: ReadonlyMap<string, number> = new Map();
const NO_FEATURES: Features = { time: 0, topology: 0, labels: 0, text: 0 };

/** A candidate, scored once `complete` has measured its text; `bound` is the best score its text could give. */
interface Measured extends ScoredCandidate {
  /** The text similarity's numerator (textDot): 0 when the alert and the incident share no word, and the text is then 0. */
  dot: number;
  bound: number;
  /** Its incident's place in the correlator's order. */
  index: number;
}

interface Prepared {
  /** LabelPairs numbers. */
  pairs: number[];
  /** Word counts by TermWeights id. */
  terms: Map<number, number>;
  /** Services within reach of the alert's, with their distance; empty without a service. */
  near: ReadonlyMap<string, number>;
  /** The incidents within reach (pruned search), from the service index; the others have no distance. */
  reach?: ReadonlyMap<IncidentProfile, Hops>;
  /** Norm of the alert's TF-IDF vector under the weights at scoring time, once for all candidates. */
  textNorm: number;
}

export class Correlator {
  private readonly profiles = new Map<string, IncidentProfile>();
  /** Open incident of each alert folded in, so repeats and resolves find their profile. */
  private readonly incidentOf = new Map<string, string>();
  private readonly words = new TermWeights();
  private readonly labelPairs = new LabelPairs();
  /**
   * Candidates are measured into these, reused from one alert to the next: about a hundred
   * open incidents per alert made some ten objects each (the candidate, its features, their
   * numbers), a fifth of the CPU went to collecting them. Nothing of a candidate outlives the
   * decision: what is kept (the correlation, its candidates) is copied from it.
   */
  private readonly pool: Measured[] = [];
  private readonly services = new ServiceIndex<IncidentProfile>();
  private readonly volatile: ReadonlySet<string>;

  constructor(private readonly options: CorrelatorOptions) {
    this.volatile = new Set(options.volatileLabels);
  }

  get model(): GroupingModel {
    return this.options.model;
  }

  /** Decides where a newly firing alert goes and folds it in; `newIncidentId` names a new incident. */
  place(alert: CorrelatedAlert, graph: ServiceGraph, newIncidentId: () => string): Correlation {
    const prepared = this.prepare(alert, graph);
    this.words.add(prepared.terms.keys());
    prepared.textNorm = alertTextNorm(prepared.terms, this.words);
    if (this.options.search !== 'exhaustive') prepared.reach = this.services.reach(prepared.near);
    const measured = this.candidates(alert, prepared);
    // Without rules no candidate has a verdict, so the decision and the record need only the best few.
    const scored = this.options.rules.empty ? firstK(measured, KEPT_CANDIDATES, ranking) : measured.sort(ranking);
    const threshold = this.options.model.threshold;
    const allowed = scored.filter((c) => c.verdict?.effect !== 'separate');
    const chosen = allowed.find((c) => c.verdict?.effect === 'join') ?? (allowed[0] && allowed[0].score >= threshold ? allowed[0] : undefined);
    const candidates = scored.slice(0, KEPT_CANDIDATES).map(publicCandidate);
    if (chosen) {
      this.fold(chosen.profile, alert, prepared);
      return {
        incidentId: chosen.profile.id,
        outcome: 'joined',
        score: round(chosen.score),
        threshold,
        reason: describeJoin(alert, chosen, graph, this.options.maxDistance, threshold),
        features: roundFeatures(chosen.features),
        ...(chosen.verdict ? { rule: chosen.verdict.rule } : {}),
        candidates,
      };
    }
    const best = scored[0];
    const profile = new IncidentProfile(newIncidentId(), alert.startsMs, this.labelPairs);
    this.profiles.set(profile.id, profile);
    this.fold(profile, alert, prepared);
    return {
      incidentId: profile.id,
      outcome: 'opened',
      score: best ? round(best.score) : 0,
      threshold,
      reason: describeOpen(best, threshold, this.options.windowMs),
      features: best ? roundFeatures(best.features) : NO_FEATURES,
      ...(best?.verdict?.effect === 'separate' ? { rule: best.verdict.rule } : {}),
      candidates,
    };
  }

  /**
   * Folds an alert into an incident without deciding: restoring state at start (`countWords`:
   * its words are new to the text weights), or an operator's move (they are not).
   */
  assign(incidentId: string, alert: CorrelatedAlert, options: { countWords: boolean }): void {
    let profile = this.profiles.get(incidentId);
    if (!profile) {
      profile = new IncidentProfile(incidentId, alert.startsMs, this.labelPairs);
      this.profiles.set(incidentId, profile);
    }
    const prepared = this.prepare(alert);
    if (options.countWords) this.words.add(prepared.terms.keys());
    this.fold(profile, alert, prepared);
  }

  /** A repeat or resolve of an alert already placed. */
  touch(alert: CorrelatedAlert): void {
    const incidentId = this.incidentOf.get(alert.id);
    if (incidentId) this.profiles.get(incidentId)?.touch(alert);
  }

  /** The features an alert would have against an open incident now (for feedback on incidents it never considered). */
  featuresAgainst(alert: CorrelatedAlert, incidentId: string, graph: ServiceGraph): CorrelationCandidate | undefined {
    const profile = this.profiles.get(incidentId);
    if (!profile) return undefined;
    const prepared = this.prepare(alert, graph);
    prepared.textNorm = alertTextNorm(prepared.terms, this.words);
    return publicCandidate(this.complete(this.measure(alert, prepared, profile, 0), prepared));
  }

  /** An incident no longer open (resolved, closed, merged away): its alerts stop attracting others. */
  forget(incidentId: string): void {
    const profile = this.profiles.get(incidentId);
    if (!profile) return;
    this.profiles.delete(incidentId);
    this.services.remove(profile);
    for (const alertId of profile.alertIds) if (this.incidentOf.get(alertId) === incidentId) this.incidentOf.delete(alertId);
  }

  /** The open incidents whose alerts have all resolved, with when the last one ended. */
  quietIncidents(): Array<{ incidentId: string; lastActivityMs: number }> {
    const quiet: Array<{ incidentId: string; lastActivityMs: number }> = [];
    for (const profile of this.profiles.values()) {
      if (profile.firing === 0) quiet.push({ incidentId: profile.id, lastActivityMs: profile.lastActivityMs });
    }
    return quiet;
  }

  get openIncidents(): number {
    return this.profiles.size;
  }

  /** What scoring needs of the alert, once for all candidates; `graph` only when it will be scored. */
  private prepare(alert: CorrelatedAlert, graph?: ServiceGraph): Prepared {
    const near = graph && alert.service !== undefined ? serviceNeighbourhood(graph, alert.service, this.options.maxDistance) : NOWHERE;
    const terms = new Map<number, number>();
    for (const [term, count] of termCounts(alertTokens(alert.name, alert.summary))) terms.set(this.words.id(term), count);
    return { pairs: stableLabelPairs(alert.labels, this.volatile, this.labelPairs), terms, near, textNorm: 0 };
  }

  private fold(profile: IncidentProfile, alert: CorrelatedAlert, prepared: Prepared): void {
    if (alert.service !== undefined && !profile.services.has(alert.service)) this.services.add(alert.service, profile);
    profile.add(alert, prepared.pairs, prepared.terms);
    this.incidentOf.set(alert.id, profile.id);
  }

  /**
   * The incidents to rank for an alert, each with its place in the order the correlator learnt of them. With rules,
   * every active one: a rule may single out any. Without, those that can be among the
   * KEPT_CANDIDATES best: the rest cannot change the decision or the candidates recorded.
   */
  private candidates(alert: CorrelatedAlert, prepared: Prepared): Measured[] {
    const measured: Measured[] = [];
    for (const profile of this.profiles.values()) {
      if (profile.gapMs(alert.startsMs) <= this.options.windowMs) measured.push(this.measure(alert, prepared, profile, measured.length));
    }
    if (this.options.search !== 'exhaustive' && this.options.rules.empty) {
      return boundedTop(measured, KEPT_CANDIDATES, (candidate) => this.complete(candidate, prepared));
    }
    for (const candidate of measured) {
      this.complete(candidate, prepared);
      const verdict = this.options.rules.judge(alert, candidate.profile, candidate.gapMs);
      if (verdict) candidate.verdict = verdict;
    }
    return measured;
  }

  /**
   * Every feature but text similarity, which costs a pass over the incident's words (its
   * numerator, over the alert's, is taken here), and the highest score the text could give:
   * none when they share no word (the text is then 0).
   */
  private measure(alert: CorrelatedAlert, prepared: Prepared, profile: IncidentProfile, index: number): Measured {
    const gapMs = profile.onsetGapMs(alert.startsMs);
    const hops = prepared.reach ? prepared.reach.get(profile) : closestHops(prepared.near, profile);
    let candidate = this.pool[index];
    if (!candidate) {
      candidate = { profile, features: { time: 0, topology: 0, labels: 0, text: 0 }, score: 0, gapMs: 0, via: undefined, verdict: undefined, dot: 0, bound: 0, index };
      this.pool[index] = candidate;
    }
    const { features } = candidate;
    features.time = profile.proximity(gapMs, this.options.windowMs * HALF_LIFE_OF_WINDOW);
    features.topology = topologyCloseness(hops?.hops);
    features.labels = labelSimilarity(prepared.pairs, profile);
    features.text = 0;
    const dot = textDot(prepared.terms, profile, this.words);
    const model = this.options.model;
    const bound = dot !== 0 ? model.scoreBound(features, 'text') : model.score(features);
    candidate.profile = profile;
    candidate.score = bound;
    candidate.gapMs = gapMs;
    candidate.via = hops?.via;
    candidate.verdict = undefined;
    candidate.dot = dot;
    candidate.bound = bound;
    candidate.index = index;
    return candidate;
  }

  /** Fills in text similarity and the exact score. */
  private complete(candidate: Measured, prepared: Prepared): Measured {
    if (candidate.dot !== 0) {
      candidate.features.text = textSimilarity(candidate.dot, prepared.textNorm, candidate.profile, this.words);
      candidate.score = this.options.model.score(candidate.features);
    }
    return candidate;
  }
}

/**
 * Best score first; among equals the incident active last, then the one the correlator has known
 * longest (its place in the correlator's order).
 */
function ranking(a: Measured, b: Measured): number {
  return b.score - a.score || b.profile.lastActivityMs - a.profile.lastActivityMs || a.index - b.index;
}

function publicCandidate(candidate: ScoredCandidate): CorrelationCandidate {
  return { incidentId: candidate.profile.id, score: round(candidate.score), features: roundFeatures(candidate.features) };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
