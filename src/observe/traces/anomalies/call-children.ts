/**
 * Joins the outgoing calls (client and producer spans) of each parent span with the parent's
 * operation. Pure, bounded.
 *
 * A call span and its parent come from the same process, and the call ends before its parent
 * (unless it is fire-and-forget), so the SDK exports it in the same batch as the parent or an
 * earlier one. So calls are gathered per parent span id as they arrive, and when the parent
 * itself arrives (`parents`, at the end of its batch) its group is complete and settles. Groups
 * whose parent does not come within SETTLE_MS of event time (dropped, sampled out, or a call
 * that outlived its parent) are forgotten. Nothing is remembered of spans without calls, which
 * keeps the join at one Map lookup per span and the map at the calls in flight.
 */
import type { SpanRecord } from '../../../core/records.js';

export const SETTLE_MS = 30_000;
const MAX_OPEN_GROUPS = 50_000;

/** The calls one parent span made, per callee (peer and name side by side: no key string per call). */
export interface CallGroup {
  readonly traceId: string;
  readonly parentSpanId: string;
  /** Event time of the first call seen. */
  firstMs: number;
  readonly peers: Array<string | undefined>;
  readonly names: string[];
  readonly counts: number[];
}

interface OpenGroup extends CallGroup {
  /** The watermark when the first call arrived: groups expire in arrival order. */
  readonly openedMs: number;
  settled: boolean;
}

export class CallChildren {
  readonly #open = new Map<string, OpenGroup>();
  /** Open groups in the order they opened, for expiry from the oldest; `#head` is the next. */
  #queue: OpenGroup[] = [];
  #head = 0;

  /** Files a call span under its parent, if it has one. */
  addCall(span: SpanRecord, watermarkMs: number): void {
    const parentSpanId = span.parentSpanId;
    if (parentSpanId === undefined) return;
    const peer = span.peerService;
    const name = span.name;
    const group = this.#open.get(parentSpanId);
    if (!group) {
      if (this.#open.size >= MAX_OPEN_GROUPS) this.#expire(Number.POSITIVE_INFINITY, 1);
      const opened: OpenGroup = { traceId: span.traceId, parentSpanId, openedMs: watermarkMs, firstMs: span.startMs, peers: [peer], names: [name], counts: [1], settled: false };
      this.#open.set(parentSpanId, opened);
      this.#queue.push(opened);
      return;
    }
    const { peers, names, counts } = group;
    let index = 0;
    while (index < names.length && (names[index] !== name || peers[index] !== peer)) index++;
    if (index < names.length) counts[index] = (counts[index] ?? 0) + 1;
    else {
      peers.push(peer);
      names.push(name);
      counts.push(1);
    }
    if (span.startMs < group.firstMs) group.firstMs = span.startMs;
  }

  /**
   * Hands each parent in `spans` (one batch, after its calls were filed) its group, when it has
   * one and `settled` takes it (a span that cannot make calls is refused: its id may be shared),
   * and forgets groups older than SETTLE_MS before `watermarkMs`.
   */
  settle(spans: readonly SpanRecord[], settled: (index: number, group: CallGroup) => boolean, watermarkMs: number): void {
    if (this.#open.size > 0) {
      for (let i = 0; i < spans.length; i++) {
        const group = this.#open.get((spans[i] as SpanRecord).spanId);
        if (group === undefined || !settled(i, group)) continue;
        this.#open.delete(group.parentSpanId);
        group.settled = true;
      }
    }
    this.#expire(watermarkMs - SETTLE_MS, Number.POSITIVE_INFINITY);
  }

  /** Forgets up to `limit` unsettled groups opened before `beforeMs`, oldest first. */
  #expire(beforeMs: number, limit: number): void {
    const queue = this.#queue;
    let forgotten = 0;
    while (this.#head < queue.length && forgotten < limit) {
      const group = queue[this.#head] as OpenGroup;
      if (!group.settled && group.openedMs >= beforeMs) break;
      this.#head += 1;
      if (group.settled) continue;
      this.#open.delete(group.parentSpanId);
      forgotten += 1;
    }
    // Drop the passed prefix now and then, not per group: one copy per half-queue passed.
    if (this.#head > 1024 && this.#head * 2 > queue.length) {
      this.#queue = queue.slice(this.#head);
      this.#head = 0;
    }
  }
}
