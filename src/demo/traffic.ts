/**
 * How many users hit the frontend: a daily sinusoid (quiet at night, busy in the afternoon,
 * UTC) with a little noise, kept between 4 and 8 requests per second so long runs stay cheap
 * while detectors still see a daily pattern. Pure.
 */
import type { Rng } from './prng.js';

const MEAN_RPS = 6;
const DAILY_AMPLITUDE_RPS = 1.6;
/** Hour of day (UTC) at which traffic peaks. */
const PEAK_HOUR = 16;
const MIN_RPS = 4;
const MAX_RPS = 8;

export function requestRate(timeMs: number, rng: Rng): number {
  const hour = (((timeMs / 3_600_000) % 24) + 24) % 24;
  const daily = MEAN_RPS + DAILY_AMPLITUDE_RPS * Math.cos((2 * Math.PI * (hour - PEAK_HOUR)) / 24);
  const noisy = daily * (1 + 0.04 * rng.normal());
  return Math.min(MAX_RPS, Math.max(MIN_RPS, noisy));
}

/** Arrival times of the requests in [fromMs, toMs): a Poisson count, spread uniformly, sorted. */
export function arrivals(fromMs: number, toMs: number, rng: Rng): number[] {
  const rate = requestRate(fromMs, rng);
  const count = rng.poisson((rate * (toMs - fromMs)) / 1000);
  const times: number[] = [];
  for (let i = 0; i < count; i++) times.push(rng.uniform(fromMs, toMs));
  return times.sort((a, b) => a - b);
}
