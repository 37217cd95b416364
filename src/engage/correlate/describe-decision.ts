/**
 * The words for a grouping decision, e.g. "joined: checkout→payment path, 40 s apart, text
 * similarity 0.82, score 0.91 ≥ 0.5" or "opened: best candidate inc_x scored 0.31 < 0.5". Pure.
 */
import type { ServiceGraph } from '../../core/service-graph.js';
import type { Features } from './features.js';
import type { RuleVerdict } from './grouping-rules.js';
import type { CorrelatedAlert, IncidentProfile } from './incident-profile.js';

export interface ScoredCandidate {
  profile: IncidentProfile;
  features: Features;
  score: number;
  /** Since the incident's last new alert. */
  gapMs: number;
  /** The incident's service nearest the alert's, when one is within reach. */
  via?: string;
  verdict?: RuleVerdict;
}

export function describeJoin(alert: CorrelatedAlert, chosen: ScoredCandidate, graph: ServiceGraph, maxDistance: number, threshold: number): string {
  const parts = [where(alert, chosen, graph, maxDistance), when(chosen.gapMs)];
  if (chosen.features.labels >= 0.05) parts.push(`label similarity ${chosen.features.labels.toFixed(2)}`);
  if (chosen.features.text >= 0.05) parts.push(`text similarity ${chosen.features.text.toFixed(2)}`);
  const score = `score ${chosen.score.toFixed(2)}`;
  if (chosen.verdict?.effect === 'join') return `joined by rule "${chosen.verdict.rule}": ${parts.join(', ')}, ${score}`;
  return `joined: ${parts.join(', ')}, ${score} ≥ ${threshold}`;
}

export function describeOpen(best: ScoredCandidate | undefined, threshold: number, windowMs: number): string {
  if (!best) return `opened: no open incident active within ${Math.round(windowMs / 1000)} s`;
  if (best.verdict?.effect === 'separate') return `opened: best candidate ${best.profile.id} (score ${best.score.toFixed(2)}) kept apart by rule "${best.verdict.rule}"`;
  return `opened: best candidate ${best.profile.id} scored ${best.score.toFixed(2)} < ${threshold}`;
}

function where(alert: CorrelatedAlert, chosen: ScoredCandidate, graph: ServiceGraph, maxDistance: number): string {
  if (alert.service === undefined) return 'no service to place it';
  if (chosen.via === undefined) return `${alert.service} not within ${maxDistance} hops of ${[...chosen.profile.services].join(', ') || 'its services'}`;
  if (chosen.via === alert.service) return `same service ${alert.service}`;
  const path = graph.path(chosen.via, alert.service, maxDistance);
  return path ? `${path.join('→')} path` : `${alert.service} near ${chosen.via}`;
}

function when(gapMs: number): string {
  return gapMs <= 0 ? 'at once' : `${Math.round(gapMs / 1000)} s after its last new alert`;
}
