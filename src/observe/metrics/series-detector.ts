/**
 * Streaming anomaly detection for one series: a robust z-score of each point against the
 * rolling median/MAD of the series' recent normal points. Pure and causal: a point is scored
 * from the past only, and points judged anomalous are kept out of the baseline so a long
 * fault does not become the new normal.
 *
 * A small state machine turns scores into episodes: `firingPoints` anomalous points in a row
 * open one (its onset is the first of them), `resolvePoints` normal points in a row close it.
 */
import type { Direction } from '../../core/records.js';
import { DETECTOR_SNAPSHOT_VERSION, type DetectorSnapshot } from './detector-snapshot.js';
import { RobustBaseline } from './robust-baseline.js';
import type { MetricSemantics } from './metric-semantics.js';

export interface DetectorSettings {
  windowPoints: number;
  minPoints: number;
  threshold: number;
  firingPoints: number;
  resolvePoints: number;
}

export interface PointScore {
  timeMs: number;
  value: number;
  expected: number;
  /** Signed robust z-score. */
  z: number;
  /** Robust scale (σ-equivalent) the z-score was divided by: lets callers draw the band expected ± threshold·scale. */
  scale: number;
  anomalous: boolean;
}

export type EpisodeEvent =
  | { type: 'opened'; onsetMs: number; point: PointScore; peak: PointScore; direction: Direction }
  | { type: 'continued'; point: PointScore; peak: PointScore; direction: Direction }
  | { type: 'closed'; endMs: number; peak: PointScore; direction: Direction };

export class SeriesDetector {
  private readonly baseline: RobustBaseline;
  private lastTimeMs = Number.NEGATIVE_INFINITY;
  private streak: PointScore[] = [];
  private normalStreak = 0;
  private episode: { peak: PointScore; direction: Direction } | undefined;
  private last: PointScore | undefined;

  constructor(
    private readonly settings: DetectorSettings,
    private readonly semantics: MetricSemantics,
  ) {
    this.baseline = new RobustBaseline(settings.windowPoints);
  }

  get lastSeenMs(): number {
    return this.lastTimeMs;
  }

  /**
   * The score of the point given to the latest `observe` call; undefined when that point was
   * ignored or only learned from (cold start). Lets per-point consumers (the NAB bench) read
   * the score without a second scoring path that could drift from this one.
   */
  get lastScore(): PointScore | undefined {
    return this.last;
  }

  /** The state needed to carry on scoring exactly where this detector is; plain JSON. */
  snapshot(): DetectorSnapshot {
    return {
      version: DETECTOR_SNAPSHOT_VERSION,
      baseline: this.baseline.toJSON(),
      lastTimeMs: Number.isFinite(this.lastTimeMs) ? this.lastTimeMs : null,
      streak: this.streak.map((p) => ({ ...p })),
      normalStreak: this.normalStreak,
      episode: this.episode ? { peak: { ...this.episode.peak }, direction: this.episode.direction } : null,
    };
  }

  /**
   * A detector that continues from `snapshot`. Settings may have changed since it was taken:
   * a window that shrank keeps the newest values, so the baseline stays bounded.
   */
  static restore(settings: DetectorSettings, semantics: MetricSemantics, snapshot: DetectorSnapshot): SeriesDetector {
    const detector = new SeriesDetector(settings, semantics);
    for (const value of snapshot.baseline.slice(-settings.windowPoints)) detector.baseline.add(value);
    detector.lastTimeMs = snapshot.lastTimeMs ?? Number.NEGATIVE_INFINITY;
    detector.streak = snapshot.streak.map((p) => ({ ...p }));
    detector.normalStreak = snapshot.normalStreak;
    detector.episode = snapshot.episode ? { peak: { ...snapshot.episode.peak }, direction: snapshot.episode.direction } : undefined;
    return detector;
  }

  /** Scores one point; returns the episode event it caused, if any. Out-of-order points are ignored. */
  observe(timeMs: number, value: number): EpisodeEvent | undefined {
    this.last = undefined;
    if (timeMs <= this.lastTimeMs || !Number.isFinite(value)) return undefined;
    this.lastTimeMs = timeMs;

    if (this.baseline.size < this.settings.minPoints) {
      // Cold start: learn quietly; a new series never alarms before it has a baseline.
      this.baseline.add(value);
      return undefined;
    }
    const { median, scale } = this.baseline.stats(this.semantics.minScale);
    const z = (value - median) / scale;
    const direction: Direction = z >= 0 ? 'up' : 'down';
    const anomalous = Math.abs(z) >= this.settings.threshold && this.semantics.directions.includes(direction);
    const point: PointScore = { timeMs, value, expected: median, z, scale, anomalous };
    this.last = point;

    if (!anomalous) {
      this.baseline.add(value);
      this.streak = [];
      return this.onNormal(timeMs);
    }
    this.normalStreak = 0;
    if (this.episode) {
      // A swing the other way keeps the episode open but never becomes its peak: the peak
      // describes the episode, and its direction is the episode's.
      if (direction === this.episode.direction && Math.abs(z) > Math.abs(this.episode.peak.z)) this.episode.peak = point;
      return { type: 'continued', point, peak: this.episode.peak, direction: this.episode.direction };
    }
    this.streak.push(point);
    if (this.streak.length < this.settings.firingPoints) return undefined;
    const onset = this.streak[0] as PointScore;
    const peak = this.streak.reduce((best, p) => (Math.abs(p.z) > Math.abs(best.z) ? p : best), onset);
    const episodeDirection: Direction = peak.z >= 0 ? 'up' : 'down';
    this.episode = { peak, direction: episodeDirection };
    this.streak = [];
    return { type: 'opened', onsetMs: onset.timeMs, point, peak, direction: episodeDirection };
  }

  private onNormal(timeMs: number): EpisodeEvent | undefined {
    if (!this.episode) return undefined;
    this.normalStreak += 1;
    if (this.normalStreak < this.settings.resolvePoints) return undefined;
    const closed: EpisodeEvent = { type: 'closed', endMs: timeMs, peak: this.episode.peak, direction: this.episode.direction };
    this.episode = undefined;
    this.normalStreak = 0;
    return closed;
  }
}
