/**
 * NAB timestamps ("2014-04-10 07:15:00" in data files, "2014-04-10 07:15:00.000000" in
 * labels) to integer microseconds since the epoch, read as UTC. Pure.
 *
 * NAB matches window edges to rows by timestamp equality, so both spellings must map to the
 * same number; integers below 2^53 compare exactly, where Date.parse would drop microseconds.
 */
const PATTERN = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?$/;

export function parseNabTimestamp(text: string): number {
  const match = PATTERN.exec(text.trim());
  if (!match) throw new RangeError(`timestamp: expected "YYYY-MM-DD HH:MM:SS[.ffffff]", got ${JSON.stringify(text)}`);
  const [, y, mo, d, h, mi, s, fraction] = match;
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  return ms * 1000 + Number((fraction ?? '').padEnd(6, '0'));
}
