/**
 * Stuck values: a series that normally changes from point to point repeating one value exactly
 * (a frozen exporter, a gauge that lost its source, a counter that stopped). It sits inside the
 * usual band, so neither the deviation nor CUSUM sees it, and after a few points its shape is no
 * longer new. We keep the run length of identical values and how often the series repeats a
 * value at all (exponentially weighted); a run of `MIN_RUN` in a series that repeats less than
 * `MAX_REPEAT_RATE` of the time is stuck. Zero never is: it is the natural floor of rates and
 * ratios, and a run of zeros is a quiet spell (no errors at low traffic), which the level model
 * and the silence detector judge — the demo's night-time error ratios showed it. Pure; four
 * numbers of state.
 */

export interface StuckState {
  last: number;
  run: number;
  repeatRate: number;
  /** Points the rate has learned from; its first points are averaged plainly. */
  count: number;
}

const MIN_RUN = 10;
const MAX_REPEAT_RATE = 0.05;
/** ~200 points of memory for the repeat rate; the run itself is not learned while stuck. */
const RATE_WEIGHT = 0.005;

export class StuckRun {
  // Fields of their own rather than a state object: one pointer fewer to chase per point.
  private last: number;
  private run: number;
  private repeatRate: number;
  private count: number;

  constructor(state: StuckState = { last: Number.NaN, run: 0, repeatRate: 0, count: 0 }) {
    this.last = state.last;
    this.run = state.run;
    this.repeatRate = state.repeatRate;
    this.count = state.count;
  }

  get state(): StuckState {
    return { last: this.last, run: this.run, repeatRate: this.repeatRate, count: this.count };
  }

  /** True while the series is stuck at `value`. */
  observe(value: number): boolean {
    const repeated = value === this.last;
    this.run = repeated ? this.run + 1 : 0;
    this.last = value;
    const stuck = value !== 0 && this.run >= MIN_RUN && this.repeatRate < MAX_REPEAT_RATE;
    // A stuck stretch must not teach the series that it repeats. The first points are a plain
    // mean, so a series that was constant from the start is known to repeat, not found stuck.
    if (!stuck) {
      this.count += 1;
      this.repeatRate += Math.max(RATE_WEIGHT, 1 / this.count) * ((repeated ? 1 : 0) - this.repeatRate);
    }
    return stuck;
  }
}
