/**
 * Forecast of any series: the next `horizon` points with prediction intervals. Pure: no I/O,
 * no clock; times come from the data.
 *
 * Pipeline: regularise (typical step, short gaps interpolated) → detect seasonality from the
 * ACF → additive damped Holt-Winters with the strongest period, or damped-trend/simple
 * exponential smoothing when there is none (Hyndman & Athanasopoulos, FPP3 ch. 8).
 *
 * Intervals are analytical, not empirical: ŷ ± z·σ_h with σ_h² the ETS(A,Ad,A) forecast
 * variance (see holt-winters.ts), σ² the one-step residual variance, z the normal quantile of
 * the confidence. They widen with the horizon as the model's own uncertainty does; they assume
 * roughly normal residuals and ignore parameter uncertainty, so heavy-tailed series get somewhat
 * narrow bands.
 *
 * Cost is bounded: when the history has more than `maxPoints` steps at its typical step, the
 * step is multiplied by a whole factor (slots then average several points), so fitting stays
 * O(maxPoints × grid) whatever window the caller asks for.
 */
import { detectSeasonality, type Seasonality } from './detect-seasonality.js';
import { InsufficientHistoryError } from './forecast-errors.js';
import { fitHoltWinters, holtWintersForecast, type HoltWintersParams } from './holt-winters.js';
import { seasonalNaiveScale } from './mase.js';
import { normalQuantile } from './normal-quantile.js';
import { cleanPoints, regularise, typicalStepMs, type TimePoint } from './regularise.js';

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
    /** Every period detected, strongest first (the model uses the first). */
    seasonalities: Seasonality[];
  };
  accuracy: {
    /** In-sample one-step MAE over the seasonal naive one's (< 1 beats it); absent for a flat series. */
    insampleMase?: number;
    /** One-step residual standard deviation. */
    residualSd: number;
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
  const usable = series.values.filter((v) => !Number.isNaN(v)).length;
  if (usable < minPoints || !(series.stepMs > 0)) throw new InsufficientHistoryError(usable, minPoints);

  const seasonalities = detectSeasonality(series);
  const period = seasonalities[0]?.periodPoints ?? 0;
  const model = fitHoltWinters(series.values, { period });
  const { mean, variance } = holtWintersForecast(model, horizon);
  const z = normalQuantile(0.5 + confidence / 2);
  const lastMs = series.startMs + (series.values.length - 1) * series.stepMs;
  const scale = seasonalNaiveScale(series.values, Math.max(1, period));
  const insampleMase = scale === undefined || Number.isNaN(model.mae) ? undefined : model.mae / scale;

  return {
    stepMs: series.stepMs,
    points: mean.map((value, i) => {
      const half = z * Math.sqrt(variance[i] ?? 0);
      return { timeMs: lastMs + (i + 1) * series.stepMs, value, lower: value - half, upper: value + half };
    }),
    model: {
      kind: period > 0 ? 'holt-winters' : model.params.beta > 0 ? 'holt' : 'ses',
      ...(period > 0 ? { period, periodMs: period * series.stepMs } : {}),
      params: model.params,
      seasonalities,
    },
    accuracy: { ...(insampleMase === undefined ? {} : { insampleMase }), residualSd: Math.sqrt(model.sigma2) },
  };
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
