/**
 * The forecasting models the forecaster chooses among, each fitted on a history and forecasting
 * `horizon` steps with error variances. Pure: no I/O, no clock.
 *
 * - holt-winters: additive damped Holt-Winters, ETS(A,Ad,A), with the detected season
 *   (holt-winters.ts; FPP3 §8.3);
 * - holt: damped-trend exponential smoothing, no season (Gardner & McKenzie 1985; Gardner,
 *   "Exponential smoothing: the state of the art — part II", IJF 2006, which finds the damped
 *   trend the most reliable automatic choice);
 * - ses: simple exponential smoothing, level only (FPP3 §8.1);
 * - seasonal-naive: the value one period earlier (seasonal-naive.ts);
 * - holt-winters+seasonal-naive: their equal-weight average (Bates & Granger 1969; FPP3 §13.4:
 *   a combination often beats both of its parts);
 * - recent-mean, recent-median: the mean or median of the last `levelWindow` values
 *   (recent-level.ts), for series that are noise around a level;
 * - croston-sba, tsb: intermittent-demand rates (intermittent.ts), only offered for intermittent
 *   series.
 * Which one forecasts a series is decided by rolling-origin validation (select-model.ts).
 */
import { fitHoltWinters, holtWintersForecast, type HoltWintersParams } from './holt-winters.js';
import { intermittentForecast, isIntermittent } from './intermittent.js';
import type { ModelForecast } from './model-forecast.js';
import { recentLevelForecast } from './recent-level.js';
import { seasonalNaiveForecast } from './seasonal-naive.js';

/** In order of preference on a tie (a flat history fits them all exactly): simplest first. */
export const CANDIDATE_NAMES = [
  'ses',
  'holt',
  'holt-winters',
  'holt-winters+seasonal-naive',
  'seasonal-naive',
  'recent-mean',
  'recent-median',
  'croston-sba',
  'tsb',
] as const;
export type CandidateName = (typeof CANDIDATE_NAMES)[number];

/** What the candidates need to know about the series beyond its values. */
export interface SeriesTraits {
  /** Detected season in steps; 0 = none. */
  period: number;
  /** Period of the seasonal naive forecast, ≥ 1 (the season, else a day when the history holds one, else 1). */
  naivePeriod: number;
  /** Values the recent-level models average. */
  levelWindow: number;
}

export interface FittedCandidate extends ModelForecast {
  /** Smoothing parameters of the fitted model, or of the ETS model it equals (see forecast.ts). */
  params?: HoltWintersParams;
  /** Season the model used, in steps (0 = none). */
  period: number;
  /** In-sample mean absolute one-step error, when the model has one-step forecasts. */
  oneStepMae?: number;
}

/** The candidates that apply to a history with these traits. */
export function applicableCandidates(values: readonly number[], traits: SeriesTraits): CandidateName[] {
  const intermittent = isIntermittent(values);
  return CANDIDATE_NAMES.filter((name) => {
    if (name === 'holt-winters' || name === 'holt-winters+seasonal-naive') return traits.period > 0;
    if (name === 'croston-sba' || name === 'tsb') return intermittent;
    return true;
  });
}

/**
 * Fits one candidate; undefined when the history cannot support it (a season needs two whole
 * cycles, a level two values, an intermittent model two demands).
 * `cache` lets the combination reuse the Holt-Winters fit of the same history.
 */
export function fitCandidate(
  name: CandidateName,
  values: readonly number[],
  traits: SeriesTraits,
  horizon: number,
  cache: Map<CandidateName, FittedCandidate | undefined> = new Map(),
): FittedCandidate | undefined {
  if (cache.has(name)) return cache.get(name);
  const fitted = fit(name, values, traits, horizon, cache);
  cache.set(name, fitted);
  return fitted;
}

function fit(name: CandidateName, values: readonly number[], traits: SeriesTraits, horizon: number, cache: Map<CandidateName, FittedCandidate | undefined>): FittedCandidate | undefined {
  switch (name) {
    case 'holt-winters':
      return traits.period > 0 && values.length >= 2 * traits.period ? exponentialSmoothing(values, traits.period, undefined, horizon) : undefined;
    case 'holt':
      return exponentialSmoothing(values, 0, true, horizon);
    case 'ses':
      return exponentialSmoothing(values, 0, false, horizon);
    case 'seasonal-naive':
      return seasonalNaive(values, traits.naivePeriod, horizon);
    case 'holt-winters+seasonal-naive': {
      const smoothing = fitCandidate('holt-winters', values, traits, horizon, cache);
      const naive = fitCandidate('seasonal-naive', values, traits, horizon, cache);
      if (smoothing === undefined || naive === undefined) return undefined;
      // The average errs no more than the worse of its parts, so the Holt-Winters variance stays a conservative band.
      return { ...smoothing, mean: smoothing.mean.map((v, i) => (v + (naive.mean[i] ?? v)) / 2) };
    }
    case 'recent-mean':
    case 'recent-median': {
      const level = recentLevelForecast(values, traits.levelWindow, name === 'recent-mean' ? 'mean' : 'median', horizon);
      return level && { ...level, period: 0 };
    }
    case 'croston-sba':
    case 'tsb': {
      const rate = intermittentForecast(values, name === 'tsb' ? 'tsb' : 'sba', horizon);
      return rate && { ...rate, period: 0 };
    }
  }
}

function exponentialSmoothing(values: readonly number[], period: number, trend: boolean | undefined, horizon: number): FittedCandidate | undefined {
  if (values.filter((v) => !Number.isNaN(v)).length < 2) return undefined;
  const model = fitHoltWinters(values, { period, ...(trend === undefined ? {} : { trend }) });
  return { ...holtWintersForecast(model, horizon), params: model.params, period, ...(Number.isNaN(model.mae) ? {} : { oneStepMae: model.mae }) };
}

/**
 * Seasonal naive with the forecast variance of FPP3 table 5.2: σ²(k + 1), k = ⌊(h − 1)/m⌋, σ²
 * the variance of its in-sample one-step errors y_t − y_{t−m}. It is ETS(A,N,A) with α = 0,
 * γ = 1 (the level never moves; each seasonal state becomes the last value of its phase).
 */
function seasonalNaive(values: readonly number[], period: number, horizon: number): FittedCandidate | undefined {
  let sumSquares = 0;
  let sumAbsolute = 0;
  let count = 0;
  for (let t = period; t < values.length; t++) {
    const difference = (values[t] as number) - (values[t - period] as number);
    if (Number.isNaN(difference)) continue;
    sumSquares += difference * difference;
    sumAbsolute += Math.abs(difference);
    count++;
  }
  if (count === 0) return undefined;
  const sigma2 = sumSquares / count;
  return {
    mean: seasonalNaiveForecast(values, period, horizon),
    variance: Array.from({ length: horizon }, (_, i) => sigma2 * (Math.floor(i / period) + 1)),
    params: { alpha: 0, beta: 0, gamma: 1, phi: 1 },
    period,
    oneStepMae: sumAbsolute / count,
  };
}
