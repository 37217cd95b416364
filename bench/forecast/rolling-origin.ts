/**
 * Rolling-origin evaluation (Tashman, "Out-of-sample tests of forecasting accuracy", IJF 2000;
 * FPP3 §5.10 "time series cross-validation") of the metric engine's forecast against the
 * seasonal naive baseline. Pure: series in, scores out.
 *
 * At each origin both methods see only the points before it and forecast the next `horizon`
 * grid steps. The baseline uses the period the engine detects on the same history; with none,
 * one day when the history holds a whole day, else the last value (naive). MASE divides both
 * methods' errors by the same in-sample seasonal naive scale, so per series it ranks them as the
 * MAE would, in units that are comparable across series.
 */
import { forecastSeries } from '../../src/observe/metrics/forecast/forecast.js';
import { detectSeasonality } from '../../src/observe/metrics/forecast/detect-seasonality.js';
import { mase, seasonalNaiveScale } from '../../src/observe/metrics/forecast/mase.js';
import { regularise, type TimePoint } from '../../src/observe/metrics/forecast/regularise.js';
import { seasonalNaiveForecast } from '../../src/observe/metrics/forecast/seasonal-naive.js';
import { smape } from './accuracy.js';

const DAY_MS = 86_400_000;

export interface EvaluationOptions {
  horizonMs: number;
  /** Origins per series, spread evenly over the last part of the series. */
  origins: number;
  /** Share of the series before the first origin (the least history). */
  firstOriginShare: number;
  /** Most history points given to a forecast. */
  maxHistory: number;
}

export interface MethodScore {
  smape: number;
  mase: number;
}

export interface SeriesScore {
  name: string;
  points: number;
  stepMs: number;
  horizon: number;
  /** Origins actually scored (an origin whose actuals are all missing is skipped). */
  origins: number;
  /** Seasonal period the baseline used, in steps (1 = naive). */
  baselinePeriod: number;
  /** The models the forecaster chose, with how many origins each. */
  methods: Map<string, number>;
  ours: MethodScore;
  baseline: MethodScore;
}

/** Scores of one series, or undefined when it is too short or too flat to score. */
export function evaluateSeries(name: string, points: readonly TimePoint[], options: EvaluationOptions): SeriesScore | undefined {
  const grid = regularise(points);
  const { values, stepMs } = grid;
  const horizon = Math.max(1, Math.round(options.horizonMs / stepMs));
  const first = Math.floor(values.length * options.firstOriginShare);
  const last = values.length - horizon;
  if (!(stepMs > 0) || last <= first) return undefined;
  const sums = { ours: { smape: 0, mase: 0 }, baseline: { smape: 0, mase: 0 } };
  let scored = 0;
  let periodsUsed = 0;
  const methods = new Map<string, number>();
  for (let i = 0; i < options.origins; i++) {
    const origin = options.origins === 1 ? last : Math.round(first + ((last - first) * i) / (options.origins - 1));
    const from = Math.max(0, origin - options.maxHistory);
    const history = values.slice(from, origin);
    const actual = values.slice(origin, origin + horizon);
    const period = baselinePeriod(history, stepMs);
    const scale = seasonalNaiveScale(history, period);
    const baseline = seasonalNaiveForecast(history, period, horizon);
    const forecast = ourForecast(history, grid.startMs + from * stepMs, stepMs, horizon);
    if (forecast === undefined) continue;
    const ours = forecast.values;
    const scores = {
      ours: { smape: smape(actual, ours), mase: mase(actual, ours, scale) },
      baseline: { smape: smape(actual, baseline), mase: mase(actual, baseline, scale) },
    };
    if (scores.ours.smape === undefined || scores.ours.mase === undefined || scores.baseline.smape === undefined || scores.baseline.mase === undefined) continue;
    sums.ours.smape += scores.ours.smape;
    sums.ours.mase += scores.ours.mase;
    sums.baseline.smape += scores.baseline.smape;
    sums.baseline.mase += scores.baseline.mase;
    periodsUsed = period;
    methods.set(forecast.method, (methods.get(forecast.method) ?? 0) + 1);
    scored++;
  }
  if (scored === 0) return undefined;
  const mean = (score: MethodScore): MethodScore => ({ smape: score.smape / scored, mase: score.mase / scored });
  return { name, points: values.length, stepMs, horizon, origins: scored, baselinePeriod: periodsUsed, methods, ours: mean(sums.ours), baseline: mean(sums.baseline) };
}

/**
 * The engine's forecast with its defaults, history passed as points as the route does.
 * Undefined when the history's own median gap is not the grid's step (long outages), as then
 * its forecast points would not line up with the actuals.
 */
function ourForecast(history: readonly number[], startMs: number, stepMs: number, horizon: number): { values: number[]; method: string } | undefined {
  const points: TimePoint[] = [];
  history.forEach((value, i) => {
    if (!Number.isNaN(value)) points.push({ timeMs: startMs + i * stepMs, value });
  });
  const forecast = forecastSeries(points, { horizon });
  return forecast.stepMs === stepMs ? { values: forecast.points.map((point) => point.value), method: forecast.model.method } : undefined;
}

function baselinePeriod(history: readonly number[], stepMs: number): number {
  const detected = detectSeasonality({ stepMs, values: [...history] })[0]?.periodPoints;
  if (detected !== undefined) return detected;
  const day = Math.round(DAY_MS / stepMs);
  return day >= 2 && history.length >= day + 1 ? day : 1;
}

export interface Tally {
  series: number;
  smapeWins: number;
  maseWins: number;
}

export function tally(scores: readonly SeriesScore[]): Tally {
  return {
    series: scores.length,
    smapeWins: scores.filter((s) => s.ours.smape < s.baseline.smape).length,
    maseWins: scores.filter((s) => s.ours.mase < s.baseline.mase).length,
  };
}
