/**
 * The last few closed buckets of each service, kept so a log signal can say which templates
 * made it (the lines of an error burst, the template that surged) without reading the store.
 * Pure; bounded by RECENT_BUCKETS per service and the services LogCountBuckets keeps.
 */
import type { ClosedLogBucket } from './log-count-buckets.js';

/** Enough to cover an episode's onset: it opens at most a few buckets after its first point. */
const RECENT_BUCKETS = 12;
const MAX_SERVICES = 10_000;

export interface TemplateCount {
  templateId: string;
  template: string;
  count: number;
}

export class RecentLogBuckets {
  /** Insertion order is recency, for eviction. */
  readonly #byService = new Map<string, ClosedLogBucket[]>();

  add(bucket: ClosedLogBucket): void {
    let ring = this.#byService.get(bucket.service);
    if (ring) this.#byService.delete(bucket.service);
    else if (this.#byService.size >= MAX_SERVICES) this.#byService.delete(this.#byService.keys().next().value as string);
    ring ??= [];
    ring.push(bucket);
    if (ring.length > RECENT_BUCKETS) ring.shift();
    this.#byService.set(bucket.service, ring);
  }

  /**
   * Lines per template of `service` in buckets starting within [fromMs, toMs], most first;
   * `errorsOnly` counts ERROR+ lines only (and leaves out templates without any).
   */
  templates(service: string, window: { fromMs: number; toMs: number }, errorsOnly: boolean): TemplateCount[] {
    const counts = new Map<string, TemplateCount>();
    for (const bucket of this.#byService.get(service) ?? []) {
      if (bucket.startMs < window.fromMs || bucket.startMs > window.toMs) continue;
      for (const [templateId, tally] of bucket.tallies) {
        const lines = errorsOnly ? tally.errors : tally.count;
        if (lines === 0) continue;
        const known = counts.get(templateId);
        if (known) {
          known.count += lines;
          known.template = tally.template;
        } else {
          counts.set(templateId, { templateId, template: tally.template, count: lines });
        }
      }
    }
    return [...counts.values()].sort((a, b) => b.count - a.count || a.templateId.localeCompare(b.templateId));
  }
}
