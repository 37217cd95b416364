/**
 * Latency outliers of one operation against its own distribution. Pure.
 *
 * Each operation keeps a decayed histogram of its span durations (duration-histogram.ts) and,
 * from it, its usual p99 and the share of spans usually past it (about 1%; more when durations
 * are lumpy). Every window counts its spans and those past that p99, and asks how likely that
 * many would be by chance: a binomial tail. One slow span in a hundred is the usual 1%;
 * 7 in 100 has a tail of 1e-4, 14 in 100 of 1e-10. A window is anomalous when at least
 * MIN_OUTLIERS spans are past the p99, at least 3× the usual share, with a tail below 1e-3;
 * strong below 1e-6 (window-episode.ts turns that into episodes).
 *
 * This is not the p95 series of the metric detector: that watches one number per service per
 * bucket, this watches each operation's own tail, so a slow endpoint among fast ones shows even
 * when the service's p95 does not move, and it keeps the slowest spans as exemplars.
 *
 * Per span: one Math.log, two increments and a compare; an outlier also a look at the exemplars.
 */
import type { SpanRecord, TraceExemplar } from '../../../core/records.js';
import { durationText, operationText, percentText, traceText } from './anomaly-text.js';
import { log10BinomialTail } from './binomial-tail.js';
import { DurationHistogram, bucketUpperMs, durationBucket } from './duration-histogram.js';
import { MAX_EXEMPLARS, type OperationRef, type TraceAnomaly } from './trace-anomaly.js';
import { WindowEpisode, type WindowVerdict } from './window-episode.js';

const QUANTILE = 0.99;
export const HALF_LIFE_MS = 60 * 60_000;
/** Decayed spans behind a p99 before it is trusted: fewer and the tail is a guess. */
const MIN_BASELINE_SPANS = 200;
export const MIN_OUTLIERS = 5;
const MIN_RATIO = 3;
const ANOMALOUS_LOG10 = -3;
const STRONG_LOG10 = -6;
/** The usual share is at least this: a histogram with nothing past its p99 bucket must not make every slower span a surprise. */
const MIN_USUAL_SHARE = 0.002;
/** One instance "dominates" when it sent at least this share of the outliers. */
const DOMINANT_SHARE = 0.8;

export class LatencyBaseline {
  readonly histogram: DurationHistogram;
  #decayedAtMs: number;
  /** Bucket of the usual p99; spans in buckets above it are outliers. -1 until trusted. */
  #p99Bucket = -1;
  #usualShare = 0;
  #learning = true;
  readonly #episode = new WindowEpisode();
  // The current window.
  #spans = 0;
  #outliers = 0;
  #exemplars: TraceExemplar[] = [];
  #instances: Map<string, number> | undefined;
  #instance: string | undefined;
  #manyInstances = false;

  constructor(nowMs: number, histogram?: DurationHistogram) {
    this.histogram = histogram ?? new DurationHistogram();
    this.#decayedAtMs = nowMs;
    this.#instances = undefined;
    this.#instance = undefined;
    this.#refreshThreshold();
  }

  observe(span: SpanRecord): void {
    const bucket = durationBucket(span.durationMs);
    this.#spans += 1;
    if (this.#learning) this.histogram.add(bucket);
    const instance = span.instance;
    if (instance !== this.#instance) {
      if (this.#spans > 1) this.#manyInstances = true;
      this.#instance = instance;
    }
    if (this.#p99Bucket >= 0 && bucket > this.#p99Bucket) this.#outlier(span);
  }

  /** Judges the window that ends now, then starts the next; `learned` says whether the operation may alarm yet. */
  close(op: OperationRef, key: string, windowStartMs: number, nowMs: number, learned: boolean): TraceAnomaly | undefined {
    const spans = this.#spans;
    const outliers = this.#outliers;
    const log10Tail = this.#p99Bucket >= 0 && learned ? this.#tail(spans, outliers) : 0;
    const verdict: WindowVerdict = log10Tail <= STRONG_LOG10 ? 'strong' : log10Tail <= ANOMALOUS_LOG10 ? 'anomalous' : 'clear';
    const step = this.#episode.judge(verdict, windowStartMs);
    let report: TraceAnomaly | undefined;
    if (step === 'opened' || (step === 'continued' && verdict !== 'clear')) {
      report = this.#report(op, key, nowMs, { spans, outliers, log10Tail });
      if (step === 'opened') report.timeMs = report.startMs;
    } else if (step === 'closed') {
      report = { ...this.#report(op, key, nowMs, { spans, outliers, log10Tail }), status: 'resolved', summary: `${operationText(op)}: latency back within its usual p99` };
    }
    this.#learning = this.#episode.learns(nowMs);
    if (this.#learning) {
      this.histogram.decay(2 ** (-(nowMs - this.#decayedAtMs) / HALF_LIFE_MS));
      this.#decayedAtMs = nowMs;
      this.#refreshThreshold();
    }
    this.#spans = 0;
    this.#outliers = 0;
    this.#exemplars = [];
    this.#instances = undefined;
    this.#manyInstances = false;
    return report;
  }

  /** Event time the histogram was last decayed to: a snapshot keeps it, so decay resumes where it stopped. */
  get decayedAtMs(): number {
    return this.#decayedAtMs;
  }

  /** Whether anything happened since the last close, or an episode waits to be closed. */
  get busy(): boolean {
    return this.#spans > 0 || this.#episode.open;
  }

  #tail(spans: number, outliers: number): number {
    if (outliers < MIN_OUTLIERS || outliers < MIN_RATIO * this.#usualShare * spans) return 0;
    return log10BinomialTail(spans, outliers, this.#usualShare);
  }

  #outlier(span: SpanRecord): void {
    this.#outliers += 1;
    if (span.instance !== undefined) {
      this.#instances ??= new Map();
      this.#instances.set(span.instance, (this.#instances.get(span.instance) ?? 0) + 1);
    }
    const exemplars = this.#exemplars;
    const last = exemplars[exemplars.length - 1];
    if (exemplars.length >= MAX_EXEMPLARS && last !== undefined && last.durationMs !== undefined && last.durationMs >= span.durationMs) return;
    const exemplar: TraceExemplar = { traceId: span.traceId, spanId: span.spanId, durationMs: span.durationMs };
    if (span.instance !== undefined) exemplar.instance = span.instance;
    exemplars.push(exemplar);
    exemplars.sort((a, b) => (b.durationMs ?? 0) - (a.durationMs ?? 0));
    if (exemplars.length > MAX_EXEMPLARS) exemplars.pop();
  }

  #refreshThreshold(): void {
    if (this.histogram.total < MIN_BASELINE_SPANS) {
      this.#p99Bucket = -1;
      return;
    }
    this.#p99Bucket = this.histogram.quantileBucket(QUANTILE);
    this.#usualShare = Math.max(MIN_USUAL_SHARE, this.histogram.shareAbove(this.#p99Bucket));
  }

  #dominantInstance(outliers: number): string | undefined {
    if (!this.#manyInstances || !this.#instances) return undefined;
    for (const [instance, count] of this.#instances) if (count >= DOMINANT_SHARE * outliers) return instance;
    return undefined;
  }

  #report(op: OperationRef, key: string, nowMs: number, window: { spans: number; outliers: number; log10Tail: number }): TraceAnomaly {
    const share = window.spans > 0 ? window.outliers / window.spans : 0;
    const thresholdMs = bucketUpperMs(this.#p99Bucket);
    const slowest = this.#exemplars[0];
    const instance = this.#dominantInstance(window.outliers);
    const slowText = slowest?.durationMs !== undefined ? `; slowest ${durationText(slowest.durationMs)}, ${traceText(slowest.traceId)}` : '';
    const where = instance !== undefined ? ` (mostly on ${instance})` : '';
    return {
      kind: 'latency_outliers',
      status: 'firing',
      key,
      operation: op,
      ...(instance !== undefined ? { instance } : {}),
      startMs: this.#episode.startMs ?? nowMs,
      timeMs: nowMs,
      summary: `${operationText(op)}: ${percentText(share)} of spans slower than its usual p99 of ${durationText(thresholdMs)} (usually ${percentText(this.#usualShare)})${where}${slowText}`,
      // A tail of 1e-6 is 0.63, 1e-20 is 0.96: saturating like the metric detector's z.
      strength: 1 - Math.exp(window.log10Tail / 6),
      severity: share >= 0.25 ? 'error' : 'warning',
      observed: share,
      usual: this.#usualShare,
      threshold: thresholdMs,
      spans: window.spans,
      exemplars: this.#exemplars,
    };
  }
}
