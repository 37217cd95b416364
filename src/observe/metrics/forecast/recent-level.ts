/**
 * Level-only forecasts from the recent history: its mean, or its median. Pure.
 *
 * Why: on a series that is mostly noise around a level (5-minute CPU averages of an idle pod),
 * every value is a poor forecast of the next, so the last value (naive) or the value a season
 * ago (seasonal naive) carries the whole noise into the forecast, while the mean of recent
 * history averages it away (FPP3 §5.2, the "mean method", here over a recent window so a level
 * that moves is followed). The median is the point forecast that minimises the mean absolute
 * error (FPP3 §5.8), and is robust to spikes; on a mostly-zero series it is zero.
 *
 * Variance: for i.i.d. noise around a fixed level the forecast error of the window mean has
 * variance σ²(1 + 1/w) (FPP3 §5.5, table 5.2), flat over the horizon; the median's sampling
 * variance is π/2 times the mean's for normal noise.
 */
import type { ModelForecast } from './model-forecast.js';

export type RecentStatistic = 'mean' | 'median';

/** Flat forecast of the mean or median of the last `window` present values; undefined with fewer than 2. */
export function recentLevelForecast(values: readonly number[], window: number, statistic: RecentStatistic, horizon: number): ModelForecast | undefined {
  const recent: number[] = [];
  for (let i = values.length - 1; i >= 0 && recent.length < window; i--) {
    const v = values[i] as number;
    if (!Number.isNaN(v)) recent.push(v);
  }
  const w = recent.length;
  if (w < 2) return undefined;
  const mean = recent.reduce((a, b) => a + b, 0) / w;
  const variance = recent.reduce((a, v) => a + (v - mean) ** 2, 0) / (w - 1);
  const level = statistic === 'mean' ? mean : median(recent);
  const spread = statistic === 'mean' ? 1 / w : Math.PI / (2 * w);
  return { mean: new Array<number>(horizon).fill(level), variance: new Array<number>(horizon).fill(variance * (1 + spread)) };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}
