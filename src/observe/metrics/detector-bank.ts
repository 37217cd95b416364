/**
 * One SeriesDetector per series, turning metric points into anomaly signals. Pure: points in,
 * signals out; time comes from the points. Memory is bounded by `maxSeries`: the series
 * silent for longest is forgotten first.
 */
import { stableHash } from '../../core/ids.js';
import type { MetricPoint, Severity, Signal } from '../../core/records.js';
import { seriesKey } from '../../core/series.js';
import { describeAnomaly } from './describe-anomaly.js';
import { metricSemantics } from './metric-semantics.js';
import { SeriesDetector, type DetectorSettings, type PointScore } from './series-detector.js';

export interface DetectorBankOptions extends DetectorSettings {
  maxSeries?: number;
}

export class DetectorBank {
  private readonly detectors = new Map<string, SeriesDetector>();
  private readonly maxSeries: number;

  constructor(private readonly options: DetectorBankOptions) {
    this.maxSeries = options.maxSeries ?? 50_000;
  }

  get seriesCount(): number {
    return this.detectors.size;
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
    let detector = this.detectors.get(key);
    if (detector) {
      // Re-insert so Map order tracks recency for eviction.
      this.detectors.delete(key);
      this.detectors.set(key, detector);
      return detector;
    }
    if (this.detectors.size >= this.maxSeries) {
      const oldest = this.detectors.keys().next().value;
      if (oldest !== undefined) this.detectors.delete(oldest);
    }
    detector = new SeriesDetector(this.options, metricSemantics(name));
    this.detectors.set(key, detector);
    return detector;
  }
}

function severityOf(z: number, threshold: number): Severity {
  return Math.abs(z) >= 3 * threshold ? 'error' : 'warning';
}
