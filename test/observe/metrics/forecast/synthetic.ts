/** Deterministic synthetic series for the forecast tests (seeded LCG + Box–Muller). */
import type { TimePoint } from '../../../../src/observe/metrics/forecast/regularise.js';

export const T0 = Date.parse('2024-03-04T00:00:00Z');
export const MINUTE = 60_000;
export const DAY = 86_400_000;

export function rng(seed: number): { uniform(): number; normal(): number } {
  let state = seed >>> 0;
  const uniform = (): number => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return (state + 0.5) / 4294967296;
  };
  return { uniform, normal: () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform()) };
}

export interface SeriesSpec {
  count: number;
  stepMs: number;
  seed?: number;
  noise?: number;
  value(timeMs: number, index: number): number;
}

export function series(spec: SeriesSpec): TimePoint[] {
  const random = rng(spec.seed ?? 1);
  return Array.from({ length: spec.count }, (_, i) => {
    const timeMs = T0 + i * spec.stepMs;
    return { timeMs, value: spec.value(timeMs, i) + (spec.noise ?? 0) * random.normal() };
  });
}

/** 100 + 20·sin(2π t / day): a daily cycle such as request rate. */
export function daily(timeMs: number): number {
  return 100 + 20 * Math.sin((2 * Math.PI * (timeMs - T0)) / DAY);
}
