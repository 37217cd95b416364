/**
 * The page cursor of log search: the (time, id) of the last log of a page, as one opaque
 * token (base 36, no Buffer, so web/ can share this file) that clients pass back unchanged. Pure.
 */

export interface LogPosition {
  timeMs: number;
  id: number;
}

export function encodeLogCursor(position: LogPosition): string {
  return `${position.timeMs.toString(36)}.${position.id.toString(36)}`;
}

/** The position in `cursor`, or undefined when it is not one encodeLogCursor made. */
export function decodeLogCursor(cursor: string): LogPosition | undefined {
  const match = /^(-?[0-9a-z]{1,11})\.([0-9a-z]{1,11})$/.exec(cursor);
  if (!match) return undefined;
  const timeMs = parseInt(match[1] as string, 36);
  const id = parseInt(match[2] as string, 36);
  return Number.isSafeInteger(timeMs) && Number.isSafeInteger(id) ? { timeMs, id } : undefined;
}
