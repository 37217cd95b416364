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
    const edges = new Map<string, ServiceEdge>();
    const see = (caller: string, callee: string, via: ServiceEdge['via'], timeMs: number) => {
      if (caller === callee) return;
      const key = `${caller}\u0000${callee}`;
      const existing = edges.get(key);
      if (!existing || existing.lastSeenMs < timeMs) edges.set(key, { caller, callee, via, lastSeenMs: timeMs });
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
    return [...edges.values()];
  }

  private remember(span: SpanRecord): void {
    if (this.recent.size >= this.rememberSpans / 2) {
      this.older = this.recent;
      this.recent = new Map();
    }
    this.recent.set(span.spanId, span.service);
  }
}
