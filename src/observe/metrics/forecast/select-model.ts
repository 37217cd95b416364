/**
 * Chooses the forecasting model of one series by rolling-origin validation on its own history
 * (Tashman, "Out-of-sample tests of forecasting accuracy", IJF 2000; FPP3 §5.10, time series
 * cross-validation). Pure: no I/O, no clock.
 *
 * Each candidate is refitted on the history before each of a few origins near its end and
 * forecasts the steps after it, up to the horizon the caller asked for (at most a quarter of
 * the history), so the choice rewards the multi-step accuracy the forecast is used for, not the
 * one-step fit that the smoothing parameters minimise. The score is the mean absolute error
 * over those steps, averaged over the origins; the lowest wins, the earlier candidate on a tie.
 * Nothing after the end of the history is looked at.
 */
import { fitCandidate, type CandidateName, type FittedCandidate, type SeriesTraits } from './candidate-models.js';

const SEASONAL: ReadonlySet<CandidateName> = new Set(['holt-winters', 'holt-winters+seasonal-naive']);

export interface SelectionOptions {
  horizon: number;
  /** Validation origins; @default 4 */
  origins?: number;
  /** Forecasts are clipped at this floor, as the final forecast is; @default -Infinity */
  floor?: number;
}

export interface ModelSelection {
  name: CandidateName;
  /** Mean validation MAE per candidate that could be scored at every origin. */
  scores: Map<CandidateName, number>;
  /** Steps forecast from each origin. */
  validationHorizon: number;
  origins: number[];
}

/** The chosen candidate, or undefined when the history is too short to validate any. */
export function selectModel(values: readonly number[], candidates: readonly CandidateName[], traits: SeriesTraits, options: SelectionOptions): ModelSelection | undefined {
  const floor = options.floor ?? Number.NEGATIVE_INFINITY;
  const validationHorizon = Math.min(options.horizon, Math.floor(values.length / 4));
  if (validationHorizon < 1) return undefined;
  const count = options.origins ?? 4;
  // Every candidate is scored at the same origins; a season needs two whole cycles before the
  // first. When no origin leaves room for that, the seasonal candidates are not validated.
  let origins = validationOrigins(values.length, validationHorizon, count, 2 * traits.period);
  let scored = candidates;
  if (origins.length === 0) {
    origins = validationOrigins(values.length, validationHorizon, count, 0);
    scored = candidates.filter((name) => !SEASONAL.has(name));
  }
  if (origins.length === 0) return undefined;
  const totals = new Map<CandidateName, number>(scored.map((name) => [name, 0]));
  for (const origin of origins) {
    const train = values.slice(0, origin);
    const actual = values.slice(origin, origin + validationHorizon);
    const cache = new Map<CandidateName, FittedCandidate | undefined>();
    for (const name of [...totals.keys()]) {
      const fitted = fitCandidate(name, train, traits, validationHorizon, cache);
      const error = fitted && meanAbsoluteError(actual, fitted.mean, floor);
      if (error === undefined) totals.delete(name);
      else totals.set(name, (totals.get(name) as number) + error);
    }
  }
  let best: CandidateName | undefined;
  for (const [name, total] of totals) if (best === undefined || total < (totals.get(best) as number)) best = name;
  if (best === undefined) return undefined;
  const scores = new Map([...totals].map(([name, total]) => [name, total / origins.length]));
  return { name: best, scores, validationHorizon, origins };
}

/**
 * Origins n − H, n − H − s, … (s = ⌈H/2⌉, so the validation windows overlap by half), oldest
 * first, each leaving at least half the history to fit on.
 */
function validationOrigins(length: number, horizon: number, count: number, minTrain: number): number[] {
  const stride = Math.max(1, Math.ceil(horizon / 2));
  const origins: number[] = [];
  for (let i = 0; i < count; i++) {
    const origin = length - horizon - i * stride;
    if (origin < Math.max(10, Math.ceil(length / 2), minTrain)) break;
    origins.unshift(origin);
  }
  return origins;
}

/** MAE over the present actuals; 0 when none is present (the origin tells nothing, for every candidate alike). */
function meanAbsoluteError(actual: readonly number[], forecast: readonly number[], floor: number): number {
  let sum = 0;
  let count = 0;
  actual.forEach((y, i) => {
    if (Number.isNaN(y)) return;
    sum += Math.abs(y - Math.max(floor, forecast[i] as number));
    count++;
  });
  return count > 0 ? sum / count : 0;
}
