/**
 * Forecast of any series: the next `horizon` points with prediction intervals. Pure: no I/O,
 * no clock; times come from the data.
 *
 * Pipeline: regularise (typical step, short gaps interpolated) → detect seasonality from the
 * ACF → choose the model by rolling-origin validation on the history's own end (select-model.ts)
 * among damped Holt-Winters with the strongest period, damped-trend and simple exponential
 * smoothing (Hyndman & Athanasopoulos, FPP3 ch. 8), seasonal naive, the average of Holt-Winters
 * and seasonal naive, the mean or median of recent history, and Croston-SBA / TSB when the series
 * is intermittent (candidate-models.ts) → refit the chosen one on the whole history. The naive
 * period is the detected one, else a day when the history holds one, else 1. A series that was
 * never negative (usage, counts, ratios) is not forecast below zero.
 *
 * Intervals: ŷ ± z·σ_h with σ_h² the chosen model's forecast variance (the ETS(A,Ad,A) variance
 * in holt-winters.ts, or that of the other models), z the normal quantile of the confidence,
 * widened when the standardised validation errors were larger than z at that confidence (see
 * widening()). Exponential smoothing bands widen with the horizon as the model's uncertainty
 * does; a recent-level band is flat unless validation showed the level moving. A combined
 * forecast keeps the Holt-Winters half-width: the average of two forecasts errs no more than the
 * worse of them, so the band stays conservative.
 *
 * Cost is bounded: when the history has more than `maxPoints` steps at its typical step, the
 * step is multiplied by a whole factor (slots then average several points), so fitting stays
 * O(maxPoints × grid) whatever window the caller asks for.
 */
import { detectSeasonality, type Seasonality } from './detect-seasonality.js';
import { InsufficientHistoryError } from './forecast-errors.js';
import { applicableCandidates, fitCandidate, type CandidateName, type FittedCandidate, type SeriesTraits } from './candidate-models.js';
import type { HoltWintersParams } from './holt-winters.js';
import { seasonalNaiveScale } from './mase.js';
import { normalQuantile } from './normal-quantile.js';
import { cleanPoints, regularise, typicalStepMs, type TimePoint } from './regularise.js';
import { selectModel } from './select-model.js';

const DAY_MS = 86_400_000;

export type ForecastModelKind = 'holt-winters' | 'holt' | 'ses';

export interface ForecastPoint {
  timeMs: number;
  value: number;
  lower: number;
  upper: number;
}

export interface SeriesForecast {
  stepMs: number;
  points: ForecastPoint[];
  model: {
    kind: ForecastModelKind;
    /** Seasonal period used, in steps. */
    period?: number;
    periodMs?: number;
    params: HoltWintersParams;
    /** The candidate model rolling-origin validation chose (select-model.ts); `kind` is its smoothing form. */
    method: CandidateName;
    /** Present when the forecast is the average with the seasonal naive forecast of this period (steps). */
    seasonalNaivePeriod?: number;
    /** Every period detected, strongest first (the model uses the first). */
    seasonalities: Seasonality[];
  };
  accuracy: {
    /** In-sample one-step MAE over the seasonal naive one's (< 1 beats it); absent for a flat series. */
    insampleMase?: number;
    /** Standard deviation of the one-step forecast error. */
    residualSd: number;
    /** Mean absolute error of the chosen model over the validation origins (absent for a history too short to validate). */
    validationMae?: number;
  };
}

export interface ForecastOptions {
  /** Points to forecast, ≥ 1. */
  horizon: number;
  /** Central coverage of the interval, in (0, 1); @default 0.95 */
  confidence?: number;
  /** Most grid points fitted (the step grows beyond that); @default 5000 */
  maxPoints?: number;
  /** Fewest present grid points to forecast from; @default 10 */
  minPoints?: number;
  /** Longest gap (in steps) filled by interpolation; @default 6 */
  maxFillSteps?: number;
}

export function forecastSeries(points: readonly TimePoint[], options: ForecastOptions): SeriesForecast {
  const { horizon } = options;
  const confidence = options.confidence ?? 0.95;
  const maxPoints = options.maxPoints ?? 5000;
  const minPoints = options.minPoints ?? 10;
  if (!Number.isInteger(horizon) || horizon < 1) throw new RangeError(`forecastSeries(): horizon must be an integer ≥ 1, got ${horizon}`);
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`forecastSeries(): confidence must be in (0, 1), got ${confidence}`);

  const sorted = cleanPoints(points);
  const series = regularise(sorted, {
    stepMs: coarseStep(sorted, maxPoints),
    maxSlots: maxPoints,
    ...(options.maxFillSteps === undefined ? {} : { maxFillSteps: options.maxFillSteps }),
  });
  const { values } = series;
  const usable = values.filter((v) => !Number.isNaN(v)).length;
  if (usable < minPoints || !(series.stepMs > 0)) throw new InsufficientHistoryError(usable, minPoints);

  const seasonalities = detectSeasonality(series);
  const period = seasonalities[0]?.periodPoints ?? 0;
  const naivePeriod = naivePeriodOf(period, values.length, series.stepMs);
  const traits: SeriesTraits = { period, naivePeriod, levelWindow: levelWindowOf(naivePeriod, horizon, values.length) };
  const floor = sorted.every((point) => point.value >= 0) ? 0 : Number.NEGATIVE_INFINITY;
  const selection = selectModel(values, applicableCandidates(values, traits), traits, { horizon, floor });
  // Without a validation (a history too short for one), the model that fits the most shapes.
  let method: CandidateName = selection?.name ?? (period > 0 ? 'holt-winters' : 'ses');
  let fitted = fitCandidate(method, values, traits, horizon);
  if (fitted === undefined) fitted = fitCandidate((method = 'ses'), values, traits, horizon);
  if (fitted === undefined) throw new InsufficientHistoryError(usable, minPoints);
  const validationMae = selection?.scores.get(method);

  const z = normalQuantile(0.5 + confidence / 2) * widening(selection?.standardisedErrors ?? [], confidence);
  const lastMs = series.startMs + (values.length - 1) * series.stepMs;
  const scale = seasonalNaiveScale(values, Math.max(1, period));
  const insampleMase = scale === undefined || fitted.oneStepMae === undefined ? undefined : fitted.oneStepMae / scale;
  const at = (v: number) => Math.max(floor, v);
  const { mean, variance } = fitted;
  return {
    stepMs: series.stepMs,
    points: mean.map((value, i) => {
      const half = z * Math.sqrt(variance[i] ?? 0);
      return { timeMs: lastMs + (i + 1) * series.stepMs, value: at(value), lower: at(value - half), upper: at(value + half) };
    }),
    model: {
      ...describeModel(method, fitted, series.stepMs),
      method,
      ...(method === 'holt-winters+seasonal-naive' ? { seasonalNaivePeriod: naivePeriod } : {}),
      seasonalities,
    },
    accuracy: {
      ...(insampleMase === undefined ? {} : { insampleMase }),
      residualSd: Math.sqrt(variance[0] ?? 0),
      ...(validationMae === undefined ? {} : { validationMae }),
    },
  };
}

/**
 * The API names models by their exponential-smoothing form (kind and parameters). Seasonal
 * naive is exactly ETS(A,N,A) with α = 0, γ = 1, and naive ETS(A,N,N) with α = 1; the level-only
 * methods (recent mean or median, intermittent rates) forecast a flat line, as simple
 * exponential smoothing does, and are reported as `ses` with α = 0 (a level that new values do
 * not move within the forecast); `method` says which it is.
 */
function describeModel(method: CandidateName, fitted: FittedCandidate, stepMs: number): Pick<SeriesForecast['model'], 'kind' | 'period' | 'periodMs' | 'params'> {
  const seasonal = fitted.period > 1;
  const params = fitted.params ?? { alpha: 0, beta: 0, gamma: 0, phi: 1 };
  if (method === 'seasonal-naive' && !seasonal) return { kind: 'ses', params: { alpha: 1, beta: 0, gamma: 0, phi: 1 } };
  if (seasonal) return { kind: 'holt-winters', period: fitted.period, periodMs: fitted.period * stepMs, params };
  return { kind: params.beta > 0 ? 'holt' : 'ses', params };
}

/**
 * How much wider than the model's own normal interval the validation errors say it must be.
 * The model variances assume the model is right (a level-only model says the level never
 * moves, a normal model that errors are normal); on the origins the model was chosen at, the
 * errors divided by their model standard deviation should have a `confidence` quantile of
 * absolute values near z. When it is larger, the band is widened by the ratio — an empirical
 * calibration in the manner of Williams & Goodman (1971, "A simple method for the construction
 * of empirical confidence limits for economic forecasts", JASA 66) and of split conformal
 * prediction. It is never narrowed: a few overlapping windows can look luckier than the series is.
 */
function widening(standardisedErrors: readonly number[], confidence: number): number {
  if (standardisedErrors.length < 20) return 1;
  const absolute = standardisedErrors.map(Math.abs).sort((a, b) => a - b);
  const quantile = absolute[Math.min(absolute.length - 1, Math.ceil(confidence * absolute.length) - 1)] as number;
  return Math.max(1, quantile / normalQuantile(0.5 + confidence / 2));
}

/**
 * Values the recent mean and median average: a whole season (else a day) when the history
 * holds one, so the level is not biased by the phase the history ends in, and at least the
 * horizon, so a forecast of H steps rests on at least H values.
 */
function levelWindowOf(naivePeriod: number, horizon: number, length: number): number {
  return Math.min(length, Math.max(naivePeriod, horizon));
}

/** The detected season, else a day (ops series mostly follow the clock) when the history holds one, else 1. */
function naivePeriodOf(period: number, length: number, stepMs: number): number {
  if (period > 0) return period;
  const day = Math.round(DAY_MS / stepMs);
  return day >= 2 && length > day ? day : 1;
}

/** The typical step, multiplied by the smallest whole factor that fits the span in maxPoints. */
function coarseStep(sorted: readonly TimePoint[], maxPoints: number): number {
  const step = typicalStepMs(sorted);
  const first = sorted[0];
  const last = sorted.at(-1);
  if (!(step > 0) || first === undefined || last === undefined) return step;
  const slots = (last.timeMs - first.timeMs) / step + 1;
  return step * Math.max(1, Math.ceil(slots / maxPoints));
}
