/**
 * Turns an operator's merge or split into training examples for the grouping model. Pure.
 *
 * - A merge of A into B says the alerts that opened A should have joined B: one positive
 *   example per opener, with its features against B (as scored at the time when B was a
 *   candidate, else as they would be now).
 * - A split of alerts off an incident says those that joined it should not have: one negative
 *   example each, with the features its decision stored.
 */
import type { Alert, CorrelationCandidate, GroupingFeedback } from '../../core/records.js';

export function mergeExamples(
  sourceAlerts: readonly Alert[],
  intoId: string,
  featuresNow: (alert: Alert) => CorrelationCandidate | undefined,
  meta: { by: string; timeMs: number },
): GroupingFeedback[] {
  const examples: GroupingFeedback[] = [];
  for (const alert of sourceAlerts) {
    if (alert.correlation?.outcome !== 'opened') continue;
    const scored = alert.correlation.candidates.find((c) => c.incidentId === intoId) ?? featuresNow(alert);
    if (!scored) continue;
    examples.push({ ...meta, action: 'merge', alertId: alert.id, incidentId: intoId, features: scored.features, joined: true });
  }
  return examples;
}

export function splitExamples(movedAlerts: readonly Alert[], sourceId: string, meta: { by: string; timeMs: number }): GroupingFeedback[] {
  return movedAlerts.flatMap((alert) => {
    const decision = alert.correlation;
    if (decision?.outcome !== 'joined' || decision.incidentId !== sourceId) return [];
    return [{ ...meta, action: 'split' as const, alertId: alert.id, incidentId: sourceId, features: decision.features, joined: false }];
  });
}
