/**
 * One SeriesDetector per series, turning metric points into anomaly signals. Pure: points in,
 * signals out; time comes from the points. Memory is bounded by `maxSeries`: the series
 * silent for longest is forgotten first.
 */
import { stableHash } from '../../core/ids.js';
import type { MetricPoint, Severity, Signal } from '../../core/records.js';
import { seriesKey } from '../../core/series.js';
import { describeAnomaly } from './describe-anomaly.js';
import { z } from 'zod';
import { DetectorSnapshotSchema } from './detector-snapshot.js';
import { detectorSettingsFor, type DetectorConfig } from './detector-settings.js';
import { metricSemantics } from './metric-semantics.js';
import type { SeriesIdentity } from './sensitivity.js';
import { SeriesDetector, type PointScore } from './series-detector.js';

export interface DetectorBankOptions extends DetectorConfig {
  maxSeries?: number;
}

/** What the bank persists per series: the detector, and who the series is (its sensitivity depends on it). */
const BankStateSchema = z.object({
  series: z.object({ service: z.string(), labels: z.record(z.string(), z.string()) }),
  detector: DetectorSnapshotSchema,
});
export type BankState = z.infer<typeof BankStateSchema>;

export interface DetectorBankEntry {
  key: string;
  name: string;
  state: BankState;
}

export class DetectorBank {
  /** Name kept beside each detector so a snapshot can rebuild its metric semantics. */
  private readonly detectors = new Map<string, { detector: SeriesDetector; identity: SeriesIdentity }>();
  /** Series observed since the last changed-only snapshot: periodic saves skip idle series. */
  private readonly changed = new Set<string>();
  private readonly maxSeries: number;

  constructor(private readonly options: DetectorBankOptions) {
    this.maxSeries = options.maxSeries ?? 50_000;
  }

  get seriesCount(): number {
    return this.detectors.size;
  }

  /**
   * Every detector's state (or only those observed since the last `onlyChanged` call),
   * least recently seen first so a restore keeps the eviction order.
   */
  snapshot(onlyChanged = false): DetectorBankEntry[] {
    const entries: DetectorBankEntry[] = [];
    for (const [key, { detector, identity }] of this.detectors) {
      if (!onlyChanged || this.changed.has(key)) {
        const series = { service: identity.service, labels: identity.labels };
        entries.push({ key, name: identity.name, state: { series, detector: detector.snapshot() } });
      }
    }
    if (onlyChanged) this.changed.clear();
    return entries;
  }

  /**
   * Adds detectors from persisted entries, oldest first. A state that fails the snapshot
   * schema (corrupt, or an old version) is skipped and counted: that series relearns.
   */
  restore(entries: ReadonlyArray<{ key: string; name: string; state: unknown }>): { restored: number; skipped: number } {
    let restored = 0;
    let skipped = 0;
    for (const entry of entries) {
      const parsed = BankStateSchema.safeParse(entry.state);
      const identity = parsed.success ? { name: entry.name, ...parsed.data.series } : undefined;
      const detector = parsed.success && identity ? this.restoreDetector(identity, parsed.data.detector) : undefined;
      if (!detector || !identity) {
        skipped += 1;
        continue;
      }
      this.detectors.delete(entry.key);
      this.evictIfFull();
      this.detectors.set(entry.key, { detector, identity });
      restored += 1;
    }
    return { restored, skipped };
  }

  observe(points: readonly MetricPoint[]): Signal[] {
    const signals: Signal[] = [];
    for (const point of points) {
      const key = seriesKey(point);
      const detector = this.detectorFor(key, point);
      const event = detector.observe(point.timeMs, point.value);
      if (!event) continue;
      const semantics = metricSemantics(point.name);
      const base = {
        kind: 'anomaly' as const,
        source: 'detector',
        fingerprint: stableHash('anomaly', key),
        name: `${semantics.label} ${event.direction === 'up' ? 'up' : 'down'}`,
        service: point.service,
        ...(point.instance ? { instance: point.instance } : {}),
        labels: { ...point.labels, metric: point.name },
      };
      const evidence = (p: PointScore) => ({
        series: key,
        metric: point.name,
        value: p.value,
        expected: p.expected,
        score: Math.abs(p.z),
        anomalyScore: p.score,
        direction: event.direction,
      });
      if (event.type === 'closed') {
        signals.push({
          ...base,
          status: 'resolved',
          severity: severityOf(event.peak),
          timeMs: event.endMs,
          summary: `${semantics.label} back to normal`,
          evidence: evidence(event.peak),
        });
      } else {
        signals.push({
          ...base,
          status: 'firing',
          severity: severityOf(event.peak),
          timeMs: event.type === 'opened' ? event.onsetMs : event.point.timeMs,
          summary: describeAnomaly(semantics.label, point.name, event.peak, detector.describePhase(event.peak.timeMs)),
          evidence: evidence(event.peak),
        });
      }
    }
    return signals;
  }

  /** A detector from a snapshot, or undefined when the snapshot does not fit this model (it relearns). */
  private restoreDetector(identity: SeriesIdentity, snapshot: BankState['detector']): SeriesDetector | undefined {
    try {
      return SeriesDetector.restore(detectorSettingsFor(this.options, identity), metricSemantics(identity.name), snapshot);
    } catch (error) {
      if (error instanceof RangeError) return undefined;
      throw error;
    }
  }

  private detectorFor(key: string, point: MetricPoint): SeriesDetector {
    this.changed.add(key);
    const known = this.detectors.get(key);
    if (known) {
      // Re-insert so Map order tracks recency for eviction.
      this.detectors.delete(key);
      this.detectors.set(key, known);
      return known.detector;
    }
    this.evictIfFull();
    const identity = { name: point.name, service: point.service, labels: point.labels };
    const detector = new SeriesDetector(detectorSettingsFor(this.options, identity), metricSemantics(point.name));
    this.detectors.set(key, { detector, identity });
    return detector;
  }

  private evictIfFull(): void {
    if (this.detectors.size < this.maxSeries) return;
    const oldest = this.detectors.keys().next().value;
    if (oldest !== undefined) {
      this.detectors.delete(oldest);
      this.changed.delete(oldest);
    }
  }
}

/** Error when the peak is near-certain (score ≥ 0.9, a 10^-3.6 tail) and far off (≥ 10 scales). */
function severityOf(peak: PointScore): Severity {
  return peak.score >= 0.9 && Math.abs(peak.z) >= 10 ? 'error' : 'warning';
}
