/**
 * When the weekly report is due: a day of the week and an hour, in a time zone, on the wall
 * clock there (so 08:00 stays 08:00 across daylight-saving changes, and a week between two
 * slots is then 167 or 169 hours). Pure: the time is passed in.
 */
import { WeekdaySchema, type Weekday } from '../../core/report-api.js';
import { addDays, toLocal, toUtc } from '../../engage/oncall/zoned-time.js';

/** Sunday first, as Date.getUTCDay counts. */
const WEEKDAYS: readonly Weekday[] = WeekdaySchema.options;

export interface WeeklySlot {
  day: Weekday;
  /** 0-23, local. */
  hour: number;
  timeZone: string;
}

/** The latest slot at or before `atMs`. */
export function slotAtOrBefore(atMs: number, slot: WeeklySlot): number {
  const local = toLocal(atMs, slot.timeZone);
  const weekday = new Date(Date.UTC(local.year, local.month - 1, local.day)).getUTCDay();
  const back = (weekday - WEEKDAYS.indexOf(slot.day) + 7) % 7;
  const date = addDays({ ...local, hour: slot.hour, minute: 0 }, -back);
  const candidate = toUtc(date, slot.timeZone);
  return candidate <= atMs ? candidate : toUtc(addDays(date, -7), slot.timeZone);
}

/** The first slot after `atMs`. */
export function slotAfter(atMs: number, slot: WeeklySlot): number {
  const latest = slotAtOrBefore(atMs, slot);
  return toUtc(addDays({ ...toLocal(latest, slot.timeZone), hour: slot.hour, minute: 0 }, 7), slot.timeZone);
}

/** The slot before `slotMs` (itself a slot): where the week it closes began. */
export function slotBefore(slotMs: number, slot: WeeklySlot): number {
  return slotAtOrBefore(slotMs - 1, slot);
}
