/**
 * Daily and weekly seasonality, found from the data and then used as a baseline offset: the
 * usual level of each hour of the day (or of the week) relative to the series' level. Pure.
 *
 * The series is folded into hourly means kept in a ring of four weeks (672 float32, 2.7 KB).
 * Once a day of data, the autocorrelation of the detrended ring at the two candidate lags (Box,
 * Jenkins & Reinsel ch. 2) decides: r(24) above max(0.3, 3/√pairs) is a daily season; r(168)
 * above that bound and clearly above r(24) a weekly one (a daily pattern alone correlates at
 * 168 h as well as at 24 h). Testing two lags costs O(ring) — the forecaster's full scan
 * (detect-seasonality.ts) would cost O(ring²) per series per day, more than all the scoring.
 * A season found switches the profile on (the mean of each phase over the ring minus the
 * overall mean); a series that stops being seasonal loses it at the next check. Between checks each completed hour nudges its
 * phase towards what it saw, clipped so an incident hour cannot rewrite the profile.
 *
 * Phases are UTC hours. Series sampled more coarsely than hourly leave holes in the ring and
 * are only found seasonal when the holes are few.
 *
 * A seasonal series also strays by different amounts at different phases: a city's taxi count
 * at 07:00 on a Thursday is as regular as clockwork, at 01:00 on a Saturday it is not. One scale
 * for all phases is set by the loose ones, so a holiday morning — half the usual traffic at an
 * hour that never varies — was ~2 scales off and unseen. Each phase therefore keeps its own
 * mean absolute deviation from the expected value (`deviation`, one float per phase), and
 * `phaseScale` is that, floored at a quarter of the series' scale (a phase that happened to be
 * calm for a few weeks must not make every wiggle news). It is learned fast — each point moves
 * it `PHASE_DEVIATION_WEIGHT` of the way — so it mostly remembers the same hour of the last
 * period or two. It starts from the series' scale when a season is found, and carries over
 * when the season switches between daily and weekly (`carryDeviation`); such switches are rare
 * by design (`WEEKLY_HYSTERESIS`).
 */
import { detrend } from '../forecast/detect-seasonality.js';

export const HOUR_MS = 3_600_000;
const RING_HOURS = 24 * 7 * 4;
export type SeasonalPeriod = 0 | 24 | 168;
/** Share of a phase's error each completed hour corrects: about a week's memory for a daily profile. */
const PROFILE_WEIGHT = 0.15;
/** Share of the way each point moves its phase's mean absolute deviation (docs/benchmarks.md: 0.25–0.5 score alike). */
const PHASE_DEVIATION_WEIGHT = 0.4;
/** A phase's scale is never below this share of the series' scale. */
const PHASE_SCALE_FLOOR = 0.25;
/** σ / E|X − μ| for a normal X: turns a mean absolute deviation into a scale. */
const MEAN_DEVIATION_TO_SIGMA = 1.2533;
/** A point teaches its phase at most this many phase scales of deviation: an incident hour does not become the phase's habit at once. */
const PHASE_DEVIATION_CLIP = 3;
/** Holes above this share of the ring make autocorrelation unreliable: no seasonality then. */
const MAX_HOLE_SHARE = 0.2;
const MIN_STRENGTH = 0.3;
/**
 * A weekly season wins unless its lag correlates clearly less than the daily one. The weekly
 * profile holds the daily one (each weekday its own day), so when r(168) is about r(24) the
 * weekdays are alike and nothing is lost; when weekends differ it is the better baseline, and
 * the per-phase scales need it (a Thursday 07:00 is not a Sunday 07:00). Was +0.1 (weekly only
 * when clearly better): NAB's taxi series then stayed daily.
 */
const WEEKLY_MARGIN = -0.1;
/**
 * A weekly season, once found, is kept until r(168) falls this much further below r(24): a
 * hysteresis band (a Schmitt trigger) so a series whose two lags correlate about equally does
 * not flip between daily and weekly at every daily check. Each flip refolded the profile and
 * threw away what the weeks had taught the per-phase scales; NAB's taxi series flipped six times,
 * once in the middle of Christmas, whose mornings were then judged by a day-old reset scale.
 * +1.55 on NAB (docs/benchmarks.md); 0.08–0.15 score alike.
 */
const WEEKLY_HYSTERESIS = 0.1;
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export interface SeasonalState {
  /** Hourly means, NaN for hours without points; `head` is the next slot to write. */
  ring: Float32Array;
  head: number;
  filled: number;
  /** Hour (epoch hours) being accumulated, and its running sum and count. */
  hour: number;
  sum: number;
  count: number;
  /** Hours pushed since the last seasonality check. */
  sinceCheck: number;
  /** Hours: 0 (none), 24 or 168. */
  period: SeasonalPeriod;
  profile: Float32Array;
  /** Mean absolute deviation from the expected value, one per phase (empty without a season). */
  deviation: Float32Array;
}

export class SeasonalProfile {
  constructor(readonly state: SeasonalState) {}

  static fresh(): SeasonalProfile {
    return new SeasonalProfile({
      ring: new Float32Array(RING_HOURS).fill(Number.NaN),
      head: 0,
      filled: 0,
      hour: Number.NaN,
      sum: 0,
      count: 0,
      sinceCheck: 0,
      period: 0,
      profile: new Float32Array(0),
      deviation: new Float32Array(0),
    });
  }

  get period(): number {
    return this.state.period;
  }

  /** Usual offset from the series' level at `timeMs`; 0 without seasonality. */
  offset(timeMs: number): number {
    const { period, profile } = this.state;
    return period === 0 ? 0 : (profile[phaseOf(timeMs, period)] as number);
  }

  /** How far the series usually strays at `timeMs`'s phase; `scale` (the series' own) without a season. */
  phaseScale(timeMs: number, scale: number): number {
    const { period, deviation } = this.state;
    if (period === 0) return scale;
    return Math.max(PHASE_SCALE_FLOOR * scale, MEAN_DEVIATION_TO_SIGMA * (deviation[phaseOf(timeMs, period)] as number));
  }

  /** Learns how far a point at `timeMs` strayed from its expected value; `phaseScale` is what it was judged by. */
  learnDeviation(timeMs: number, deviation: number, phaseScale: number): void {
    const s = this.state;
    if (s.period === 0) return;
    const phase = phaseOf(timeMs, s.period);
    const current = s.deviation[phase] as number;
    s.deviation[phase] = current + PHASE_DEVIATION_WEIGHT * (Math.min(Math.abs(deviation), PHASE_DEVIATION_CLIP * phaseScale) - current);
  }

  /** "Tuesday 14:00" (weekly), "14:00" (daily) or undefined: what "usual" refers to in explanations. */
  describePhase(timeMs: number): string | undefined {
    const { period } = this.state;
    if (period === 0) return undefined;
    const date = new Date(timeMs);
    const clock = `${String(date.getUTCHours()).padStart(2, '0')}:00 UTC`;
    return period === 168 ? `${WEEKDAYS[date.getUTCDay()] as string} ${clock}` : clock;
  }

  /**
   * Adds a point. `level` is the series' current level (the profile holds offsets from it) and
   * `scale` its usual deviation (bounds how far one hour can move its phase).
   */
  observe(timeMs: number, value: number, level: number, scale: number): void {
    const s = this.state;
    const hour = Math.floor(timeMs / HOUR_MS);
    if (Number.isNaN(s.hour)) s.hour = hour;
    if (hour !== s.hour) this.closeHours(hour, level, scale);
    s.sum += value;
    s.count += 1;
  }

  private closeHours(hour: number, level: number, scale: number): void {
    const s = this.state;
    const mean = s.count > 0 ? s.sum / s.count : Number.NaN;
    if (s.period !== 0 && Number.isFinite(mean)) {
      const phase = phaseOf(s.hour * HOUR_MS, s.period);
      const current = s.profile[phase] as number;
      const limit = 3 * scale;
      const error = Math.max(-limit, Math.min(limit, mean - level - current));
      s.profile[phase] = current + PROFILE_WEIGHT * error;
    }
    // Hours with no points become holes; a gap longer than the ring just empties it.
    const elapsed = Math.min(hour - s.hour, RING_HOURS);
    for (let i = 0; i < elapsed; i++) {
      s.ring[s.head] = i === 0 ? mean : Number.NaN;
      s.head = (s.head + 1) % RING_HOURS;
      s.filled = Math.min(RING_HOURS, s.filled + 1);
      s.sinceCheck += 1;
    }
    s.hour = hour;
    s.sum = 0;
    s.count = 0;
    if (s.sinceCheck >= 24) {
      s.sinceCheck = 0;
      this.checkSeasonality(scale);
    }
  }

  private checkSeasonality(scale: number): void {
    const s = this.state;
    const values = this.chronological();
    const holes = values.filter((v) => Number.isNaN(v)).length;
    const period = holes <= MAX_HOLE_SHARE * values.length ? seasonOf(values, s.period) : 0;
    if (period !== s.period) {
      s.deviation = carryDeviation(s.deviation, s.period, period, scale / MEAN_DEVIATION_TO_SIGMA);
      s.period = period;
      s.profile = period === 0 ? new Float32Array(0) : foldProfile(values, s.hour - values.length, period);
    }
  }

  private chronological(): number[] {
    const s = this.state;
    const out: number[] = [];
    for (let i = s.filled; i > 0; i--) out.push(s.ring[(s.head - i + RING_HOURS) % RING_HOURS] as number);
    return out;
  }
}

function phaseOf(timeMs: number, period: number): number {
  const hour = Math.floor(timeMs / HOUR_MS);
  return ((hour % period) + period) % period;
}

/**
 * The season of a ring of hourly means, given the season in use (`current`): weekly wins unless
 * r(168) is clearly below r(24), and a weekly season in use stays until it is clearly further
 * below (`WEEKLY_HYSTERESIS`). Exported for tests.
 */
export function seasonOf(values: readonly number[], current: SeasonalPeriod): SeasonalPeriod {
  const centred = detrend(fillHoles(values));
  if (!centred) return 0;
  const daily = significantAcf(centred, 24);
  const weekly = significantAcf(centred, 168);
  const margin = current === 168 ? WEEKLY_MARGIN - WEEKLY_HYSTERESIS : WEEKLY_MARGIN;
  if (weekly > 0 && weekly >= daily + margin) return 168;
  return daily > 0 ? 24 : 0;
}

/** r(lag) when it clears the significance bound, else 0. */
function significantAcf(centred: readonly number[], lag: number): number {
  const pairs = centred.length - lag;
  if (pairs < 2 * 24) return 0;
  let variance = 0;
  for (const v of centred) variance += v * v;
  if (variance === 0) return 0;
  let covariance = 0;
  for (let i = lag; i < centred.length; i++) covariance += (centred[i] as number) * (centred[i - lag] as number);
  const r = covariance / variance;
  return r >= Math.max(MIN_STRENGTH, 3 / Math.sqrt(pairs)) ? r : 0;
}

/**
 * The per-phase mean deviations for a new season, from those of the old one where they say
 * something: a daily phase is the same hour on every weekday, so switching between daily and
 * weekly keeps what the weeks taught (daily → weekly: each weekday starts from its hour's;
 * weekly → daily: each hour is the mean of its seven weekdays). A season found afresh starts
 * every phase at `start` (the series' own), and none has no phases.
 */
export function carryDeviation(old: Float32Array, from: SeasonalPeriod, to: SeasonalPeriod, start: number): Float32Array {
  const next = new Float32Array(to);
  if (to === 0) return next;
  if (from === 0) return next.fill(start);
  // Hour h of the week is hour h % 24 of the day: 168 is a whole number of days.
  if (from === 24) {
    for (let phase = 0; phase < to; phase++) next[phase] = old[phase % 24] as number;
    return next;
  }
  for (let phase = 0; phase < from; phase++) next[phase % to] = (next[phase % to] as number) + (old[phase] as number) / (from / to);
  return next;
}

function fillHoles(values: readonly number[]): number[] {
  const known = values.filter((v) => !Number.isNaN(v));
  let last = known.length > 0 ? (known[0] as number) : 0;
  return values.map((v) => (Number.isNaN(v) ? last : (last = v)));
}

/** Mean of each phase minus the mean of all: offsets from the level. */
function foldProfile(values: readonly number[], firstHour: number, period: number): Float32Array {
  const sums = new Float64Array(period);
  const counts = new Float64Array(period);
  values.forEach((v, i) => {
    if (Number.isNaN(v)) return;
    const phase = (((firstHour + i) % period) + period) % period;
    sums[phase] = (sums[phase] as number) + v;
    counts[phase] = (counts[phase] as number) + 1;
  });
  const means = Array.from(sums, (sum, p) => ((counts[p] as number) > 0 ? sum / (counts[p] as number) : Number.NaN));
  const known = means.filter((m) => !Number.isNaN(m));
  const overall = known.reduce((a, b) => a + b, 0) / Math.max(1, known.length);
  return Float32Array.from(means, (m) => (Number.isNaN(m) ? 0 : m - overall));
}
