/**
 * A schedule's final shifts: its layers stacked (a later layer wins wherever it has someone on
 * call) with overrides on top (the last one wins), cut into maximal runs of one person. Pure:
 * the time window is passed in. Same idea as PagerDuty's "final schedule", written from its docs.
 */
import type { Schedule, Shift } from '../../core/notify-api.js';
import { layerShifts } from './rotation.js';

interface Candidate extends Shift {
  /** Higher wins: overrides above every layer, later layers above earlier ones. */
  rank: number;
}

export function finalShifts(schedule: Schedule, window: { fromMs: number; toMs: number }): Shift[] {
  if (window.toMs <= window.fromMs) return [];
  const candidates: Candidate[] = [];
  schedule.layers.forEach((layer, index) => {
    for (const shift of layerShifts(layer, schedule.timeZone, window)) candidates.push({ ...shift, source: layer.name, rank: index });
  });
  schedule.overrides.forEach((override, index) => {
    const startMs = Math.max(override.fromMs, window.fromMs);
    const endMs = Math.min(override.toMs, window.toMs);
    if (endMs > startMs) candidates.push({ userId: override.userId, startMs, endMs, source: 'override', rank: schedule.layers.length + index });
  });

  const bounds = [...new Set(candidates.flatMap((c) => [c.startMs, c.endMs]))].sort((a, b) => a - b);
  const shifts: Shift[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const startMs = bounds[i] ?? 0;
    const endMs = bounds[i + 1] ?? 0;
    let winner: Candidate | undefined;
    for (const c of candidates) {
      if (c.startMs <= startMs && c.endMs >= endMs && (!winner || c.rank > winner.rank)) winner = c;
    }
    if (!winner) continue;
    const last = shifts.at(-1);
    if (last && last.endMs === startMs && last.userId === winner.userId && last.source === winner.source) last.endMs = endMs;
    else shifts.push({ userId: winner.userId, startMs, endMs, source: winner.source });
  }
  return shifts;
}

const WEEK_MS = 7 * 86_400_000;

/** The shift holding `atMs`, its edges cut to a week either side; undefined when nobody is on call. */
export function onCallAt(schedule: Schedule, atMs: number): Shift | undefined {
  return finalShifts(schedule, { fromMs: atMs - WEEK_MS, toMs: atMs + WEEK_MS }).find((s) => s.startMs <= atMs && s.endMs > atMs);
}
