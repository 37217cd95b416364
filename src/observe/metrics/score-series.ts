/**
 * Replays the production detector over a stored stretch of one series, for charts: every point
 * with its score in [0,1], expected value and band, and the anomaly episodes the detector
 * would raise on it. Pure: the same detector code as the live loop, fed oldest first, so what
 * the explorer draws is what the loop decided (up to the history it had before `points`).
 */
import type { Direction } from '../../core/records.js';
import { describeAnomaly } from './describe-anomaly.js';
import { detectorSettingsFor, type DetectorConfig } from './detector-settings.js';
import { metricSemantics } from './metric-semantics.js';
import { SeriesDetector } from './series-detector.js';

export interface ScoredPoint {
  timeMs: number;
  value: number;
  /** 0 = as expected, 1 = certainly anomalous; undefined while the model is still learning. */
  score: number | undefined;
  expected: number | undefined;
  lower: number | undefined;
  upper: number | undefined;
  anomalous: boolean;
}

export interface AnomalyEpisode {
  startMs: number;
  /** Undefined while the episode is still open at the last point. */
  endMs: number | undefined;
  direction: Direction;
  /** Peak score in [0,1]. */
  peakScore: number;
  /** Deviation of the peak from expected in robust scales (|z|), as alert evidence carries it. */
  peakZ: number;
  summary: string;
}

export interface ScoredSeries {
  points: ScoredPoint[];
  episodes: AnomalyEpisode[];
}

export function scoreSeries(
  name: string,
  points: ReadonlyArray<{ timeMs: number; value: number }>,
  config: DetectorConfig,
  /** Who the series belongs to, for sensitivity rules that match on service or labels. */
  owner: { service: string; labels: Record<string, string> } = { service: '', labels: {} },
): ScoredSeries {
  const semantics = metricSemantics(name);
  const detector = new SeriesDetector(detectorSettingsFor(config, { name, ...owner }), semantics);
  const scored: ScoredPoint[] = [];
  const episodes: AnomalyEpisode[] = [];
  let open: AnomalyEpisode | undefined;

  for (const { timeMs, value } of points) {
    const event = detector.observe(timeMs, value);
    const p = detector.lastScore;
    scored.push(
      p
        ? {
            timeMs,
            value,
            score: p.score,
            expected: p.expected,
            lower: p.lower,
            upper: p.upper,
            anomalous: p.anomalous,
          }
        : { timeMs, value, score: undefined, expected: undefined, lower: undefined, upper: undefined, anomalous: false },
    );
    if (event?.type === 'opened') {
      open = {
        startMs: event.onsetMs,
        endMs: undefined,
        direction: event.direction,
        peakScore: event.peak.score,
        peakZ: Math.abs(event.peak.z),
        summary: describeAnomaly(semantics.label, name, event.peak, detector.describePhase(event.peak.timeMs)),
      };
      episodes.push(open);
    } else if (event?.type === 'continued' && open) {
      open.peakScore = event.peak.score;
      open.peakZ = Math.abs(event.peak.z);
      open.summary = describeAnomaly(semantics.label, name, event.peak, detector.describePhase(event.peak.timeMs));
    } else if (event?.type === 'closed' && open) {
      open.endMs = event.endMs;
      open = undefined;
    }
  }
  return { points: scored, episodes };
}
