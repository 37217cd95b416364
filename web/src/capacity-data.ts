/**
 * A capacity forecast → uPlot's aligned columns: history on its grid, then the forecast with its
 * band, on one x axis; each column is null where it has no value, so the history line stops
 * where the forecast line starts (joined at the last observation). Pure.
 */
import type uPlot from 'uplot';
import type { CapacityForecast } from './types.js';

export const CAPACITY_COLUMN = { history: 1, forecast: 2, lower: 3, upper: 4 } as const;

export function capacityData(forecast: CapacityForecast): uPlot.AlignedData {
  const history = forecast.history ?? [];
  const ahead = forecast.forecast ?? [];
  const x: number[] = [];
  const observed: Array<number | null> = [];
  const expected: Array<number | null> = [];
  const lower: Array<number | null> = [];
  const upper: Array<number | null> = [];
  history.forEach((point, i) => {
    x.push(point.timeMs);
    observed.push(point.value);
    // The forecast line starts from the last observation, so the two lines meet.
    const last = i === history.length - 1;
    expected.push(last ? point.value : null);
    lower.push(last ? point.value : null);
    upper.push(last ? point.value : null);
  });
  for (const point of ahead) {
    x.push(point.timeMs);
    observed.push(null);
    expected.push(point.value);
    lower.push(point.lower);
    upper.push(point.upper);
  }
  return [x, observed, expected, lower, upper];
}

/** The x window of the chart: from the first point to the last, and never short of the expected exhaustion. */
export function capacityWindow(forecast: CapacityForecast): { fromMs: number; toMs: number } {
  const fromMs = forecast.history?.[0]?.timeMs ?? forecast.current.timeMs;
  const toMs = forecast.forecast?.at(-1)?.timeMs ?? forecast.current.timeMs;
  return { fromMs, toMs: Math.max(toMs, fromMs + 1) };
}
