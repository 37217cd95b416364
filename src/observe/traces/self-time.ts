/**
 * A span's self time: its duration minus the time covered by at least one of its children,
 * counted only inside the span itself. Overlapping (parallel) children count once; a child that
 * runs past its parent's end, or entirely after it (an async consumer, a fire-and-forget call),
 * takes only the part inside the parent. Latency that arises in a span's own code shows up
 * here and not in its callers' self time, which is what trace pages and RCA look for.
 * Pure: spans in, numbers out.
 */
import type { SpanRecord } from '../../core/records.js';

export type TimedSpan = Pick<SpanRecord, 'spanId' | 'parentSpanId' | 'startMs' | 'durationMs'>;

interface Interval {
  start: number;
  end: number;
}

/** Self time of every span, by span id; children are the spans naming it as parent. */
export function selfTimes(spans: readonly TimedSpan[]): Map<string, number> {
  const children = new Map<string, TimedSpan[]>();
  for (const span of spans) {
    if (span.parentSpanId === undefined) continue;
    const siblings = children.get(span.parentSpanId);
    if (siblings) siblings.push(span);
    else children.set(span.parentSpanId, [span]);
  }
  return new Map(spans.map((span) => [span.spanId, selfTime(span, children.get(span.spanId) ?? [])]));
}

/** `span`'s duration minus the union of its children's time within it; never negative. */
export function selfTime(span: TimedSpan, children: readonly TimedSpan[]): number {
  const start = span.startMs;
  const end = span.startMs + span.durationMs;
  const inside: Interval[] = [];
  for (const child of children) {
    const from = Math.max(start, child.startMs);
    const to = Math.min(end, child.startMs + child.durationMs);
    if (to > from) inside.push({ start: from, end: to });
  }
  return Math.max(0, span.durationMs - unionLength(inside));
}

function unionLength(intervals: Interval[]): number {
  intervals.sort((a, b) => a.start - b.start);
  let total = 0;
  let current: Interval | undefined;
  for (const interval of intervals) {
    if (current && interval.start <= current.end) {
      current.end = Math.max(current.end, interval.end);
      continue;
    }
    if (current) total += current.end - current.start;
    current = { ...interval };
  }
  return current ? total + current.end - current.start : total;
}
