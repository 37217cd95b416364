/**
 * The shifts of one rotation layer in a time window. Pure.
 *
 * Shift k starts at the layer's start moved by k rotation lengths and belongs to participant
 * k mod n. Lengths in days or weeks move along the local calendar, so a 09:00 handoff stays at
 * 09:00 across DST (that day's shift is 23 or 25 hours long); lengths in hours are exact.
 */
import type { RotationLayer } from '../../core/notify-api.js';
import { addDays, daysBetween, parseLocal, toLocal, toUtc, type LocalDateTime } from './zoned-time.js';

export interface LayerShift {
  userId: string;
  startMs: number;
  endMs: number;
}

const HOUR_MS = 3_600_000;
/** Bounds the work of one query; a year of hourly shifts fits. */
const MAX_SHIFTS = 10_000;

export function layerShifts(layer: RotationLayer, timeZone: string, window: { fromMs: number; toMs: number }): LayerShift[] {
  const startLocal = parseLocal(layer.start);
  const layerStart = toUtc(startLocal, timeZone);
  const layerEnd = layer.end ? toUtc(parseLocal(layer.end), timeZone) : Number.POSITIVE_INFINITY;
  const fromMs = Math.max(window.fromMs, layerStart);
  const toMs = Math.min(window.toMs, layerEnd);
  if (fromMs >= toMs) return [];

  const handoff = handoffAt(layer, startLocal, timeZone);
  const shifts: LayerShift[] = [];
  for (let k = firstShiftIndex(layer, startLocal, layerStart, fromMs, timeZone); shifts.length < MAX_SHIFTS; k++) {
    const start = handoff(k);
    if (start >= toMs) break;
    const end = handoff(k + 1);
    if (end <= fromMs) continue;
    const userId = layer.users[((k % layer.users.length) + layer.users.length) % layer.users.length] ?? '';
    shifts.push({ userId, startMs: Math.max(start, fromMs), endMs: Math.min(end, toMs) });
  }
  return layer.restriction ? restrict(shifts, layer.restriction, timeZone) : shifts;
}

/** The instant of handoff k (k = 0 is the layer's start). */
function handoffAt(layer: RotationLayer, startLocal: LocalDateTime, timeZone: string): (k: number) => number {
  const { every, unit } = layer.rotation;
  if (unit === 'hours') {
    const start = toUtc(startLocal, timeZone);
    return (k) => start + k * every * HOUR_MS;
  }
  const days = unit === 'weeks' ? every * 7 : every;
  return (k) => toUtc(addDays(startLocal, k * days), timeZone);
}

/** The index of the shift holding `fromMs`, or one before it: exact for hours, a calendar estimate otherwise. */
function firstShiftIndex(layer: RotationLayer, startLocal: LocalDateTime, layerStart: number, fromMs: number, timeZone: string): number {
  const { every, unit } = layer.rotation;
  if (unit === 'hours') return Math.floor((fromMs - layerStart) / (every * HOUR_MS));
  const days = unit === 'weeks' ? every * 7 : every;
  // A day is 23-25 hours, so the local date of `fromMs` is within one shift of the answer.
  return Math.floor(daysBetween(startLocal, toLocal(fromMs, timeZone)) / days) - 1;
}

/** Cuts shifts to the daily local window [from, to); a window with to <= from runs past midnight. */
function restrict(shifts: LayerShift[], restriction: { from: string; to: string }, timeZone: string): LayerShift[] {
  const [fromHour = 0, fromMinute = 0] = restriction.from.split(':').map(Number);
  const [toHour = 0, toMinute = 0] = restriction.to.split(':').map(Number);
  const overnight = toHour * 60 + toMinute <= fromHour * 60 + fromMinute;
  const out: LayerShift[] = [];
  for (const shift of shifts) {
    // Windows starting the day before the shift also reach into it when they run overnight.
    let day = addDays(toLocal(shift.startMs, timeZone), -1);
    for (let guard = 0; guard < MAX_SHIFTS; guard++, day = addDays(day, 1)) {
      const open = toUtc({ ...day, hour: fromHour, minute: fromMinute }, timeZone);
      if (open >= shift.endMs) break;
      const close = toUtc({ ...(overnight ? addDays(day, 1) : day), hour: toHour, minute: toMinute }, timeZone);
      const startMs = Math.max(open, shift.startMs);
      const endMs = Math.min(close, shift.endMs);
      if (endMs > startMs) out.push({ userId: shift.userId, startMs, endMs });
    }
  }
  return out;
}
