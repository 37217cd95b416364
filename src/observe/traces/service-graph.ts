/**
 * Call edges from spans. Pure; remembers the service of recent spans (bounded) so that a
 * server span whose parent sits in another service yields caller → callee even when the
 * caller's client span carried no peer attributes.
 */
import type { ServiceEdge, SpanRecord } from '../../core/records.js';

export class ServiceGraphBuilder {
  /**
   * Span id → service in two generations of up to rememberSpans / 2 each: when the newer one
   * fills, the older is dropped whole. Evicting the oldest entry one span at a time (delete +
   * keys().next()) was most of this builder's cost, because a Map skips its deleted slots on
   * every iteration until it rehashes; generations keep between half and all of the bound.
   */
  private recent = new Map<string, string>();
  private older = new Map<string, string>();

  constructor(private readonly rememberSpans = 200_000) {}

  /** Edges seen in these spans (deduplicated, newest time per edge). */
  add(spans: readonly SpanRecord[]): ServiceEdge[] {
    // Caller → callee → edge: nearly every span sees an edge already seen in the batch, so
    // the lookup neither builds a key string nor a new edge object for it.
    const byCaller = new Map<string, Map<string, ServiceEdge>>();
    const found: ServiceEdge[] = [];
    const see = (caller: string, callee: string, via: ServiceEdge['via'], timeMs: number) => {
      if (caller === callee) return;
      let byCallee = byCaller.get(caller);
      if (byCallee === undefined) {
        byCallee = new Map();
        byCaller.set(caller, byCallee);
      }
      const existing = byCallee.get(callee);
      if (existing === undefined) {
        const edge: ServiceEdge = { caller, callee, via, lastSeenMs: timeMs };
        byCallee.set(callee, edge);
        found.push(edge);
      } else if (existing.lastSeenMs < timeMs) {
        existing.via = via;
        existing.lastSeenMs = timeMs;
      }
    };
    for (const span of spans) this.remember(span);
    for (const span of spans) {
      if ((span.kind === 'client' || span.kind === 'producer') && span.peerService) {
        see(span.service, span.peerService, 'peer', span.startMs);
      }
      if (span.parentSpanId) {
        const parentService = this.recent.get(span.parentSpanId) ?? this.older.get(span.parentSpanId);
        if (parentService && parentService !== span.service) see(parentService, span.service, 'span', span.startMs);
      }
    }
    return found;
  }

  private remember(span: SpanRecord): void {
    if (this.recent.size >= this.rememberSpans / 2) {
      this.older = this.recent;
      this.recent = new Map();
    }
    this.recent.set(span.spanId, span.service);
  }
}
