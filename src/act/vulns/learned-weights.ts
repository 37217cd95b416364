/**
 * Weights learned from how teams triage: each (team, factor) weight starts at 1 and moves one
 * bounded step per feedback — down 10 % when a team says a finding matters less than scored
 * ("not exploitable here", "priority too high"), up 10 % when more ("priority too low") —
 * staying within [0.5, 1.5], so no amount of feedback can silence or double a factor.
 */
import type { Factor, FindingFeedbackBody, ScoreFactor } from '../../core/findings-api.js';

export const WEIGHT_MIN = 0.5;
export const WEIGHT_MAX = 1.5;
const STEP = 0.1;

export function adjustedWeight(current: number, verdict: FindingFeedbackBody['verdict']): number {
  const next = verdict === 'priority_too_low' ? current * (1 + STEP) : current * (1 - STEP);
  return Math.round(Math.min(WEIGHT_MAX, Math.max(WEIGHT_MIN, next)) * 1000) / 1000;
}

/** The factor a verdict is about when the team did not say: exploitation for "not exploitable here", else the one that added most. */
export function feedbackFactor(verdict: FindingFeedbackBody['verdict'], breakdown: readonly ScoreFactor[], given?: Factor): Factor {
  if (given !== undefined) return given;
  if (verdict === 'not_exploitable_here') return 'exploitation';
  const top = [...breakdown].sort((a, b) => b.weighted - a.weighted)[0];
  return top?.factor ?? 'severity';
}
