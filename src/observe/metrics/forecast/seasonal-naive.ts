/**
 * The seasonal naive forecast: each future point repeats the value one period earlier
 * (Hyndman & Athanasopoulos, FPP3 §5.2: ŷ_{T+h|T} = y_{T+h−m(k+1)}, k = ⌊(h−1)/m⌋).
 * With period 1 it is the naive (last value) forecast. Pure.
 *
 * It is the baseline every seasonal forecaster must beat, and the scale of MASE; the issue-10
 * benchmark compares against it. A missing source value (NaN) is taken from one more period
 * back; if a phase has no value at all, the last present value stands in.
 */

export function seasonalNaiveForecast(values: readonly number[], period: number, horizon: number): number[] {
  if (!Number.isInteger(period) || period < 1) throw new RangeError(`seasonalNaiveForecast(): period must be an integer ≥ 1, got ${period}`);
  const last = lastPresent(values);
  const forecast: number[] = [];
  for (let h = 1; h <= horizon; h++) {
    let source = values.length - 1 + h - period * (Math.floor((h - 1) / period) + 1);
    while (source >= 0 && Number.isNaN(values[source])) source -= period;
    forecast.push(source >= 0 ? (values[source] as number) : last);
  }
  return forecast;
}

function lastPresent(values: readonly number[]): number {
  for (let i = values.length - 1; i >= 0; i--) {
    const v = values[i] as number;
    if (!Number.isNaN(v)) return v;
  }
  return Number.NaN;
}
