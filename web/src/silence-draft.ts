/**
 * A silence being written in the UI: prefilled from an alert, edited, previewed, saved.
 * Pure, so the prefill rule is tested without a browser.
 */
import type { Alert, Matcher, SilenceInput } from './types.js';

export interface SilenceDraft {
  matchers: Matcher[];
  reason: string;
  createdBy: string;
  /** How long from now it mutes. */
  hours: number;
}

/** Labels that identify one delivery rather than the problem; a silence on them mutes only that one. */
const DELIVERY_LABELS = new Set(['dedup_key']);

/** Every identifying label of the alert as an equality matcher, and its service when no label names it. */
export function draftFromAlert(alert: Pick<Alert, 'labels' | 'service' | 'name'>): SilenceDraft {
  const matchers: Matcher[] = Object.entries(alert.labels)
    .filter(([name]) => !DELIVERY_LABELS.has(name))
    .map(([name, value]) => ({ name, op: '=', value }));
  if (alert.service && !('service' in alert.labels)) matchers.unshift({ name: 'service', op: '=', value: alert.service });
  if (matchers.length === 0) matchers.push({ name: 'name', op: '=', value: alert.name });
  return { matchers, reason: '', createdBy: '', hours: 2 };
}

export function silenceInputOf(draft: SilenceDraft, nowMs: number): SilenceInput {
  return {
    matchers: draft.matchers,
    reason: draft.reason,
    createdBy: draft.createdBy,
    endsAt: new Date(nowMs + draft.hours * 3_600_000).toISOString(),
  };
}

export function describeMatcher(matcher: Matcher): string {
  return `${matcher.name}${matcher.op}"${matcher.value}"`;
}
