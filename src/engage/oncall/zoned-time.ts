/**
 * Wall-clock time in an IANA time zone, through Intl only (no tz database of our own). Pure.
 *
 * Local → UTC follows the usual two-pass method (as described for date-fns-tz's `toDate` and
 * Temporal's "compatible" disambiguation): read the zone's offset at a first guess, correct,
 * and read again. A local time that does not exist (the spring-forward gap) moves forward by
 * the gap; one that exists twice (fall back) takes the earlier instant.
 */

export interface LocalDateTime {
  year: number;
  /** 1-12. */
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** The local date and time at instant `utcMs` in `timeZone` (seconds dropped). */
export function toLocal(utcMs: number, timeZone: string): LocalDateTime {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(utcMs))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return { year: parts.year ?? 0, month: parts.month ?? 1, day: parts.day ?? 1, hour: parts.hour ?? 0, minute: parts.minute ?? 0 };
}

/** The zone's offset from UTC at instant `utcMs`, in ms (Berlin in summer: +7,200,000). */
export function offsetAt(utcMs: number, timeZone: string): number {
  const local = toLocal(utcMs, timeZone);
  const seconds = new Date(utcMs).getUTCSeconds();
  const asUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, seconds);
  return asUtc - Math.floor(utcMs / 1000) * 1000;
}

/** The instant at which the wall clock in `timeZone` shows `local` (see the header for gaps and folds). */
export function toUtc(local: LocalDateTime, timeZone: string): number {
  const wall = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
  const first = wall - offsetAt(wall, timeZone);
  const firstOffset = offsetAt(first, timeZone);
  const second = wall - firstOffset;
  if (second === first) {
    // A fold: the earlier of the two instants showing this wall time, when there is one.
    const earlierOffset = offsetAt(first - 3_600_000, timeZone);
    if (earlierOffset !== firstOffset && wall - earlierOffset < first && offsetAt(wall - earlierOffset, timeZone) === earlierOffset) {
      return wall - earlierOffset;
    }
    return first;
  }
  // The two guesses disagree: either settled on the second read, or `local` falls in a gap.
  if (offsetAt(second, timeZone) === firstOffset) return second;
  // In the gap: keep the wall-clock distance from the last valid time, i.e. move forward by the gap.
  return wall - Math.min(firstOffset, offsetAt(second, timeZone));
}

/** `local` moved by whole calendar days (month and year carry as in the Gregorian calendar). */
export function addDays(local: LocalDateTime, days: number): LocalDateTime {
  const date = new Date(Date.UTC(local.year, local.month - 1, local.day + days));
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), hour: local.hour, minute: local.minute };
}

/** Parses `YYYY-MM-DDTHH:mm` (already validated by the schema). */
export function parseLocal(text: string): LocalDateTime {
  const [date = '', time = ''] = text.split('T');
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  const [hour = 0, minute = 0] = time.split(':').map(Number);
  return { year, month, day, hour, minute };
}

/** Whole days from `a`'s date to `b`'s date (times ignored). */
export function daysBetween(a: LocalDateTime, b: LocalDateTime): number {
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000);
}
