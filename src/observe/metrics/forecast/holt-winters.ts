/**
 * Additive Holt-Winters with a damped trend, i.e. ETS(A,Ad,A), and its non-seasonal fallback.
 * Pure: no I/O, no clock.
 *
 * Source: Hyndman & Athanasopoulos, "Forecasting: Principles and Practice" (2nd ed. ch. 7,
 * 3rd ed. ch. 8), error-correction form:
 *   e_t = y_t − (ℓ_{t−1} + φ b_{t−1} + s_{t−m})
 *   ℓ_t = ℓ_{t−1} + φ b_{t−1} + α e_t
 *   b_t = φ b_{t−1} + α β* e_t
 *   s_t = s_{t−m} + γ e_t
 *   ŷ_{t+h|t} = ℓ_t + (φ + … + φ^h) b_t + s_{t+h−m(k+1)}
 * β = 0 means "no trend" (b ≡ 0, SES when there is no season); φ = 1 is Holt's undamped trend.
 * A missing value (NaN) takes the model's own forecast: states advance, nothing is learned.
 *
 * Initial states follow the simple heuristic of Hyndman et al., "Forecasting with Exponential
 * Smoothing" (2008), §2.6.1: level and slope from the means of the first two seasons, seasonal
 * indices from the detrended first two seasons. Parameters minimise the one-step squared error
 * over a grid (α × β* × γ × φ, with γ ≤ 1 − α as FPP requires): deterministic, and the SSE
 * surface is flat enough near its minimum that a finer optimiser buys little.
 */

export interface HoltWintersParams {
  alpha: number;
  /** β* of the component form: the share of a level change that goes into the slope. */
  beta: number;
  gamma: number;
  phi: number;
}

export interface HoltWintersModel {
  /** Seasonal period in points; 0 = no season. */
  period: number;
  params: HoltWintersParams;
  level: number;
  trend: number;
  /** season[i] is the latest seasonal state of phase i; point t has phase t mod period. */
  season: Float64Array;
  /** Points fitted; the next point has index n. */
  n: number;
  /** One-step residual variance σ². */
  sigma2: number;
  /** In-sample mean absolute one-step error. */
  mae: number;
}

const ALPHAS = [0.01, 0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 0.9];
const BETAS = [0, 0.02, 0.05, 0.1, 0.2];
const GAMMAS = [0, 0.02, 0.05, 0.1, 0.2, 0.4];
const PHIS = [0.8, 0.9, 0.95, 0.98, 1];

interface Initial {
  level: number;
  trend: number;
  season: Float64Array;
}

export interface FitOptions {
  /** Seasonal period in points; 0 or absent for no season. */
  period?: number;
  /** true: a (damped) trend is fitted; false: none (β = 0); absent: whichever fits better. */
  trend?: boolean;
}

/** Fits the model to a regular series (NaN = missing). */
export function fitHoltWinters(values: readonly number[], options: FitOptions = {}): HoltWintersModel {
  const period = options.period ?? 0;
  const betas = options.trend === undefined ? BETAS : BETAS.filter((beta) => (beta > 0) === options.trend);
  if (period !== 0 && (!Number.isInteger(period) || period < 2 || values.length < 2 * period)) {
    throw new RangeError(`fitHoltWinters(): period must be 0 or an integer ≥ 2 with two full cycles of data, got ${period} for ${values.length} points`);
  }
  let best: { sse: number; params: HoltWintersParams } | undefined;
  for (const beta of betas) {
    const trended = initialStates(values, period, beta > 0);
    for (const phi of beta > 0 ? PHIS : [1]) {
      for (const alpha of ALPHAS) {
        for (const gamma of period > 0 ? GAMMAS : [0]) {
          if (gamma > 1 - alpha) continue;
          const params = { alpha, beta, gamma, phi };
          const { sse } = run(values, period, params, trended);
          if (best === undefined || sse < best.sse) best = { sse, params };
        }
      }
    }
  }
  const params = best?.params ?? { alpha: 0.5, beta: 0, gamma: 0, phi: 1 };
  const final = run(values, period, params, initialStates(values, period, params.beta > 0));
  const dof = Math.max(1, final.count - 4);
  return {
    period,
    params,
    level: final.level,
    trend: final.trend,
    season: final.season,
    n: values.length,
    sigma2: final.sse / dof,
    mae: final.count > 0 ? final.absolute / final.count : Number.NaN,
  };
}

/** Point forecasts and forecast-error variances for steps 1..horizon. */
export function holtWintersForecast(model: HoltWintersModel, horizon: number): { mean: number[]; variance: number[] } {
  const { alpha, beta, gamma, phi } = model.params;
  const mean: number[] = [];
  const variance: number[] = [];
  let dampedSum = 0; // φ + φ² + … + φ^h
  let power = 1;
  let accumulated = 0; // Σ_{j<h} c_j²
  for (let h = 1; h <= horizon; h++) {
    power *= phi;
    dampedSum += power;
    const seasonal = model.period > 0 ? (model.season[(model.n - 1 + h) % model.period] as number) : 0;
    mean.push(model.level + dampedSum * model.trend + seasonal);
    // Innovations-state-space variance (Hyndman et al. 2008, ch. 6; FPP3 §8.7):
    // σ_h² = σ²(1 + Σ_{j=1}^{h−1} c_j²), with c_j = α + αβ*·(φ+…+φ^j) + γ·[j mod m = 0]
    // the effect of one innovation on the forecast j steps later.
    variance.push(model.sigma2 * (1 + accumulated));
    const hitsSeason = model.period > 0 && h % model.period === 0;
    const c = alpha + alpha * beta * dampedSum + (hitsSeason ? gamma : 0);
    accumulated += c * c;
  }
  return { mean, variance };
}

interface RunResult extends Initial {
  sse: number;
  absolute: number;
  count: number;
}

function run(values: readonly number[], period: number, params: HoltWintersParams, initial: Initial): RunResult {
  const { alpha, beta, gamma, phi } = params;
  const season = Float64Array.from(initial.season);
  let level = initial.level;
  let trend = initial.trend;
  let sse = 0;
  let absolute = 0;
  let count = 0;
  // Errors of the first season are not scored: its seasonal indices were estimated from it.
  const warmup = period;
  for (let t = 0; t < values.length; t++) {
    const phase = period > 0 ? t % period : 0;
    const seasonal = period > 0 ? (season[phase] as number) : 0;
    const y = values[t] as number;
    const base = level + phi * trend;
    if (Number.isNaN(y)) {
      level = base;
      trend *= phi;
      continue;
    }
    const error = y - base - seasonal;
    level = base + alpha * error;
    trend = phi * trend + alpha * beta * error;
    if (period > 0) season[phase] = seasonal + gamma * error;
    if (t >= warmup) {
      sse += error * error;
      absolute += Math.abs(error);
      count++;
    }
  }
  return { level, trend, season, sse, absolute, count };
}

function initialStates(values: readonly number[], period: number, withTrend: boolean): Initial {
  const window = period > 0 ? period : Math.max(1, Math.min(10, Math.floor(values.length / 2)));
  const fallback = nanMean(values, 0, values.length);
  const first = orElse(nanMean(values, 0, window), fallback);
  const second = orElse(nanMean(values, window, 2 * window), first);
  const trend = withTrend ? (second - first) / window : 0;
  // `first` is the level at the middle of the first window; step back to just before t = 0.
  const level = first - trend * ((window - 1) / 2 + 1);
  const season = new Float64Array(Math.max(0, period));
  if (period > 0) {
    for (let phase = 0; phase < period; phase++) {
      const deviations = [values[phase] as number, values[phase + period] as number]
        .map((y, cycle) => y - (cycle === 0 ? first : second) - trend * (phase - (period - 1) / 2))
        .filter((d) => !Number.isNaN(d));
      season[phase] = deviations.length > 0 ? deviations.reduce((a, b) => a + b, 0) / deviations.length : 0;
    }
    // Additive seasonal indices sum to zero, so the level carries the whole mean.
    const offset = season.reduce((a, b) => a + b, 0) / period;
    for (let phase = 0; phase < period; phase++) season[phase] = (season[phase] as number) - offset;
  }
  return { level: orElse(level, 0), trend: orElse(trend, 0), season };
}

function nanMean(values: readonly number[], from: number, to: number): number {
  let sum = 0;
  let count = 0;
  for (let i = from; i < Math.min(to, values.length); i++) {
    const v = values[i] as number;
    if (Number.isNaN(v)) continue;
    sum += v;
    count++;
  }
  return count > 0 ? sum / count : Number.NaN;
}

function orElse(value: number, fallback: number): number {
  return Number.isFinite(value) ? value : fallback;
}
