/**
 * One saturation series → its forecast and time to exhaustion. Pure: history, limit and the
 * evaluation time come from the caller.
 *
 * The history is first averaged onto a grid of at most `maxPoints` steps over history plus
 * horizon (capacity is a question of hours and days, not of 15 s wiggles, and the grid bounds
 * both the fit and the chart). The step is rounded up to one that divides a day, so a daily
 * season is a whole number of steps: with 54.5 steps per day a seasonal model drifts half a step
 * a day and smears the daily peaks that reach a limit first. Then it is forecast by the metric engine (seasonal Holt-Winters,
 * src/observe/metrics/forecast). A forecast reaches at most three times as far as its history:
 * beyond that a trend is a guess.
 */
import type { CapacityForecast } from '../../core/capacity-api.js';
import { forecastSeries } from '../../observe/metrics/forecast/forecast.js';
import { cleanPoints, regularise, typicalStepMs, type TimePoint } from '../../observe/metrics/forecast/regularise.js';
import type { SaturationResource } from './saturation-metrics.js';
import { timeToExhaustion } from './time-to-exhaustion.js';

export interface CapacitySeries {
  key: string;
  name: string;
  service: string;
  instance?: string;
  resource: SaturationResource;
  limit: number;
  limitFrom: string;
  /** Points up to the evaluation time, any order. */
  history: readonly TimePoint[];
}

export interface CapacityForecastOptions {
  horizonMs: number;
  /** Central coverage of the prediction interval; @default 0.95 */
  confidence?: number;
  /** Most grid steps over history + horizon; @default 600 */
  maxPoints?: number;
  /** Keep the history and forecast points (for charts). */
  points?: boolean;
}

/** How far a forecast may reach, as a multiple of the history it was fitted on. */
const REACH = 3;

export function forecastCapacity(series: CapacitySeries, options: CapacityForecastOptions): CapacityForecast {
  const sorted = cleanPoints(series.history);
  const first = sorted[0];
  const last = sorted.at(-1);
  if (first === undefined || last === undefined) throw new RangeError(`${series.key}: no history`);
  const spanMs = last.timeMs - first.timeMs;
  const horizonMs = Math.min(options.horizonMs, REACH * spanMs);
  const stepMs = dayDividingStep(Math.max(typicalStepMs(sorted), (spanMs + horizonMs) / (options.maxPoints ?? 600)));
  const grid = regularise(sorted, { stepMs });
  const history = grid.values.flatMap((value, i) => (Number.isNaN(value) ? [] : [{ timeMs: grid.startMs + i * grid.stepMs, value }]));
  const horizon = Math.max(1, Math.round(horizonMs / grid.stepMs));
  const forecast = forecastSeries(history, { horizon, ...(options.confidence === undefined ? {} : { confidence: options.confidence }) });
  const current = { timeMs: last.timeMs, value: last.value };
  return {
    key: series.key,
    name: series.name,
    service: series.service,
    ...(series.instance === undefined ? {} : { instance: series.instance }),
    resource: series.resource,
    limit: series.limit,
    limitFrom: series.limitFrom,
    current,
    utilisation: series.limit > 0 ? current.value / series.limit : Number.POSITIVE_INFINITY,
    exhaustion: timeToExhaustion(current, forecast.points, series.limit),
    model: { kind: forecast.model.kind, stepMs: forecast.stepMs, ...(forecast.model.periodMs === undefined ? {} : { periodMs: forecast.model.periodMs }) },
    ...(options.points ? { history, forecast: forecast.points } : {}),
  };
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
/** Steps that divide a day, shortest first. */
const DAY_DIVIDING_STEPS = [1, 2, 5, 10, 15, 30].map((s) => s * SECOND)
  .concat([1, 2, 5, 10, 15, 20, 30].map((m) => m * MINUTE))
  .concat([1, 2, 3, 4, 6, 8, 12, 24].map((h) => h * HOUR));

function dayDividingStep(atLeastMs: number): number {
  return DAY_DIVIDING_STEPS.find((step) => step >= atLeastMs) ?? atLeastMs;
}

/** Soonest first: exhausted now, then by expected time, then by earliest, then by utilisation. */
export function bySoonestExhaustion(a: CapacityForecast, b: CapacityForecast): number {
  const rank = (f: CapacityForecast): [number, number, number, number] => [
    f.exhaustion.exhaustedNow ? 0 : 1,
    f.exhaustion.expectedMs ?? Number.POSITIVE_INFINITY,
    f.exhaustion.earliestMs ?? Number.POSITIVE_INFINITY,
    -f.utilisation,
  ];
  const left = rank(a);
  const right = rank(b);
  for (let i = 0; i < left.length; i++) {
    const difference = (left[i] as number) - (right[i] as number);
    if (difference !== 0 && !Number.isNaN(difference)) return difference;
  }
  return a.key.localeCompare(b.key);
}
