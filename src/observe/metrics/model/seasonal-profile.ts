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
 */
import { detrend } from '../forecast/detect-seasonality.js';

export const HOUR_MS = 3_600_000;
const RING_HOURS = 24 * 7 * 4;
export type SeasonalPeriod = 0 | 24 | 168;
/** Share of a phase's error each completed hour corrects: about a week's memory for a daily profile. */
const PROFILE_WEIGHT = 0.15;
/** Holes above this share of the ring make autocorrelation unreliable: no seasonality then. */
const MAX_HOLE_SHARE = 0.2;
const MIN_STRENGTH = 0.3;
/** How much more a weekly lag must correlate than the daily one to count as its own season. */
const WEEKLY_MARGIN = 0.1;
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
      this.checkSeasonality();
    }
  }

  private checkSeasonality(): void {
    const s = this.state;
    const values = this.chronological();
    const holes = values.filter((v) => Number.isNaN(v)).length;
    const period = holes <= MAX_HOLE_SHARE * values.length ? seasonOf(values) : 0;
    if (period !== s.period) {
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

function seasonOf(values: readonly number[]): SeasonalPeriod {
  const centred = detrend(fillHoles(values));
  if (!centred) return 0;
  const daily = significantAcf(centred, 24);
  const weekly = significantAcf(centred, 168);
  if (weekly > 0 && weekly >= daily + WEEKLY_MARGIN) return 168;
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
