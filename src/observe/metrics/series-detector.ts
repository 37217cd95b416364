/**
 * Streaming anomaly detection for one series: a SeriesModel scores each point (novelty →
 * anomaly likelihood, expected value and band; see model/series-model.ts), and a small state
 * machine turns scores into episodes. Pure and causal.
 *
 * A point is anomalous when its score reaches the series' threshold and it deviates from the
 * expected value by at least `MIN_Z` scales (and the metric's floor) in a direction the metric
 * cares about: novelty says something is new, the deviation says it matters — a new wiggle
 * inside the usual band is not worth waking anyone, and "latency 100 ms vs usual 97 ms" is not
 * an explanation. (The gate also scores better on NAB: docs/benchmarks.md.) A stuck value is
 * the exception: frozen inside the band, it deviates from nothing and is still news. `firingPoints` anomalous points in
 * a row open an episode (onset = the first of them). The episode stays open while points are
 * anomalous, or on its side of the expected value and either still `HOLD_Z` scales off or
 * still scoring and `DRIFT_HOLD_Z` off (a slow drift: most of its points are within 2 scales,
 * its CUSUM is what scores)
 * — novelty fades fast once a new shape has been seen, the deviation does not — and closes after
 * `resolvePoints` points that are neither.
 */
import type { Direction } from '../../core/records.js';
import { DETECTOR_SNAPSHOT_VERSION, type DetectorSnapshot } from './detector-snapshot.js';
import type { MetricSemantics } from './metric-semantics.js';
import { restoreModel, snapshotModel } from './model/model-state.js';
import { SeriesModel } from './model/series-model.js';

export interface DetectorSettings {
  /** Points learned quietly before the first score. */
  learnPoints: number;
  /** Score in [0, 1] at which a point counts as anomalous (0.5 = a 1 % likelihood tail). */
  threshold: number;
  firingPoints: number;
  resolvePoints: number;
}

export interface PointScore {
  timeMs: number;
  value: number;
  expected: number;
  lower: number;
  upper: number;
  /** Signed deviation from expected, in scales. */
  z: number;
  scale: number;
  /** Anomaly score in [0, 1]. */
  score: number;
  /**
   * The score this point would open a new episode with at any threshold: the least score of it
   * and the `firingPoints − 1` deviating points before it, when no episode is open; else 0.
   * What NAB scores.
   */
  alarmScore: number;
  anomalous: boolean;
}

export type EpisodeEvent =
  | { type: 'opened'; onsetMs: number; point: PointScore; peak: PointScore; direction: Direction }
  | { type: 'continued'; point: PointScore; peak: PointScore; direction: Direction }
  | { type: 'closed'; endMs: number; peak: PointScore; direction: Direction };

/** Deviation, in scales, that keeps an open episode open after its score has faded. */
export const HOLD_Z = 3;
/** Least deviation, in scales, of a still-scoring point that keeps an open episode open. */
export const DRIFT_HOLD_Z = 1;
/**
 * How much more than the threshold one point must score to open an episode on its own, before
 * `firingPoints` in a row: a clear anomaly alarms at once, a borderline blip of a noisy series
 * (one 10 s bucket of a database edge's p95) has to repeat.
 */
export const SINGLE_POINT_MARGIN = 0.25;
/** Least deviation, in scales, of a point that opens or feeds an episode. */
export const MIN_Z = 2;

export class SeriesDetector {
  private streak: PointScore[] = [];
  private normalStreak = 0;
  /** First point of the current run of points deviating in one direction. */
  private deviation: { sinceMs: number; direction: Direction } | undefined;
  /** Scores of the last `firingPoints − 1` points of that run: what an alarm score must beat. */
  private runScores: number[] = [];
  private episode: { peak: PointScore; direction: Direction } | undefined;
  /**
   * The latest point's score, overwritten in place: one object per point per series would be
   * most of the garbage at a million points a second. Copied wherever a point is kept.
   */
  private readonly current: PointScore = {
    timeMs: 0, value: 0, expected: 0, lower: 0, upper: 0, z: 0, scale: 0, score: 0, alarmScore: 0, anomalous: false,
  };
  private scored = false;

  constructor(
    private readonly settings: DetectorSettings,
    private readonly semantics: MetricSemantics,
    private readonly model: SeriesModel = new SeriesModel(settings, semantics.minScale),
  ) {}

  get lastSeenMs(): number {
    return this.model.lastTimeMs;
  }

  /** True while an episode is open. */
  get firing(): boolean {
    return this.episode !== undefined;
  }

  /**
   * The score of the point given to the latest `observe` call; undefined when that point was
   * rejected or only learned from (cold start). Per-point consumers (charts, the NAB bench, the
   * CLI) read it so there is one scoring path. The object is reused by the next `observe`: read
   * it, or copy it to keep it.
   */
  get lastScore(): Readonly<PointScore> | undefined {
    return this.scored ? this.current : undefined;
  }

  /** "Tuesday 14:00 UTC" when expected values come from a seasonal profile. */
  describePhase(timeMs: number): string | undefined {
    return this.model.describePhase(timeMs);
  }

  /** The state needed to carry on scoring exactly where this detector is; plain JSON. */
  snapshot(): DetectorSnapshot {
    return {
      version: DETECTOR_SNAPSHOT_VERSION,
      model: snapshotModel(this.model),
      streak: this.streak.map((p) => ({ ...p })),
      normalStreak: this.normalStreak,
      deviation: this.deviation ? { ...this.deviation } : null,
      runScores: [...this.runScores],
      episode: this.episode ? { peak: { ...this.episode.peak }, direction: this.episode.direction } : null,
    };
  }

  static restore(settings: DetectorSettings, semantics: MetricSemantics, snapshot: DetectorSnapshot): SeriesDetector {
    const detector = new SeriesDetector(settings, semantics, restoreModel(settings, semantics.minScale, snapshot.model));
    detector.streak = snapshot.streak.map((p) => ({ ...p }));
    detector.normalStreak = snapshot.normalStreak;
    detector.deviation = snapshot.deviation ? { ...snapshot.deviation } : undefined;
    detector.runScores = [...snapshot.runScores];
    detector.episode = snapshot.episode ? { peak: { ...snapshot.episode.peak }, direction: snapshot.episode.direction } : undefined;
    return detector;
  }

  /** Scores one point; returns the episode event it caused, if any. Rejected points change nothing. */
  observe(timeMs: number, value: number): EpisodeEvent | undefined {
    this.scored = false;
    const reading = this.model.observe(timeMs, value);
    if (!reading) return undefined;
    const direction: Direction = reading.z >= 0 ? 'up' : 'down';
    const allowed = this.semantics.directions.includes(direction);
    // A stuck value is news in itself, wherever it sits in the band.
    const deviates =
      reading.stuck || (allowed && Math.abs(reading.z) >= MIN_Z && Math.abs(value - reading.expected) >= this.semantics.minScale);
    const anomalous = deviates && reading.score >= this.settings.threshold;
    // Emptied in place: most points are normal, and a fresh array each would be garbage.
    if ((!deviates || this.deviation?.direction !== direction) && this.runScores.length > 0) this.runScores.length = 0;
    if (!deviates) this.deviation = undefined;
    else if (this.deviation?.direction !== direction) this.deviation = { sinceMs: timeMs, direction };
    // At threshold t this point opens an episode when it and the run's previous firingPoints − 1
    // points all score ≥ t: its alarm score is the least of those scores.
    const needed = this.settings.firingPoints - 1;
    let sustained = this.runScores.length >= needed ? reading.score : 0;
    if (sustained > 0) for (const runScore of this.runScores) sustained = Math.min(sustained, runScore);
    const alarmScore = deviates && !this.episode ? Math.max(sustained, reading.score - SINGLE_POINT_MARGIN) : 0;
    if (deviates && needed > 0) {
      this.runScores.push(reading.score);
      if (this.runScores.length > needed) this.runScores.shift();
    }
    const point = this.current;
    point.timeMs = timeMs;
    point.value = value;
    point.expected = reading.expected;
    point.lower = reading.lower;
    point.upper = reading.upper;
    point.z = reading.z;
    point.scale = reading.scale;
    point.score = reading.score;
    point.alarmScore = alarmScore;
    point.anomalous = anomalous;
    this.scored = true;

    if (this.episode) {
      // A drift keeps scoring while most of its points sit within 2 scales: the episode holds
      // through them instead of closing and reopening every few points. Not through points back
      // at the expected value, though: the likelihood's short mean keeps scoring for a couple
      // of points after a spike, and the episode would outlast it.
      const scoring = Math.abs(reading.z) >= DRIFT_HOLD_Z && reading.score >= this.settings.threshold;
      const holding = direction === this.episode.direction && (Math.abs(reading.z) >= HOLD_Z || scoring);
      if (!anomalous && !holding) return this.onNormal(timeMs);
      this.normalStreak = 0;
      const kept = { ...point };
      // A swing the other way keeps the episode open but never becomes its peak: the peak
      // describes the episode, and its direction is the episode's.
      if (direction === this.episode.direction && Math.abs(point.z) > Math.abs(this.episode.peak.z)) this.episode.peak = kept;
      return { type: 'continued', point: kept, peak: this.episode.peak, direction: this.episode.direction };
    }
    if (!anomalous) {
      if (this.streak.length > 0) this.streak.length = 0;
      return undefined;
    }
    const kept = { ...point };
    this.streak.push(kept);
    const clear = point.score >= this.settings.threshold + SINGLE_POINT_MARGIN;
    if (this.streak.length < this.settings.firingPoints && !clear) return undefined;
    const first = this.streak[0] as PointScore;
    const peak = this.streak.reduce((best, p) => (Math.abs(p.z) > Math.abs(best.z) ? p : best), first);
    const episodeDirection: Direction = peak.z >= 0 ? 'up' : 'down';
    const onsetMs = this.deviation?.direction === episodeDirection ? Math.min(this.deviation.sinceMs, first.timeMs) : first.timeMs;
    this.episode = { peak, direction: episodeDirection };
    this.streak = [];
    this.normalStreak = 0;
    return { type: 'opened', onsetMs, point: kept, peak, direction: episodeDirection };
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
