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


export interface SelectionOptions {
  horizon: number;
  /** Validation origins; @default enough for the windows to span a seasonal naive period, 4 to 8 */
  origins?: number;
  /** Forecasts are clipped at this floor, as the final forecast is; @default -Infinity */
  floor?: number;
}

export interface ModelSelection {
  name: CandidateName;
  /** Mean validation MAE per candidate that could be scored at every origin. */
  scores: Map<CandidateName, number>;
  /**
   * The chosen model's validation errors, each divided by the standard deviation its own
   * forecast variance gave for that step: how far the intervals' assumption held on this series.
   */
  standardisedErrors: number[];
  /** Steps forecast from each origin. */
  validationHorizon: number;
  origins: number[];
}

/** The chosen candidate, or undefined when the history is too short to validate any. */
export function selectModel(values: readonly number[], candidates: readonly CandidateName[], traits: SeriesTraits, options: SelectionOptions): ModelSelection | undefined {
  const floor = options.floor ?? Number.NEGATIVE_INFINITY;
  const validationHorizon = Math.min(options.horizon, Math.floor(values.length / 4));
  if (validationHorizon < 1) return undefined;
  // Windows that together span a whole season (a day) judge a model on every phase of it, not
  // on whatever hour the history happens to end in.
  const count = options.origins ?? Math.min(8, Math.max(4, Math.ceil(traits.naivePeriod / stride(validationHorizon))));
  // Every candidate is scored at the same origins, and each needs enough history before the
  // first (a season two whole cycles, the seasonal naive forecast one). When no origin leaves
  // that much, the candidates that need the most are left out until one does.
  let scored = [...candidates];
  let origins: number[] = [];
  while (scored.length > 0) {
    const needed = Math.max(...scored.map((name) => minimumHistory(name, traits)));
    origins = validationOrigins(values.length, validationHorizon, count, needed);
    if (origins.length > 0) break;
    scored = scored.filter((name) => minimumHistory(name, traits) < needed);
  }
  if (origins.length === 0) return undefined;
  const totals = new Map<CandidateName, number>(scored.map((name) => [name, 0]));
  const standardised = new Map<CandidateName, number[]>(scored.map((name) => [name, []]));
  for (const origin of origins) {
    const train = values.slice(0, origin);
    const actual = values.slice(origin, origin + validationHorizon);
    const cache = new Map<CandidateName, FittedCandidate | undefined>();
    for (const name of [...totals.keys()]) {
      const fitted = fitCandidate(name, train, traits, validationHorizon, cache);
      if (fitted === undefined) {
        totals.delete(name);
        continue;
      }
      totals.set(name, (totals.get(name) as number) + meanAbsoluteError(actual, fitted.mean, floor));
      actual.forEach((y, i) => {
        const sd = Math.sqrt(fitted.variance[i] ?? 0);
        if (!Number.isNaN(y) && sd > 0) standardised.get(name)?.push((y - Math.max(floor, fitted.mean[i] as number)) / sd);
      });
    }
  }
  let best: CandidateName | undefined;
  for (const [name, total] of totals) if (best === undefined || total < (totals.get(best) as number)) best = name;
  if (best === undefined) return undefined;
  const scores = new Map([...totals].map(([name, total]) => [name, total / origins.length]));
  return { name: best, scores, standardisedErrors: standardised.get(best) ?? [], validationHorizon, origins };
}

/** Fewest history points a candidate needs to be itself (beyond the two any model needs). */
function minimumHistory(name: CandidateName, traits: SeriesTraits): number {
  if (name === 'holt-winters' || name === 'holt-winters+seasonal-naive') return 2 * traits.period;
  if (name === 'seasonal-naive') return traits.naivePeriod + 1;
  return 0;
}

/**
 * Origins n − H, n − H − s, … (s = ⌈H/2⌉, so the validation windows overlap by half), oldest
 * first, each leaving at least half the history to fit on.
 */
function validationOrigins(length: number, horizon: number, count: number, minTrain: number): number[] {
  const step = stride(horizon);
  const origins: number[] = [];
  for (let i = 0; i < count; i++) {
    const origin = length - horizon - i * step;
    if (origin < Math.max(10, Math.ceil(length / 2), minTrain)) break;
    origins.unshift(origin);
  }
  return origins;
}

function stride(horizon: number): number {
  return Math.max(1, Math.ceil(horizon / 2));
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
