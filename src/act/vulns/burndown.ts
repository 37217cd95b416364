/**
 * Open findings over time, from their status history: a finding counts at time t when its
 * last transition at or before t went to open, triaged or in_remediation; it counts as overdue
 * too when its (current) deadline had passed by t. Pure.
 */
import { ACTIVE_STATUSES, type FindingHistoryEntry } from '../../core/findings-api.js';

export interface BurndownPoint {
  timeMs: number;
  open: number;
  overdue: number;
}

export function burndown(history: ReadonlyArray<FindingHistoryEntry & { findingId: string }>, dueMs: ReadonlyMap<string, number>, times: readonly number[]): BurndownPoint[] {
  const sorted = [...history].sort((a, b) => a.timeMs - b.timeMs);
  const status = new Map<string, FindingHistoryEntry['to']>();
  let next = 0;
  return [...times].sort((a, b) => a - b).map((timeMs) => {
    while (next < sorted.length && (sorted[next] as FindingHistoryEntry).timeMs <= timeMs) {
      const entry = sorted[next++] as FindingHistoryEntry & { findingId: string };
      status.set(entry.findingId, entry.to);
    }
    let open = 0;
    let overdue = 0;
    for (const [id, to] of status) {
      if (!ACTIVE_STATUSES.includes(to)) continue;
      open++;
      if ((dueMs.get(id) ?? Number.POSITIVE_INFINITY) < timeMs) overdue++;
    }
    return { timeMs, open, overdue };
  });
}

/** `points` evenly spaced times from `fromMs` to `toMs`, both included. */
export function evenTimes(fromMs: number, toMs: number, points: number): number[] {
  const step = (toMs - fromMs) / Math.max(1, points - 1);
  return Array.from({ length: points }, (_, i) => Math.round(fromMs + i * step));
}
