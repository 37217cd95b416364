/**
 * Gathers the outgoing calls (client and producer spans) of each parent span and hands them over
 * once they have settled, with the parent's operation. Pure, bounded.
 *
 * Children end before their parent and are often exported first, so the join waits: a parent's
 * calls are collected as they arrive, and SETTLE_MS of event time after the first one the group
 * is closed and its parent looked up among recent spans. Only spans that can make calls are
 * remembered as parents (server, consumer and internal spans): a client span's child is the
 * callee's server span, whose service the client span's peer attributes already name.
 *
 * Per span: one Map lookup or insert; evicting the oldest keeps both maps bounded.
 */
import type { SpanRecord } from '../../../core/records.js';

export const SETTLE_MS = 15_000;
/** Parents remembered: 200,000 span ids are ~20 MB, a few seconds at 100k spans/s. */
const REMEMBER_PARENTS = 200_000;
const MAX_OPEN_GROUPS = 50_000;

/** The calls one parent span made, per callee. */
export interface CallGroup<P> {
  parent: P;
  traceId: string;
  parentSpanId: string;
  /** Event time of the first call seen. */
  firstMs: number;
  callees: string[];
  counts: number[];
}

interface OpenGroup {
  traceId: string;
  parentSpanId: string;
  /** The watermark when the first call arrived: groups close in arrival order. */
  openedMs: number;
  firstMs: number;
  callees: string[];
  counts: number[];
}

/** The callee of a call span: the service it calls (peer attributes) and the call's name. */
export function calleeOf(span: SpanRecord): string {
  return `${span.peerService ?? 'unknown peer'} ${span.name}`;
}

export class CallChildren<P> {
  readonly #parents = new Map<string, P>();
  readonly #open = new Map<string, OpenGroup>();

  /** Remembers a span that can make calls, under `parent` (its operation). */
  rememberParent(span: SpanRecord, parent: P): void {
    const parents = this.#parents;
    parents.set(span.spanId, parent);
    if (parents.size > REMEMBER_PARENTS) parents.delete(parents.keys().next().value as string);
  }

  /** Files a call span under its parent, if it has one. */
  addCall(span: SpanRecord, watermarkMs: number): void {
    const parentSpanId = span.parentSpanId;
    if (parentSpanId === undefined) return;
    const callee = calleeOf(span);
    let group = this.#open.get(parentSpanId);
    if (!group) {
      if (this.#open.size >= MAX_OPEN_GROUPS) this.#open.delete(this.#open.keys().next().value as string);
      group = { traceId: span.traceId, parentSpanId, openedMs: watermarkMs, firstMs: span.startMs, callees: [callee], counts: [1] };
      this.#open.set(parentSpanId, group);
      return;
    }
    const index = group.callees.indexOf(callee);
    if (index >= 0) group.counts[index] = (group.counts[index] ?? 0) + 1;
    else {
      group.callees.push(callee);
      group.counts.push(1);
    }
    if (span.startMs < group.firstMs) group.firstMs = span.startMs;
  }

  /** Groups opened SETTLE_MS or more before `watermarkMs`, joined with their parents; those whose parent never came are dropped. */
  settle(watermarkMs: number): CallGroup<P>[] {
    const settled: CallGroup<P>[] = [];
    for (const [id, group] of this.#open) {
      if (watermarkMs - group.openedMs < SETTLE_MS) break;
      this.#open.delete(id);
      const parent = this.#parents.get(id);
      if (parent !== undefined) settled.push({ parent, traceId: group.traceId, parentSpanId: id, firstMs: group.firstMs, callees: group.callees, counts: group.counts });
    }
    return settled;
  }
}
