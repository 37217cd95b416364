/**
 * Mean absolute scaled error (Hyndman & Koehler, "Another look at measures of forecast
 * accuracy", IJF 2006; FPP3 §5.8). Pure.
 *
 * MASE = mean |forecast error| / mean |y_t − y_{t−m}| (in-sample seasonal naive one-step error).
 * Below 1 means better than the seasonal naive forecast. Chosen over MAPE because ops series
 * sit at or near zero (error ratios, queue depths) where percentage errors explode.
 */

/** In-sample MAE of the seasonal naive one-step forecast; undefined when it is 0 or has no pairs. */
export function seasonalNaiveScale(values: readonly number[], period: number): number | undefined {
  let sum = 0;
  let count = 0;
  for (let t = period; t < values.length; t++) {
    const difference = (values[t] as number) - (values[t - period] as number);
    if (Number.isNaN(difference)) continue;
    sum += Math.abs(difference);
    count++;
  }
  const scale = count > 0 ? sum / count : 0;
  return scale > 0 ? scale : undefined;
}

/** MASE of paired actual/forecast values (NaN actuals are skipped); undefined without a scale. */
export function mase(actual: readonly number[], forecast: readonly number[], scale: number | undefined): number | undefined {
  if (scale === undefined) return undefined;
  let sum = 0;
  let count = 0;
  actual.forEach((y, i) => {
    const error = y - (forecast[i] ?? Number.NaN);
    if (Number.isNaN(error)) return;
    sum += Math.abs(error);
    count++;
  });
  return count > 0 ? sum / count / scale : undefined;
}
