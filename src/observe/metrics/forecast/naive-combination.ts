/**
 * Whether to average the Holt-Winters forecast with the seasonal naive one, decided on held-out
 * data. Pure: no I/O, no clock.
 *
 * Why: an equal-weight combination of forecasts often beats each of them (Bates & Granger 1969;
 * Clemen, "Combining forecasts: a review", IJF 1989; FPP3 §13.4), and on ops series it guards
 * against a smoothing model fitted to one-step errors drifting over long horizons. But averaging
 * with a forecast that has no trend halves a real trend, which would double a capacity
 * forecast's time to exhaustion. So the choice is made by time-series cross-validation (FPP3
 * §5.10): refit on the history minus its last `holdout` points, forecast them both ways, keep the
 * combination only when its mean absolute error there is lower.
 */
import { fitHoltWinters, holtWintersForecast } from './holt-winters.js';
import { seasonalNaiveForecast } from './seasonal-naive.js';

export interface CombinationChoice {
  /** Period of the seasonal naive forecast in steps (1 = last value). */
  naivePeriod: number;
  /** True when the average with the seasonal naive forecast did better on the holdout. */
  combine: boolean;
}

/**
 * @param period the Holt-Winters season (0 = none)
 * @param naivePeriod the seasonal naive period (≥ 1)
 * @param holdout points held out, at most a fifth of the history
 */
export function chooseCombination(values: readonly number[], period: number, naivePeriod: number, holdout: number): CombinationChoice {
  const size = Math.min(holdout, Math.floor(values.length / 5));
  const train = values.slice(0, values.length - size);
  const actual = values.slice(values.length - size);
  // The shorter history may no longer hold two cycles; then the season is left out of the trial.
  const trainPeriod = period > 0 && train.length >= 2 * period ? period : 0;
  if (size < 1 || train.length < Math.max(10, naivePeriod + 1)) return { naivePeriod, combine: false };
  const alone = holtWintersForecast(fitHoltWinters(train, { period: trainPeriod }), size).mean;
  const combined = averageWith(alone, seasonalNaiveForecast(train, naivePeriod, size));
  return { naivePeriod, combine: meanAbsoluteError(actual, combined) < meanAbsoluteError(actual, alone) };
}

export function averageWith(forecast: readonly number[], other: readonly number[]): number[] {
  return forecast.map((value, i) => (value + (other[i] ?? value)) / 2);
}

function meanAbsoluteError(actual: readonly number[], forecast: readonly number[]): number {
  let sum = 0;
  let count = 0;
  actual.forEach((y, i) => {
    if (Number.isNaN(y)) return;
    sum += Math.abs(y - (forecast[i] as number));
    count++;
  });
  return count > 0 ? sum / count : Number.POSITIVE_INFINITY;
}
