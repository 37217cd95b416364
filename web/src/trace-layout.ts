/**
 * The geometry of a trace waterfall: spans in tree order (each under its parent, siblings by
 * start), their place on the trace's time axis, axis ticks and one colour per service. Pure.
 */
import type { TraceSpan } from './types.js';

export interface WaterfallRow {
  span: TraceSpan;
  /** 0 for a root; a span whose parent is not stored is shown as a root too. */
  depth: number;
  /** Bar position and width, as fractions of the trace's span of time. */
  left: number;
  width: number;
}

export interface Waterfall {
  startMs: number;
  durationMs: number;
  rows: WaterfallRow[];
}

/** Colour-blind-friendly, distinct on white; services past the end reuse them in order. */
const SERVICE_COLOURS = ['#2563eb', '#d97706', '#059669', '#7c3aed', '#db2777', '#0891b2', '#65a30d', '#9333ea', '#ea580c', '#0f766e'];

export function waterfall(spans: readonly TraceSpan[]): Waterfall {
  // Folds, not Math.min(...spans): a trace of 100k+ spans would overflow the argument list.
  const startMs = spans.reduce((earliest, span) => Math.min(earliest, span.startMs), Number.POSITIVE_INFINITY);
  const endMs = spans.reduce((latest, span) => Math.max(latest, span.startMs + span.durationMs), Number.NEGATIVE_INFINITY);
  const durationMs = spans.length > 0 ? endMs - startMs : 0;
  const ids = new Set(spans.map((span) => span.spanId));
  const children = new Map<string | undefined, TraceSpan[]>();
  for (const span of [...spans].sort((a, b) => a.startMs - b.startMs)) {
    const parent = span.parentSpanId !== undefined && ids.has(span.parentSpanId) ? span.parentSpanId : undefined;
    const siblings = children.get(parent);
    if (siblings) siblings.push(span);
    else children.set(parent, [span]);
  }

  const rows: WaterfallRow[] = [];
  const placed = new Set<string>();
  const place = (span: TraceSpan, depth: number): void => {
    // A parent link loop (bad data) must not recurse for ever; each span shows once.
    if (placed.has(span.spanId)) return;
    placed.add(span.spanId);
    const left = durationMs > 0 ? (span.startMs - startMs) / durationMs : 0;
    const width = durationMs > 0 ? span.durationMs / durationMs : 1;
    rows.push({ span, depth, left, width });
    for (const child of children.get(span.spanId) ?? []) place(child, depth + 1);
  };
  for (const root of children.get(undefined) ?? []) place(root, 0);
  // Spans only reachable through a loop of parent links.
  for (const span of spans) place(span, 0);
  return { startMs, durationMs, rows };
}

/** `count` + 1 evenly spaced offsets from 0 to the trace's duration, for the axis. */
export function axisTicks(durationMs: number, count = 4): number[] {
  return Array.from({ length: count + 1 }, (_, index) => (durationMs * index) / count);
}

/** One colour per service, stable within a trace: by the service's place in the sorted list. */
export function serviceColour(service: string, services: readonly string[]): string {
  const index = Math.max(0, [...services].sort().indexOf(service));
  return SERVICE_COLOURS[index % SERVICE_COLOURS.length] as string;
}
