/**
 * Counts mined logs per service in fixed event-time buckets: lines per template and lines at
 * ERROR or above. Pure: mined logs in, closed buckets out; time comes from the logs.
 *
 * A bucket closes once its service's watermark (newest log time seen) passes the bucket end by
 * one bucket, as the RED aggregator does for spans; logs later than that are counted as late
 * and left out. A closed bucket lists the templates being tracked, so a known template that
 * logged nothing gets a 0 rather than a gap: a drop must be visible to the detector.
 *
 * Memory is bounded: per service at most `templatesPerService` templates are tracked (the least
 * recently seen gives way), and a template or a whole service quiet for MAX_QUIET_BUCKETS stops
 * producing zeros.
 */
import type { MinedLog } from '../../../core/records.js';
import { ERROR_SEVERITY } from './log-series.js';

/** Quiet buckets after which zeros stop: a drop has long been reported, and silence costs nothing. */
export const MAX_QUIET_BUCKETS = 360;
/** Services counted at once; the one that logged least recently is forgotten first. */
const MAX_SERVICES = 10_000;

export interface TemplateTally {
  template: string;
  count: number;
  /** Lines of it at ERROR or above. */
  errors: number;
}

export interface ClosedLogBucket {
  service: string;
  startMs: number;
  /** Lines at ERROR or above. */
  errors: number;
  /** Every template with lines in the bucket. */
  tallies: ReadonlyMap<string, TemplateTally>;
  /** Templates with a count series: each gets a point, 0 when absent from `tallies`. */
  tracked: readonly string[];
}

export interface LogCountOptions {
  bucketMs: number;
  templatesPerService: number;
}

interface OpenBucket {
  errors: number;
  tallies: Map<string, TemplateTally>;
}

interface ServiceTrack {
  service: string;
  watermarkMs: number;
  /** Start of the first bucket not closed yet. */
  nextStartMs: number;
  open: Map<number, OpenBucket>;
  /** Template id → its text and the start of the last bucket it logged in; insertion order is recency. */
  tracked: Map<string, { template: string; lastStartMs: number }>;
  emptyRun: number;
}

export class LogCountBuckets {
  readonly #options: LogCountOptions;
  /** Insertion order is recency: the first service logged least recently. */
  readonly #services = new Map<string, ServiceTrack>();
  #late = 0;

  constructor(options: LogCountOptions) {
    if (!(options.bucketMs > 0)) throw new RangeError(`bucketMs must be positive, got ${options.bucketMs}`);
    this.#options = options;
  }

  /** Logs that arrived after their bucket had closed. */
  get late(): number {
    return this.#late;
  }

  /** Counts `logs` and returns every bucket they allowed to close, oldest first per service. */
  add(logs: readonly MinedLog[]): ClosedLogBucket[] {
    const touched = new Set<ServiceTrack>();
    for (const log of logs) {
      const track = this.#trackOf(log.service, log.timeMs);
      if (this.#count(track, log)) touched.add(track);
    }
    const closed: ClosedLogBucket[] = [];
    for (const track of touched) closed.push(...this.#closeReady(track));
    return closed;
  }

  /** The text of a template with a count series, if it still has one. */
  templateOf(service: string, templateId: string): string | undefined {
    return this.#services.get(service)?.tracked.get(templateId)?.template;
  }

  #trackOf(service: string, timeMs: number): ServiceTrack {
    let track = this.#services.get(service);
    if (track) {
      this.#services.delete(service);
    } else {
      if (this.#services.size >= MAX_SERVICES) this.#services.delete(this.#services.keys().next().value as string);
      track = { service, watermarkMs: timeMs, nextStartMs: this.#startOf(timeMs), open: new Map(), tracked: new Map(), emptyRun: 0 };
    }
    this.#services.set(service, track);
    return track;
  }

  /** Adds one log to its open bucket; false when that bucket has already closed. */
  #count(track: ServiceTrack, log: MinedLog): boolean {
    const start = this.#startOf(log.timeMs);
    if (start < track.nextStartMs) {
      this.#late += 1;
      return false;
    }
    let bucket = track.open.get(start);
    if (!bucket) {
      bucket = { errors: 0, tallies: new Map() };
      track.open.set(start, bucket);
    }
    const error = log.severityNumber >= ERROR_SEVERITY ? 1 : 0;
    bucket.errors += error;
    const tally = bucket.tallies.get(log.templateId);
    if (tally) {
      tally.template = log.template;
      tally.count += 1;
      tally.errors += error;
    } else {
      bucket.tallies.set(log.templateId, { template: log.template, count: 1, errors: error });
    }
    this.#track(track, log, start);
    track.watermarkMs = Math.max(track.watermarkMs, log.timeMs);
    return true;
  }

  #track(track: ServiceTrack, log: MinedLog, start: number): void {
    if (this.#options.templatesPerService <= 0) return;
    const last = track.tracked.get(log.templateId);
    track.tracked.delete(log.templateId);
    track.tracked.set(log.templateId, { template: log.template, lastStartMs: Math.max(last?.lastStartMs ?? start, start) });
    if (track.tracked.size > this.#options.templatesPerService) track.tracked.delete(track.tracked.keys().next().value as string);
  }

  #closeReady(track: ServiceTrack): ClosedLogBucket[] {
    const { bucketMs } = this.#options;
    // Bucket [s, s + b) closes once the watermark reaches s + 2b: one bucket of lateness.
    const closableBelow = this.#startOf(track.watermarkMs) - bucketMs;
    const closed: ClosedLogBucket[] = [];
    while (track.nextStartMs < closableBelow) {
      const startMs = track.nextStartMs;
      const bucket = track.open.get(startMs);
      if (!bucket && track.emptyRun >= MAX_QUIET_BUCKETS) {
        // Silent for long: skip to its next lines instead of reporting every empty bucket.
        track.nextStartMs = Math.min(closableBelow, ...track.open.keys());
        continue;
      }
      track.open.delete(startMs);
      track.emptyRun = bucket ? 0 : track.emptyRun + 1;
      this.#forgetQuiet(track, startMs);
      closed.push({
        service: track.service,
        startMs,
        errors: bucket?.errors ?? 0,
        tallies: bucket?.tallies ?? new Map(),
        tracked: [...track.tracked.keys()],
      });
      track.nextStartMs = startMs + bucketMs;
    }
    return closed;
  }

  /** Stops the zeros of templates quiet for MAX_QUIET_BUCKETS before `startMs`. */
  #forgetQuiet(track: ServiceTrack, startMs: number): void {
    const cutoff = startMs - MAX_QUIET_BUCKETS * this.#options.bucketMs;
    for (const [templateId, { lastStartMs }] of track.tracked) {
      if (lastStartMs >= cutoff) break;
      track.tracked.delete(templateId);
    }
  }

  #startOf(timeMs: number): number {
    return Math.floor(timeMs / this.#options.bucketMs) * this.#options.bucketMs;
  }
}
