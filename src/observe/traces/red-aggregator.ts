/**
 * Rate, errors and duration (RED) from spans, in fixed event-time buckets. Pure: spans in,
 * metric points out; time comes from the spans.
 *
 * Per service, from its server and consumer spans: request rate, error ratio, p50/p95/p99 latency.
 * Per call edge, from the caller's client and producer spans with a known peer: the same five,
 * as the caller sees them, so an uninstrumented or crashed callee still has a signal.
 * Five series per service and per edge, never per operation: operations multiply the series
 * count (and the detector's memory) by tens, so their stats are read from stored spans when
 * asked for (docs/architecture.md, "Service graph").
 *
 * A bucket closes once its owner's watermark (newest span time seen for it) passes the bucket
 * end plus one bucket of lateness. A callee's watermark also advances with its callers' spans,
 * so a service that stops answering gets a closing bucket with zero requests rather than
 * silence. Spans later than a closed bucket are counted as late and left out of the series.
 */
import type { Labels, MetricPoint, SpanRecord } from '../../core/records.js';
import { DERIVED, PEER_LABEL } from './derived-series.js';
import { durationPercentiles } from './duration-percentiles.js';

/** Empty buckets reported in a row at most; beyond that a silent owner is simply gone. */
const MAX_SILENT_BUCKETS = 360;

const SERVICE_SERIES = { rate: DERIVED.requestRate, errors: DERIVED.errorRatio, p50: DERIVED.latencyP50, p95: DERIVED.latencyP95, p99: DERIVED.latencyP99 };
const EDGE_SERIES = { rate: DERIVED.edgeRequestRate, errors: DERIVED.edgeErrorRatio, p50: DERIVED.edgeLatencyP50, p95: DERIVED.edgeLatencyP95, p99: DERIVED.edgeLatencyP99 };

interface Bucket {
  count: number;
  errors: number;
  durations: number[];
}

interface Track {
  service: string;
  peer?: string;
  buckets: Map<number, Bucket>;
  closedBefore: number;
}

export class RedAggregator {
  /** Every track in the order first seen (the order points come out in). */
  private readonly tracks: Track[] = [];
  /** Tracks by service, and by caller then peer: looked up per span without building a key. */
  private readonly serviceTracks = new Map<string, Track>();
  private readonly edgeTracks = new Map<string, Map<string, Track>>();
  private readonly watermarks = new Map<string, number>();
  private lateSpans = 0;

  constructor(private readonly bucketMs: number) {}

  get late(): number {
    return this.lateSpans;
  }

  /** Adds spans and returns the points of every bucket these spans allowed to close. */
  add(spans: readonly SpanRecord[]): MetricPoint[] {
    for (const span of spans) {
      if (span.kind === 'server' || span.kind === 'consumer') {
        this.record(span.service, undefined, span);
        this.advance(span.service, span.startMs);
      } else if ((span.kind === 'client' || span.kind === 'producer') && span.peerService) {
        this.record(span.service, span.peerService, span);
        this.advance(span.service, span.startMs);
        this.advance(span.peerService, span.startMs);
      }
    }
    return this.closeReady();
  }

  private record(service: string, peer: string | undefined, span: SpanRecord): void {
    const track = this.trackOf(service, peer);
    const start = Math.floor(span.startMs / this.bucketMs) * this.bucketMs;
    if (start < track.closedBefore) {
      this.lateSpans += 1;
      return;
    }
    let bucket = track.buckets.get(start);
    if (!bucket) {
      bucket = { count: 0, errors: 0, durations: [] };
      track.buckets.set(start, bucket);
    }
    bucket.count += 1;
    if (span.status === 'error') bucket.errors += 1;
    bucket.durations.push(span.durationMs);
  }

  private trackOf(service: string, peer: string | undefined): Track {
    if (peer === undefined) return this.serviceTracks.get(service) ?? this.newTrack(this.serviceTracks, service, service);
    let byPeer = this.edgeTracks.get(service);
    if (byPeer === undefined) {
      byPeer = new Map();
      this.edgeTracks.set(service, byPeer);
    }
    return byPeer.get(peer) ?? this.newTrack(byPeer, peer, service, peer);
  }

  private newTrack(index: Map<string, Track>, key: string, service: string, peer?: string): Track {
    const track: Track = { service, ...(peer !== undefined ? { peer } : {}), buckets: new Map(), closedBefore: Number.NEGATIVE_INFINITY };
    index.set(key, track);
    this.tracks.push(track);
    return track;
  }

  private advance(service: string, timeMs: number): void {
    const current = this.watermarks.get(service) ?? Number.NEGATIVE_INFINITY;
    if (timeMs > current) this.watermarks.set(service, timeMs);
  }

  private closeReady(): MetricPoint[] {
    const points: MetricPoint[] = [];
    for (const track of this.tracks) {
      // Edge tracks close on the caller's clock; service tracks on the service's own clock.
      const watermark = this.watermarks.get(track.service) ?? Number.NEGATIVE_INFINITY;
      const closeUpTo = Math.floor(watermark / this.bucketMs) * this.bucketMs - this.bucketMs;
      if (closeUpTo <= track.closedBefore) continue;
      let first = Number.isFinite(track.closedBefore) ? track.closedBefore : minKey(track.buckets);
      if (first === undefined) {
        track.closedBefore = closeUpTo;
        continue;
      }
      // Nothing of this track is old enough yet: keep it open rather than start its silence early.
      if (first >= closeUpTo) continue;
      if ((closeUpTo - first) / this.bucketMs > MAX_SILENT_BUCKETS) {
        // A long silence (hours): report from the oldest bucket with data, not every empty one.
        first = Math.max(first, minKey(track.buckets) ?? closeUpTo - MAX_SILENT_BUCKETS * this.bucketMs);
      }
      for (let start = first; start < closeUpTo; start += this.bucketMs) {
        const bucket = track.buckets.get(start) ?? { count: 0, errors: 0, durations: [] };
        track.buckets.delete(start);
        points.push(...this.pointsOf(track, start, bucket));
      }
      track.closedBefore = closeUpTo;
    }
    return points;
  }

  private pointsOf(track: Track, start: number, bucket: Bucket): MetricPoint[] {
    const timeMs = start + this.bucketMs;
    const labels: Labels = track.peer !== undefined ? { [PEER_LABEL]: track.peer } : {};
    const names = track.peer !== undefined ? EDGE_SERIES : SERVICE_SERIES;
    const point = (name: string, value: number, unit: string): MetricPoint => ({
      name,
      service: track.service,
      labels,
      timeMs,
      value,
      unit,
    });
    const out = [point(names.rate, bucket.count / (this.bucketMs / 1000), '1/s')];
    // With no requests there is no error ratio or latency to report, only the silence.
    if (bucket.count > 0) {
      const { p50, p95, p99 } = durationPercentiles(bucket.durations);
      out.push(point(names.errors, bucket.errors / bucket.count, '1'));
      out.push(point(names.p50, p50, 'ms'), point(names.p95, p95, 'ms'), point(names.p99, p99, 'ms'));
    }
    return out;
  }
}

function minKey(map: Map<number, unknown>): number | undefined {
  let min: number | undefined;
  for (const key of map.keys()) if (min === undefined || key < min) min = key;
  return min;
}
