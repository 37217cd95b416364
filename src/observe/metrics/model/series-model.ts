/**
 * The online model of one series: what opsloop has learned is normal for it, and how anomalous
 * each new point is. Pure, causal (a point is scored before it is learned) and O(1) per point,
 * in a few kilobytes (see docs/detector.md for the budget).
 *
 * Two questions per point, answered by separate parts:
 * - Is this unusual? ContextNovelty (is the recent shape new?) plus ValueBins (is the value
 *   beyond anything seen?) give a raw score; AnomalyLikelihood turns it into a score in [0, 1]
 *   relative to how novel this series usually is. A shape counts as new only when it is new
 *   both as values and as deviations from the expected value (`deviationNovelty`). ShiftCusum
 *   adds sustained shifts of many scales, which novelty under-rates on noisy series, and slow
 *   drifts of a scale or two; StuckRun a value frozen inside the
 *   band; and a record spike (a value beyond every one seen and `RECORD_Z` scales off, or
 *   `YOUNG_RECORD_Z` before 3× learnPoints are known) scores at once, where the likelihood would
 *   average it with the points before. The score is the largest of them.
 * - What was expected, and how far off is it? RobustLevel (Huber-clipped level and scale) on top
 *   of SeasonalProfile (hour-of-day or hour-of-week offsets, when the data has them) give the
 *   expected value, a band, a signed z-score and the direction, for charts and explanations.
 *
 * Cold start: the first `learnPoints` points only learn (no score), so a new series cannot
 * raise an alarm before it has a baseline.
 */
import { AnomalyLikelihood } from './anomaly-likelihood.js';
import { ContextNovelty } from './context-novelty.js';
import { RobustLevel } from './robust-level.js';
import { SeasonalProfile } from './seasonal-profile.js';
import { DRIFT, SHIFT, ShiftCusum } from './shift-cusum.js';
import { StuckRun } from './stuck-run.js';
import { ValueBins, deviationBin } from './value-bins.js';

export interface ModelSettings {
  /** Points learned quietly before the first score. */
  learnPoints: number;
}

/** Tuned once over the NAB development corpus for every file (docs/benchmarks.md); not per series. */
export const MODEL_CONSTANTS = {
  bins: 10,
  order: 3,
  likelihoodHalfLife: 1000,
  shortPoints: 3,
  levelWeight: 0.02,
  levelClip: 3,
  /** Band drawn around the expected value, in scales. */
  bandScales: 3,
  /** A step this many times the usual one is a gap: shapes are not carried across it. */
  gapSteps: 10,
} as const;

const MAX_Z = 1e12;
/** A new all-time extreme this many scales off expected alarms on its own. */
const RECORD_Z = 5;
/** The same for a series younger than 3× learnPoints. */
const YOUNG_RECORD_Z = 20;

export interface ModelReading {
  /** Anomaly score in [0, 1]; 0.5 is a 1 % likelihood tail. */
  score: number;
  expected: number;
  lower: number;
  upper: number;
  /** Signed deviation from expected in scales. */
  z: number;
  scale: number;
  /** Raw novelty in [0, 1] before the likelihood. */
  novelty: number;
  /** The value is beyond every value seen before. */
  beyond: boolean;
  /** The series is repeating one value though it normally changes. */
  stuck: boolean;
}

export interface ModelParts {
  learned: number;
  learning: number[];
  bins: ValueBins;
  novelty: ContextNovelty;
  /** Contexts of deviation bins (one scale each), learned once the level exists. */
  deviationNovelty: ContextNovelty;
  likelihood: AnomalyLikelihood;
  level: RobustLevel | undefined;
  cusum: ShiftCusum;
  drift: ShiftCusum;
  stuck: StuckRun;
  seasonal: SeasonalProfile;
  lastTimeMs: number;
  stepMs: number;
}

export class SeriesModel {
  /** Reused by every `observe`: a reading is consumed at once, and one object per point would be garbage. */
  private readonly reading: ModelReading = {
    score: 0, expected: 0, lower: 0, upper: 0, z: 0, scale: 0, novelty: 0, beyond: false, stuck: false,
  };

  constructor(
    private readonly settings: ModelSettings,
    private readonly minScale: number,
    readonly parts: ModelParts = {
      learned: 0,
      learning: [],
      bins: new ValueBins(MODEL_CONSTANTS.bins, minScale * MODEL_CONSTANTS.bins),
      novelty: new ContextNovelty(MODEL_CONSTANTS.bins, MODEL_CONSTANTS.order),
      deviationNovelty: new ContextNovelty(MODEL_CONSTANTS.bins, MODEL_CONSTANTS.order),
      likelihood: AnomalyLikelihood.fresh(MODEL_CONSTANTS.likelihoodHalfLife, MODEL_CONSTANTS.shortPoints),
      level: undefined,
      cusum: new ShiftCusum(SHIFT),
      drift: new ShiftCusum(DRIFT),
      stuck: new StuckRun(),
      seasonal: SeasonalProfile.fresh(),
      lastTimeMs: Number.NEGATIVE_INFINITY,
      stepMs: 0,
    },
  ) {}

  get lastTimeMs(): number {
    return this.parts.lastTimeMs;
  }

  /** "Tuesday 14:00 UTC" when the expected value comes from a seasonal profile. */
  describePhase(timeMs: number): string | undefined {
    return this.parts.seasonal.describePhase(timeMs);
  }

  /**
   * Scores and learns one point. Undefined when the point is rejected (not finite, or not after
   * the last one: see docs/detector.md "Bad input") or only learned (cold start). The reading
   * is overwritten by the next call.
   */
  observe(timeMs: number, value: number): Readonly<ModelReading> | undefined {
    const p = this.parts;
    if (!Number.isFinite(value) || !Number.isFinite(timeMs) || timeMs <= p.lastTimeMs) return undefined;
    this.trackStep(timeMs);

    const stuck = p.stuck.observe(value);
    const beyond = p.bins.extend(value);
    const novelty = p.novelty.observe(p.bins.bin(value));
    p.learned += 1;

    if (!p.level) {
      p.learning.push(value);
      if (p.learned >= this.settings.learnPoints) {
        p.level = RobustLevel.fromLearning(p.learning, MODEL_CONSTANTS.levelWeight, MODEL_CONSTANTS.levelClip, this.minScale);
        p.learning = [];
      }
      p.seasonal.observe(timeMs, value, p.level?.location ?? value, p.level?.scale ?? 0);
      return undefined;
    }

    const level = p.level;
    const offset = p.seasonal.offset(timeMs);
    const expected = level.location + offset;
    // How far this phase of the season usually strays (the series' scale without a season).
    const scale = p.seasonal.phaseScale(timeMs, level.scale);
    // Finite even for ±1e308 against a small scale: z travels in snapshots and JSON.
    const z = Math.max(-MAX_Z, Math.min(MAX_Z, (value - expected) / scale));
    // New only if new both ways: a value path never taken that is ordinary against the expected
    // value (the daily peak reached a little earlier) or a residual wiggle among familiar values
    // is not news; a value beyond every one seen always is. (+1.4 on NAB: docs/benchmarks.md.)
    const deviationNovelty = p.deviationNovelty.observe(deviationBin(z, MODEL_CONSTANTS.bins));
    const raw = beyond ? 1 : Math.min(novelty, deviationNovelty);
    // A young series sets records all the time, and its scale is still rough: until it is
    // seasoned a record must be gross to count.
    const recordZ = p.learned >= 3 * this.settings.learnPoints ? RECORD_Z : YOUNG_RECORD_Z;
    const record = beyond && Math.abs(z) >= recordZ ? 0.5 + 0.5 * Math.min(1, (Math.abs(z) - RECORD_Z) / (4 * RECORD_Z)) : 0;
    const score = Math.max(p.likelihood.observe(raw), p.cusum.observe(z), p.drift.observe(z), stuck ? 1 : 0, record);
    const band = MODEL_CONSTANTS.bandScales * scale;
    p.seasonal.learnDeviation(timeMs, value - expected, scale);
    level.update(value - offset);
    p.seasonal.observe(timeMs, value, level.location, level.scale);
    const reading = this.reading;
    reading.score = score;
    reading.expected = expected;
    reading.lower = expected - band;
    reading.upper = expected + band;
    reading.z = z;
    reading.scale = scale;
    reading.novelty = raw;
    reading.beyond = beyond;
    reading.stuck = stuck;
    return reading;
  }

  private trackStep(timeMs: number): void {
    const p = this.parts;
    if (Number.isFinite(p.lastTimeMs)) {
      const step = timeMs - p.lastTimeMs;
      if (p.stepMs > 0 && step > MODEL_CONSTANTS.gapSteps * p.stepMs) {
        // A gap: the next point does not follow the last, so neither shapes nor the short
        // average may bridge it. What was learned stays.
        p.novelty.forgetRecent();
        p.deviationNovelty.forgetRecent();
        p.likelihood.clearRecent();
      } else {
        p.stepMs = p.stepMs === 0 ? step : 0.9 * p.stepMs + 0.1 * step;
      }
    }
    p.lastTimeMs = timeMs;
  }
}
