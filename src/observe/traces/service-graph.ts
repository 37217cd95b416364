/**
 * Call edges from spans. Pure; remembers the service of recent spans (bounded) so that a
 * server span whose parent sits in another service yields caller → callee even when the
 * caller's client span carried no peer attributes.
 */
import type { ServiceEdge, SpanRecord } from '../../core/records.js';

export class ServiceGraphBuilder {
  private readonly spanService = new Map<string, string>();

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
        const parentService = this.spanService.get(span.parentSpanId);
        if (parentService && parentService !== span.service) see(parentService, span.service, 'span', span.startMs);
      }
    }
    return [...edges.values()];
  }

  private remember(span: SpanRecord): void {
    this.spanService.set(span.spanId, span.service);
    if (this.spanService.size > this.rememberSpans) {
      const oldest = this.spanService.keys().next().value;
      if (oldest !== undefined) this.spanService.delete(oldest);
    }
  }
}
