import { formatAbsolute, formatRelative } from '../format.js';

/** Relative time for scanning, absolute time beside it for correlating with other tools. */
export function TimeText({ ms, nowMs, inline = false }: { ms: number; nowMs: number; inline?: boolean }) {
  const relative = formatRelative(ms, nowMs);
  const absolute = formatAbsolute(ms);
  return (
    <time dateTime={new Date(ms).toISOString()} title={absolute} className={inline ? 'time inline' : 'time'}>
      <span className="time-relative">{relative}</span>
      <span className="time-absolute">{absolute}</span>
    </time>
  );
}
