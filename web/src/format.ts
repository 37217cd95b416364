/** Formatting shared by the pages. Times are epoch ms of event time. */
import { formatDuration } from '../../src/core/duration-text.js';

export { formatDuration };

const absolute = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: 'short',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});

export function formatAbsolute(ms: number): string {
  return absolute.format(new Date(ms));
}

const precise = new Intl.DateTimeFormat(undefined, {
  month: 'short',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  fractionalSecondDigits: 3,
  hour12: false,
});

/** To the millisecond, for log lines: order within a second matters there. */
export function formatPrecise(ms: number): string {
  return precise.format(new Date(ms));
}

const clock = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });

/** Time of day only, for dense tables where the date sits in a tooltip. */
export function formatClock(ms: number): string {
  return clock.format(new Date(ms));
}


/**
 * The "now" that relative times count back from: the viewer's clock, unless the data is ahead
 * of it (the demo runs simulated time faster than real time), where "in 1h" would read as a bug.
 */
export function viewNow(eventTimesMs: readonly number[]): number {
  return eventTimesMs.reduce((latest, time) => Math.max(latest, time), Date.now());
}

/** Relative to the viewer's clock: "how long ago did this start, for me". */
export function formatRelative(ms: number, nowMs: number): string {
  const delta = nowMs - ms;
  if (Math.abs(delta) < 5000) return 'just now';
  return delta > 0 ? `${formatDuration(delta)} ago` : `in ${formatDuration(-delta)}`;
}

export function formatScore(score: number): string {
  return score.toFixed(2);
}

/** Numbers on evidence: keep small ratios readable without a wall of digits. */
export function formatValue(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const magnitude = Math.abs(value);
  if (magnitude !== 0 && (magnitude < 0.001 || magnitude >= 1e6)) return value.toExponential(2);
  return Number(value.toPrecision(4)).toString();
}

/** Span durations: "0.42 ms", "12.5 ms", "1.24 s", "2m 5s"; spans live between microseconds and minutes. */
export function formatMillis(ms: number): string {
  if (!Number.isFinite(ms)) return String(ms);
  if (ms < 1) return `${Number(ms.toFixed(2))} ms`;
  if (ms < 1000) return `${Number(ms.toPrecision(3))} ms`;
  if (ms < 60_000) return `${Number((ms / 1000).toPrecision(3))} s`;
  return formatDuration(ms);
}
