/**
 * Root-cause ranking for one incident over the service graph. Pure: records in, ranked causes
 * out; time comes from the records.
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
import type { Alert, Cause, Change } from '../../core/records.js';
import type { ServiceGraph } from '../../core/service-graph.js';
import { metricSemantics } from '../../observe/metrics/metric-semantics.js';
import { PEER_LABEL } from '../../observe/traces/derived-series.js';
import { describeEvidence } from './describe-evidence.js';

export interface RcaInput {
  alerts: readonly Alert[];
  graph: ServiceGraph;
  /** Changes around the incident; the ranking picks those close to each service's onset. */
  changes: readonly Change[];
}

export interface ServiceEvidence {
  service: string;
  own?: Alert;
  ownStrength: number;
  seenByCallers?: Alert;
  callerStrength: number;
  onsetMs: number;
  explainedBy?: string;
  explained: number;
  change?: Change;
}

const CALLER_WEIGHT = 0.9;
const EXPLAIN_WEIGHT = 0.85;
const RESOURCE_EXPLAIN_WEIGHT = 0.35;
const CHANGE_BONUS = 0.25;
const FIRST_BONUS = 0.05;
/** Onsets this close count as simultaneous: buckets and scrape intervals blur order. */
const ONSET_TOLERANCE_MS = 60_000;
const CHANGE_LOOKBACK_MS = 15 * 60_000;
const MAX_CAUSES = 5;

export function rankCauses(input: RcaInput): Cause[] {
  const evidence = gatherEvidence(input.alerts);
  if (evidence.size === 0) return [];
  for (const item of evidence.values()) explainByCallees(item, evidence, input);
  for (const item of evidence.values()) item.change = recentChange(item, input.changes);

  const earliest = Math.min(...[...evidence.values()].map((e) => e.onsetMs));
  const causes: Cause[] = [];
  for (const item of evidence.values()) {
    const raw = strengthOf(item);
    const resource = item.own?.evidence ? metricSemantics(item.own.evidence.metric).resource : false;
    const discount = item.explained * (resource ? RESOURCE_EXPLAIN_WEIGHT : EXPLAIN_WEIGHT);
    let score = raw * (1 - discount);
    if (item.change) score += CHANGE_BONUS;
    if (item.onsetMs === earliest) score += FIRST_BONUS;
    const instance = item.own?.instance;
    const series = item.own?.evidence?.series ?? item.seenByCallers?.evidence?.series;
    causes.push({
      service: item.service,
      ...(instance ? { instance } : {}),
      score: Math.min(1, Math.max(0, score)),
      indicator: indicatorOf(item),
      evidence: describeEvidence(item),
      ...(series ? { series } : {}),
    });
  }
  return causes.sort((a, b) => b.score - a.score || a.service.localeCompare(b.service)).slice(0, MAX_CAUSES);
}

function gatherEvidence(alerts: readonly Alert[]): Map<string, ServiceEvidence> {
  const byService = new Map<string, ServiceEvidence>();
  const entry = (service: string): ServiceEvidence => {
    let item = byService.get(service);
    if (!item) {
      item = { service, ownStrength: 0, callerStrength: 0, onsetMs: Number.POSITIVE_INFINITY, explained: 0 };
      byService.set(service, item);
    }
    return item;
  };
  for (const alert of alerts) {
    const strength = alertStrength(alert);
    const peer = alert.labels[PEER_LABEL];
    if (peer !== undefined && alert.evidence?.metric.startsWith('opsloop.edge.')) {
      const item = entry(peer);
      if (strength > item.callerStrength) {
        item.callerStrength = strength;
        item.seenByCallers = alert;
      }
      item.onsetMs = Math.min(item.onsetMs, alert.startsMs);
      continue;
    }
    if (alert.service === undefined) continue;
    const item = entry(alert.service);
    if (strength > item.ownStrength) {
      item.ownStrength = strength;
      item.own = alert;
    }
    item.onsetMs = Math.min(item.onsetMs, alert.startsMs);
  }
  return byService;
}

function explainByCallees(item: ServiceEvidence, all: Map<string, ServiceEvidence>, input: RcaInput): void {
  const callees = new Set(input.graph.callees(item.service));
  // Edge alerts name callees the graph may not know yet (a callee that never answered).
  for (const alert of input.alerts) {
    const peer = alert.labels[PEER_LABEL];
    if (alert.service === item.service && peer !== undefined) callees.add(peer);
  }
  for (const callee of callees) {
    const other = all.get(callee);
    if (!other || other.onsetMs > item.onsetMs + ONSET_TOLERANCE_MS) continue;
    const strength = strengthOf(other);
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

/** Maps an alert to [0, 1): detector z-scores saturate smoothly, external alerts by severity. */
export function alertStrength(alert: Alert): number {
  if (alert.evidence) return 1 - Math.exp(-alert.evidence.score / 10);
  const bySeverity = { info: 0.3, warning: 0.6, error: 0.8, critical: 0.9 } as const;
  return bySeverity[alert.severity];
}

function indicatorOf(item: ServiceEvidence): string {
  if (item.own && item.ownStrength >= CALLER_WEIGHT * item.callerStrength) return item.own.name;
  if (item.seenByCallers) {
    const metric = item.seenByCallers.evidence?.metric ?? '';
    if (metric.includes('error')) return 'calls to it fail';
    if (metric.includes('latency')) return 'calls to it are slow';
    return 'calls to it changed';
  }
  return item.change ? `${item.change.kind} just before` : 'anomalous';
}
