/**
 * Forecasts for intermittent series — mostly zero, with occasional non-zero values (bursts of
 * errors, write bursts, rare queue build-ups). Pure: no I/O, no clock.
 *
 * Exponential smoothing of the raw series treats each zero as news and forecasts a level that
 * decays after every burst. Croston (1972, "Forecasting and stock control for intermittent
 * demands", ORQ 23) smooths two things separately, only when a non-zero value ("demand")
 * occurs: its size z and the interval p since the previous one; the forecast rate is z/p.
 * Two corrections are implemented, chosen by `variant`:
 * - SBA (Syntetos & Boylan 2005, "The accuracy of intermittent demand estimates", IJF 21):
 *   Croston's z/p is biased upward; multiplying by (1 − α/2) removes most of the bias.
 * - TSB (Teunter, Syntetos & Babai 2011, "Intermittent demand: linking forecasting to inventory
 *   obsolescence", EJOR 214): smooth the probability d of a demand in every period (so a
 *   series that stopped bursting decays towards zero) and the size z at demands; rate d·z.
 * Smoothing constants come from a small grid by one-step squared error, as for exponential
 * smoothing. Croston's method has no consistent stochastic model (Shenstone & Hyndman 2005), so
 * the variance is the in-sample one-step error variance, growing with the horizon as simple
 * exponential smoothing's does (σ²(1 + (h − 1)α²), FPP3 §8.7).
 *
 * Which series: the classification of Syntetos, Boylan & Croston (2005, JORS 56) calls demand
 * intermittent when the average inter-demand interval exceeds 1.32 periods.
 */
import type { ModelForecast } from './model-forecast.js';

export type IntermittentVariant = 'sba' | 'tsb';

/** Average inter-demand interval above which a series is intermittent (Syntetos, Boylan & Croston 2005). */
export const INTERMITTENT_INTERVAL = 1.32;

const SMOOTHING = [0.05, 0.1, 0.2, 0.3];

/** Present values per non-zero value; Infinity when all are zero, NaN when none is present. */
export function averageDemandInterval(values: readonly number[]): number {
  let present = 0;
  let demands = 0;
  for (const v of values) {
    if (Number.isNaN(v)) continue;
    present++;
    if (v !== 0) demands++;
  }
  return present === 0 ? Number.NaN : present / demands;
}

export function isIntermittent(values: readonly number[]): boolean {
  return averageDemandInterval(values) > INTERMITTENT_INTERVAL;
}

/** Flat forecast of the demand rate; undefined without two demands to learn from. */
export function intermittentForecast(values: readonly number[], variant: IntermittentVariant, horizon: number): ModelForecast | undefined {
  let best: Run | undefined;
  for (const alpha of SMOOTHING) {
    for (const beta of variant === 'tsb' ? SMOOTHING : [alpha]) {
      const run = smooth(values, variant, alpha, beta);
      if (run && (best === undefined || run.sse / run.count < best.sse / best.count)) best = run;
    }
  }
  if (best === undefined) return undefined;
  const sigma2 = best.sse / Math.max(1, best.count - 2);
  const { alpha, rate } = best;
  return {
    mean: new Array<number>(horizon).fill(rate),
    variance: Array.from({ length: horizon }, (_, i) => sigma2 * (1 + i * alpha * alpha)),
  };
}

interface Run {
  alpha: number;
  rate: number;
  sse: number;
  count: number;
}

/** One pass of Croston-SBA (β unused) or TSB; errors are scored from the second demand on. */
function smooth(values: readonly number[], variant: IntermittentVariant, alpha: number, beta: number): Run | undefined {
  const first = values.findIndex((v) => !Number.isNaN(v) && v !== 0);
  if (first < 0) return undefined;
  let size = values[first] as number;
  // Before the first demand the interval is unknown; its position is the best guess Croston uses.
  let interval = first + 1;
  let probability = 1 / interval;
  let sinceDemand = 0;
  let demands = 1;
  let sse = 0;
  let count = 0;
  const rate = () => (variant === 'sba' ? (1 - alpha / 2) * (size / interval) : probability * size);
  for (let t = first + 1; t < values.length; t++) {
    const y = values[t] as number;
    sinceDemand++;
    if (Number.isNaN(y)) continue;
    if (demands >= 2) {
      const error = y - rate();
      sse += error * error;
      count++;
    }
    const demand = y !== 0;
    if (variant === 'tsb') probability += beta * ((demand ? 1 : 0) - probability);
    if (!demand) continue;
    size += alpha * (y - size);
    interval += alpha * (sinceDemand - interval);
    sinceDemand = 0;
    demands++;
  }
  return count > 0 ? { alpha, rate: rate(), sse, count } : undefined;
}
