/**
 * Root-cause ranking over the service graph, for an incident (its alerts) or any time window
 * (the symptoms src/app/rca gathers from what is stored). Pure: records in, ranked causes out;
 * time comes from the records.
 *
 * The idea (as in MicroRCA, Wu et al. 2020, and the "explained by callees" rule of thumb every
 * SRE uses): symptoms travel from callee to caller, so a service whose anomalies are matched by
 * an equally anomalous callee that started no later is probably a victim, and one whose callees
 * look healthy is probably the origin. Each service's evidence is the strongest of
 *   - its own anomalies (latency, errors, saturation …),
 *   - what its callers see when calling it (edge series), which is the only evidence for a
 *     crashed or uninstrumented service,
 * discounted by how much an anomalous callee explains it (less so for resource saturation,
 * which belongs to the service itself), plus a bonus for a recent change to it (a deploy just
 * before the onset) and for being the first to go wrong.
 */
import type { Cause, Change } from '../../core/records.js';
import type { ServiceGraph } from '../../core/service-graph.js';
import { anomalyWalk } from './anomaly-walk.js';
import { attributeCallerSide } from './caller-side.js';
import { describeEvidence } from './describe-evidence.js';
import type { Symptom } from './symptom.js';

// bench/demo-rca.ts weighs alerts as the ranker does.
export { alertStrength } from './symptom.js';

export interface RcaInput {
  symptoms: readonly Symptom[];
  graph: ServiceGraph;
  /** Changes around the symptoms; the ranking picks those close to each service's onset. */
  changes: readonly Change[];
}

export interface ServiceEvidence {
  service: string;
  own?: Symptom;
  ownStrength: number;
  /** The strongest own symptom that names an instance: the pod or host to look at, when `own` names none. */
  ownInstance?: Symptom;
  seenByCallers?: Symptom;
  callerStrength: number;
  onsetMs: number;
  explainedBy?: string;
  explained: number;
  change?: Change;
}

const CALLER_WEIGHT = 0.9;
const EXPLAIN_WEIGHT = 0.85;
const RESOURCE_EXPLAIN_WEIGHT = 0.35;
const UNFELT_EXPLAIN_WEIGHT = 0.5;
const CHANGE_BONUS = 0.25;
const FIRST_BONUS = 0.05;
/** The walk's visit share (0–1) adds at most this much: it orders paths, the local evidence decides. */
const WALK_WEIGHT = 0.1;
/** Onsets this close count as simultaneous: buckets and scrape intervals blur order. */
export const ONSET_TOLERANCE_MS = 60_000;
const ONSET_SHARE = 0.5;
/** A change this long before a service's onset counts as "just before" it. */
export const CHANGE_LOOKBACK_MS = 15 * 60_000;
const MAX_CAUSES = 5;
/** Evidence (at most 1) plus every bonus: dividing by it keeps scores in [0, 1] without ties at the top. */
const MAX_SCORE = 1 + CHANGE_BONUS + FIRST_BONUS + WALK_WEIGHT;

export function rankSymptoms(input: RcaInput): Cause[] {
  const symptoms = attributeCallerSide(input.symptoms, input.graph);
  const evidence = gatherEvidence(symptoms);
  if (evidence.size === 0) return [];
  for (const item of evidence.values()) explainByCallees(item, evidence, symptoms, input.graph);
  for (const item of evidence.values()) item.change = recentChange(item, input.changes);

  const earliest = Math.min(...[...evidence.values()].map((e) => e.onsetMs));
  const walk = anomalyWalk(new Map([...evidence.values()].map((item) => [item.service, strengthOf(item)])), input.graph);
  const causes: Cause[] = [];
  for (const item of evidence.values()) {
    const raw = strengthOf(item);
    const resource = item.own?.resource ?? false;
    const discount = item.explained * (resource ? RESOURCE_EXPLAIN_WEIGHT : EXPLAIN_WEIGHT);
    let score = raw * (1 - discount) + WALK_WEIGHT * (walk.get(item.service) ?? 0);
    if (item.change) score += CHANGE_BONUS;
    if (item.onsetMs === earliest) score += FIRST_BONUS;
    const instance = item.own?.instance ?? item.ownInstance?.instance;
    const series = item.own?.series ?? item.seenByCallers?.series;
    causes.push({
      service: item.service,
      ...(instance ? { instance } : {}),
      score: Math.max(0, score) / MAX_SCORE,
      indicator: indicatorOf(item),
      evidence: describeEvidence(item),
      ...(series ? { series } : {}),
    });
  }
  return causes.sort((a, b) => b.score - a.score || a.service.localeCompare(b.service)).slice(0, MAX_CAUSES);
}

function gatherEvidence(symptoms: readonly Symptom[]): Map<string, ServiceEvidence> {
  const byService = new Map<string, ServiceEvidence>();
  const concerning = new Map<string, Symptom[]>();
  const entry = (service: string, symptom: Symptom): ServiceEvidence => {
    let item = byService.get(service);
    if (!item) {
      item = { service, ownStrength: 0, callerStrength: 0, onsetMs: Number.POSITIVE_INFINITY, explained: 0 };
      byService.set(service, item);
    }
    concerning.set(service, [...(concerning.get(service) ?? []), symptom]);
    return item;
  };
  for (const symptom of symptoms) {
    const { strength } = symptom;
    if (symptom.seenByCaller && symptom.peer !== undefined) {
      const item = entry(symptom.peer, symptom);
      if (strength > item.callerStrength) {
        item.callerStrength = strength;
        item.seenByCallers = symptom;
      }
      continue;
    }
    if (symptom.service === undefined) continue;
    const item = entry(symptom.service, symptom);
    if (strength > item.ownStrength) {
      item.ownStrength = strength;
      item.own = symptom;
    }
    if (symptom.instance !== undefined && strength > (item.ownInstance?.strength ?? 0)) item.ownInstance = symptom;
  }
  for (const item of byService.values()) item.onsetMs = onsetOf(concerning.get(item.service) ?? []);
  return byService;
}

/**
 * When a service went wrong: the first of its symptoms that weigh at least ONSET_SHARE of its
 * strongest. A faint drift that began earlier (memory a few percent up) does not make a victim
 * look like the first to go wrong.
 */
function onsetOf(symptoms: readonly Symptom[]): number {
  const strongest = Math.max(...symptoms.map((s) => s.strength));
  return Math.min(...symptoms.filter((s) => s.strength >= ONSET_SHARE * strongest).map((s) => s.startsMs));
}

function explainByCallees(item: ServiceEvidence, all: Map<string, ServiceEvidence>, symptoms: readonly Symptom[], graph: ServiceGraph): void {
  const callees = new Set(graph.callees(item.service));
  // Callees whose calls from this service went wrong: the path symptoms travel along.
  const felt = new Set<string>();
  for (const symptom of symptoms) {
    if (symptom.service !== item.service || symptom.peer === undefined) continue;
    // Edge symptoms name callees the graph may not know yet (a callee that never answered).
    callees.add(symptom.peer);
    if (symptom.seenByCaller) felt.add(symptom.peer);
  }
  for (const callee of callees) {
    const other = all.get(callee);
    if (!other || other.onsetMs > item.onsetMs + ONSET_TOLERANCE_MS) continue;
    // A callee in trouble explains less when this service's calls to it look fine.
    const strength = strengthOf(other) * (felt.has(callee) ? 1 : UNFELT_EXPLAIN_WEIGHT);
    if (strength > item.explained) {
      item.explained = strength;
      item.explainedBy = callee;
    }
  }
}

function recentChange(item: ServiceEvidence, changes: readonly Change[]): Change | undefined {
  let best: Change | undefined;
  for (const change of changes) {
    if (change.service !== item.service) continue;
    if (change.timeMs > item.onsetMs + ONSET_TOLERANCE_MS || change.timeMs < item.onsetMs - CHANGE_LOOKBACK_MS) continue;
    if (!best || change.timeMs > best.timeMs) best = change;
  }
  return best;
}

function strengthOf(item: ServiceEvidence): number {
  return Math.max(item.ownStrength, CALLER_WEIGHT * item.callerStrength);
}

function indicatorOf(item: ServiceEvidence): string {
  if (item.own && item.ownStrength >= CALLER_WEIGHT * item.callerStrength) return item.own.name;
  if (item.seenByCallers) {
    const metric = item.seenByCallers.metric ?? '';
    if (metric.includes('error')) return 'calls to it fail';
    if (metric.includes('latency')) return 'calls to it are slow';
    return 'calls to it changed';
  }
  return item.change ? `${item.change.kind} just before` : 'anomalous';
}
