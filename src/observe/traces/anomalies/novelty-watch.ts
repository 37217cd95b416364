/**
 * Watches things never seen before (an error type, a call) from their first sight: each is
 * news once it repeats (MIN_HITS within REPEAT_WINDOW_MS) more often than its absence so far
 * allows. An operation that made N spans without it could still have had it at a rate up to
 * about 6.9/N (a 99.9% bound, the "rule of three" made stricter for the thousands of operation
 * and callee pairs watched at once), so k hits in the n spans since its first sight are news
 * only when a binomial tail P(X >= k | n, 6.9/N) is below 1e-3: a rare path showing up a few
 * times in a few thousand requests is not; a new failure on 5% of requests is, within a window. It fires
 * while it keeps happening and resolves once quiet for QUIET_MS, or NEW_FOR_MS after it first
 * appeared: by then it is no longer new. At most `perHour` per service fire in any hour of event
 * time, so a release that adds a dozen new calls opens a few alerts, not a dozen. The same rules
 * as new log templates (src/observe/logs/signals/new-template-alerts.ts). Pure.
 */
import type { TraceExemplar } from '../../../core/records.js';
import { log10BinomialTail } from './binomial-tail.js';
import { MAX_EXEMPLARS } from './trace-anomaly.js';

export const MIN_HITS = 3;
export const REPEAT_WINDOW_MS = 5 * 60_000;
export const QUIET_MS = 2 * 60_000;
export const NEW_FOR_MS = 60 * 60_000;
const HOUR_MS = 3_600_000;
/** New things waiting for repeats; beyond this the oldest waits no more. */
const MAX_WATCHED = 10_000;
const NEWS_LOG10 = -3;
/** -ln(0.001): N spans without it bound its rate below ~6.9/N with 99.9% confidence. */
const UNSEEN_RATE_BOUND = 6.9;

/** What the novelty's rate is measured against: its operation's span count, as it grows. */
export interface SpanCounter {
  readonly spans: number;
}

export interface Novelty<T> {
  service: string;
  subject: T;
  firstMs: number;
  lastMs: number;
  hits: number;
  exemplars: TraceExemplar[];
  /** Hits when it was last reported; undefined until it fires. */
  reportedHits: number | undefined;
  /** Over the hourly limit: watched until it expires, never reported. */
  dropped: boolean;
  counter: SpanCounter;
  /** The counter at first sight: spans that went by without it. */
  spansBefore: number;
}

export interface NoveltyChange<T> {
  novelty: Novelty<T>;
  /** `opened` on firing, `continued` when it hit again since, `closed` when it is no longer news. */
  step: 'opened' | 'continued' | 'closed';
}

export class NoveltyWatch<T> {
  readonly #perHour: number;
  readonly #watched = new Map<string, Novelty<T>>();
  /** Service → event times of its recent reports, oldest first. */
  readonly #recent = new Map<string, number[]>();

  constructor(perHour: number) {
    this.#perHour = perHour;
  }

  get size(): number {
    return this.#watched.size;
  }

  /** The first sight of something new, in a span counted by `counter` (already counted). */
  start(key: string, first: { service: string; subject: T; counter: SpanCounter }, timeMs: number, exemplar: TraceExemplar): void {
    if (this.#watched.size >= MAX_WATCHED) this.#watched.delete(this.#watched.keys().next().value as string);
    const { service, subject, counter } = first;
    const spansBefore = Math.max(counter.spans - 1, 1);
    this.#watched.set(key, { service, subject, firstMs: timeMs, lastMs: timeMs, hits: 0, exemplars: [], reportedHits: undefined, dropped: false, counter, spansBefore });
    this.hit(key, timeMs, exemplar);
  }

  /** Another sighting; false when `key` is not watched (old news, or never new). */
  hit(key: string, timeMs: number, exemplar: TraceExemplar, count = 1): boolean {
    const novelty = this.#watched.get(key);
    if (!novelty) return false;
    novelty.hits += count;
    if (timeMs > novelty.lastMs) novelty.lastMs = timeMs;
    if (novelty.exemplars.length < MAX_EXEMPLARS) novelty.exemplars.push(exemplar);
    return true;
  }

  /** What changed by `watermarkMs`; expired and closed ones stop being watched. */
  review(watermarkMs: number): NoveltyChange<T>[] {
    const changes: NoveltyChange<T>[] = [];
    for (const [key, novelty] of this.#watched) {
      const age = watermarkMs - novelty.firstMs;
      if (novelty.reportedHits === undefined) {
        if (!novelty.dropped && novelty.hits >= MIN_HITS && novelty.lastMs - novelty.firstMs <= REPEAT_WINDOW_MS && isNews(novelty)) {
          if (this.#allow(novelty.service, watermarkMs)) {
            novelty.reportedHits = novelty.hits;
            changes.push({ novelty, step: 'opened' });
            continue;
          }
          novelty.dropped = true;
        }
        if (age > (novelty.dropped ? NEW_FOR_MS : REPEAT_WINDOW_MS)) this.#watched.delete(key);
      } else if (watermarkMs - novelty.lastMs >= QUIET_MS || age >= NEW_FOR_MS) {
        this.#watched.delete(key);
        changes.push({ novelty, step: 'closed' });
      } else if (novelty.hits > novelty.reportedHits) {
        novelty.reportedHits = novelty.hits;
        changes.push({ novelty, step: 'continued' });
      }
    }
    return changes;
  }

  #allow(service: string, timeMs: number): boolean {
    const times = (this.#recent.get(service) ?? []).filter((t) => t > timeMs - HOUR_MS);
    if (times.length >= this.#perHour) return false;
    times.push(timeMs);
    this.#recent.set(service, times);
    return true;
  }
}

/** More hits since first sight than the spans that went by without it allow (see the header). */
function isNews(novelty: Novelty<unknown>): boolean {
  const since = Math.max(novelty.counter.spans - novelty.spansBefore, novelty.hits);
  return log10BinomialTail(since, novelty.hits, Math.min(UNSEEN_RATE_BOUND / novelty.spansBefore, 1)) <= NEWS_LOG10;
}
