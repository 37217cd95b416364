/**
 * Point-forecast accuracy measures for the forecast benchmark. Pure.
 *
 * sMAPE as in the M3/M4 competitions (Makridakis & Hibon 2000; Makridakis et al. 2020):
 * 200·|y − ŷ| / (|y| + |ŷ|), in percent (0–200); a pair with y = ŷ = 0 counts as 0 error.
 * MASE is src/observe/metrics/forecast/mase.ts (Hyndman & Koehler 2006).
 */

/** Mean sMAPE over the pairs whose actual is present; undefined when none is. */
export function smape(actual: readonly number[], forecast: readonly number[]): number | undefined {
  let sum = 0;
  let count = 0;
  actual.forEach((y, i) => {
    const f = forecast[i] ?? Number.NaN;
    if (Number.isNaN(y) || Number.isNaN(f)) return;
    const denominator = Math.abs(y) + Math.abs(f);
    sum += denominator === 0 ? 0 : (200 * Math.abs(y - f)) / denominator;
    count++;
  });
  return count > 0 ? sum / count : undefined;
}
