/**
 * Finds the dominant periods of a regular series (daily, weekly … whatever the data has; nothing
 * is configured). Pure: no I/O, no clock.
 *
 * Method: the sample autocorrelation function (Box, Jenkins & Reinsel, "Time Series Analysis",
 * ch. 2; Hyndman & Athanasopoulos, FPP3 §2.8) of the series after removing a least-squares line,
 * so a trend does not masquerade as a long period. A seasonal series has ACF hills at its period
 * and its multiples; each maximal run of lags whose r(k) is above the bound is one hill and its
 * top is one candidate. The run that starts at lag 1 is the ordinary short-lag decay, not a
 * period, and is skipped.
 *
 * Bound: max(minStrength, z/√pairs(k)). Under white noise r(k) has standard error ≈ 1/√pairs(k);
 * the textbook 2/√n is a pointwise 95 % bound, but we scan up to n/2 lags, so at z = 2 about one
 * lag in twenty would pass by chance. z = 3 (≈ 0.3 % per lag) and the hill rule (one candidate
 * per run, not per lag) keep false periods rare, and minStrength = 0.25 drops patterns that
 * explain too little variance (r² < 6 %) to improve a forecast.
 *
 * Harmonics: a period P also gives hills at 2P, 3P …; a hill at a multiple of an accepted period
 * is kept only if it is clearly higher (the longer cycle carries its own shape, as a weekly
 * pattern on top of a daily one does). Periods stop at n/2, so every period found has at least two
 * full cycles in the data; the ACF is computed a little further so that a hill topping exactly at
 * n/2 (two whole weeks of data) is seen to top there.
 *
 * Precision: a hill top is only good to a lag or two (the finite-sample ACF of a sine leans
 * by an edge term that grows with the lag), and a seasonal model with period 289 instead of 288
 * drifts a step per day. So the period is re-measured within ±2 % of the hill top as the one
 * whose folded profile (mean by phase) explains the most of the series, the idea of epoch
 * folding / phase dispersion minimisation (Stellingwerf, ApJ 224, 1978).
 */
import { autocorrelation } from './autocorrelation.js';
import type { RegularSeries } from './regularise.js';

export interface Seasonality {
  /** Period in grid steps, rounded (what a seasonal model can use). */
  periodPoints: number;
  /** Period in milliseconds, refined to a fraction of a step. */
  periodMs: number;
  /** Autocorrelation at the period, in (0, 1]. */
  strength: number;
}

export interface DetectSeasonalityOptions {
  /** Shortest period considered, in points; @default 4 */
  minPeriodPoints?: number;
  /** Most periods returned; @default 3 */
  maxPeriods?: number;
  /** Least autocorrelation for a period; @default 0.25 */
  minStrength?: number;
  /** Standard errors above zero an ACF peak must be; @default 3 */
  z?: number;
}

interface Candidate {
  lag: number;
  r: number;
  pairs: number;
}

/** Periods, strongest first; none when the series is shorter than two cycles of any period. */
export function detectSeasonality(series: Pick<RegularSeries, 'stepMs' | 'values'>, options: DetectSeasonalityOptions = {}): Seasonality[] {
  const minPeriod = Math.max(2, options.minPeriodPoints ?? 4);
  const minStrength = options.minStrength ?? 0.25;
  const z = options.z ?? 3;
  const maxLag = Math.floor(series.values.length / 2);
  if (maxLag < minPeriod + 1) return [];
  const centred = detrend(series.values);
  if (centred === undefined) return [];
  const { acf, pairs } = autocorrelation(centred, Math.min(series.values.length - 1, Math.ceil(maxLag * 1.05) + 1));
  const lastLag = acf.length - 1;
  const r = (k: number): number => acf[k] ?? Number.NaN;
  const above = (k: number): boolean => r(k) > Math.max(minStrength, z / Math.sqrt(Math.max(1, pairs[k] ?? 0)));

  const candidates: Candidate[] = [];
  let k = 1;
  while (k <= maxLag && above(k)) k++;
  for (; k <= maxLag; k++) {
    if (!above(k)) continue;
    let top = k;
    while (k + 1 <= lastLag && above(k + 1)) {
      k++;
      if (r(k) > r(top)) top = k;
    }
    // A hill topping beyond n/2 has fewer than two cycles in the data, so it is not a period.
    if (top >= minPeriod && (top < maxLag || (top === maxLag && top < lastLag))) candidates.push({ lag: top, r: r(top), pairs: pairs[top] ?? 0 });
  }

  const accepted = dropHarmonics(candidates)
    .sort((a, b) => b.r - a.r)
    .slice(0, options.maxPeriods ?? 3);
  return accepted.map((c) => {
      const refined = refinePeriod(centred, c.lag, Math.max(minPeriod, Math.floor(c.lag * 0.98)), Math.min(maxLag, Math.ceil(c.lag * 1.02)));
      return { periodPoints: Math.round(refined), periodMs: refined * series.stepMs, strength: c.r };
    });
}

/**
 * The period in [from, to] whose folded profile (mean by phase t mod p) explains the most of the
 * series; fractional by a parabola through the best and its neighbours (see header).
 */
function refinePeriod(centred: readonly number[], lag: number, from: number, to: number): number {
  const explained = (p: number): number => foldedEnergy(centred, p);
  let best = lag;
  let bestEnergy = explained(lag);
  for (let p = from; p <= to; p++) {
    const energy = explained(p);
    if (energy > bestEnergy) {
      best = p;
      bestEnergy = energy;
    }
  }
  const left = explained(best - 1);
  const right = explained(best + 1);
  const curvature = left - 2 * bestEnergy + right;
  const offset = curvature < 0 ? (0.5 * (left - right)) / curvature : 0;
  return best + Math.max(-0.5, Math.min(0.5, offset));
}

/** Σ over phases of count·mean²: the between-phase sum of squares of a centred series. */
function foldedEnergy(centred: readonly number[], period: number): number {
  if (period < 1) return Number.NEGATIVE_INFINITY;
  const sums = new Float64Array(period);
  const counts = new Float64Array(period);
  centred.forEach((v, t) => {
    if (Number.isNaN(v)) return;
    const phase = t % period;
    sums[phase] = (sums[phase] as number) + v;
    counts[phase] = (counts[phase] as number) + 1;
  });
  let energy = 0;
  for (let phase = 0; phase < period; phase++) {
    const count = counts[phase] as number;
    if (count > 0) energy += ((sums[phase] as number) ** 2) / count;
  }
  return energy;
}

function dropHarmonics(candidates: readonly Candidate[]): Candidate[] {
  const accepted: Candidate[] = [];
  for (const candidate of candidates) {
    const bases = accepted.filter((base) => isMultiple(candidate.lag, base.lag));
    const strongestBase = Math.max(-Infinity, ...bases.map((base) => base.r));
    // The margin grows with the ACF's noise at this lag (fewer pairs at longer lags).
    const margin = Math.max(0.05, 3 / Math.sqrt(Math.max(1, candidate.pairs)));
    if (bases.length === 0 || candidate.r > strongestBase + margin) accepted.push(candidate);
  }
  return accepted;
}

function isMultiple(lag: number, base: number): boolean {
  const multiple = Math.round(lag / base);
  return multiple >= 2 && Math.abs(lag - multiple * base) <= Math.max(1, 0.02 * lag);
}

/** Residuals from the least-squares line through the present values; undefined if constant. */
export function detrend(values: readonly number[]): number[] | undefined {
  let count = 0;
  let sumT = 0;
  let sumY = 0;
  values.forEach((y, t) => {
    if (Number.isNaN(y)) return;
    count++;
    sumT += t;
    sumY += y;
  });
  if (count < 3) return undefined;
  const meanT = sumT / count;
  const meanY = sumY / count;
  let stt = 0;
  let sty = 0;
  values.forEach((y, t) => {
    if (Number.isNaN(y)) return;
    stt += (t - meanT) ** 2;
    sty += (t - meanT) * (y - meanY);
  });
  const slope = stt > 0 ? sty / stt : 0;
  const residuals = values.map((y, t) => y - meanY - slope * (t - meanT));
  const energy = residuals.reduce((sum, e) => (Number.isNaN(e) ? sum : sum + e * e), 0);
  // Relative to the data's magnitude, so a flat series of large numbers counts as flat.
  if (!(energy > 1e-18 * count * (1 + meanY * meanY))) return undefined;
  return residuals;
}
