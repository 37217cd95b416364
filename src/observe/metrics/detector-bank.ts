/**
 * One SeriesDetector per series, turning metric points into anomaly signals. Pure: points in,
 * signals out; time comes from the points. Memory is bounded by `maxSeries`: the series
 * silent for longest is forgotten first.
 */
import { stableHash } from '../../core/ids.js';
import type { MetricPoint, Severity, Signal } from '../../core/records.js';
import { seriesKey } from '../../core/series.js';
import { describeAnomaly } from './describe-anomaly.js';
import { type DetectorSnapshot, parseDetectorSnapshot } from './detector-snapshot.js';
import { metricSemantics } from './metric-semantics.js';
import { SeriesDetector, type DetectorSettings, type PointScore } from './series-detector.js';

export interface DetectorBankOptions extends DetectorSettings {
  maxSeries?: number;
}

export interface DetectorBankEntry {
  key: string;
  name: string;
  state: DetectorSnapshot;
}

export class DetectorBank {
  /** Name kept beside each detector so a snapshot can rebuild its metric semantics. */
  private readonly detectors = new Map<string, { detector: SeriesDetector; name: string }>();
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
    for (const [key, { detector, name }] of this.detectors) {
      if (!onlyChanged || this.changed.has(key)) entries.push({ key, name, state: detector.snapshot() });
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
      const snapshot = parseDetectorSnapshot(entry.state);
      if (!snapshot) {
        skipped += 1;
        continue;
      }
      this.detectors.delete(entry.key);
      this.evictIfFull();
      const detector = SeriesDetector.restore(this.options, metricSemantics(entry.name), snapshot);
      this.detectors.set(entry.key, { detector, name: entry.name });
      restored += 1;
    }
    return { restored, skipped };
  }

  observe(points: readonly MetricPoint[]): Signal[] {
    const signals: Signal[] = [];
    for (const point of points) {
      const key = seriesKey(point);
      const detector = this.detectorFor(key, point.name);
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
        direction: event.direction,
      });
      if (event.type === 'closed') {
        signals.push({
          ...base,
          status: 'resolved',
          severity: severityOf(event.peak.z, this.options.threshold),
          timeMs: event.endMs,
          summary: `${semantics.label} back to normal`,
          evidence: evidence(event.peak),
        });
      } else {
        signals.push({
          ...base,
          status: 'firing',
          severity: severityOf(event.peak.z, this.options.threshold),
          timeMs: event.type === 'opened' ? event.onsetMs : event.point.timeMs,
          summary: describeAnomaly(semantics.label, point.name, event.peak),
          evidence: evidence(event.peak),
        });
      }
    }
    return signals;
  }

  private detectorFor(key: string, name: string): SeriesDetector {
    this.changed.add(key);
    const known = this.detectors.get(key);
    if (known) {
      // Re-insert so Map order tracks recency for eviction.
      this.detectors.delete(key);
      this.detectors.set(key, known);
      return known.detector;
    }
    this.evictIfFull();
    const detector = new SeriesDetector(this.options, metricSemantics(name));
    this.detectors.set(key, { detector, name });
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

function severityOf(z: number, threshold: number): Severity {
  return Math.abs(z) >= 3 * threshold ? 'error' : 'warning';
}
