/** Plain-words pieces of anomaly summaries. Pure. */
import type { OperationRef } from './trace-anomaly.js';

export function durationText(ms: number): string {
  if (ms >= 10_000) return `${(ms / 1000).toFixed(0)} s`;
  if (ms >= 1000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 10) return `${ms.toFixed(0)} ms`;
  if (ms >= 1) return `${ms.toFixed(1)} ms`;
  return `${(ms * 1000).toFixed(0)} µs`;
}

export function percentText(share: number): string {
  const pct = share * 100;
  return pct >= 10 || pct === 0 ? `${pct.toFixed(0)}%` : `${pct.toFixed(1)}%`;
}

/** Enough of a trace id to find it by eye; the evidence carries the whole id. */
export function traceText(traceId: string): string {
  return `trace ${traceId.slice(0, 8)}…`;
}

export function operationText(op: OperationRef): string {
  return `${op.service} ${op.name}`;
}

/** Fan-out means: whole numbers stay whole, "1 → 30" reads better than "1.0 → 30.0". */
export function countText(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}
