/**
 * A small seeded PRNG so the demo is reproducible: one seed gives the same traffic, faults and
 * ids on every run. Pure: no clock, no I/O.
 *
 * Generator: mulberry32 by Tommy Ettinger (public domain), as published in
 * https://gist.github.com/tommyettinger/46a874533244883189143505d203312c and widely reproduced
 * (e.g. bryc/code "jshash/PRNGs.md"). 32-bit state, period 2^32, passes gjrand/PractRand up to
 * a few GB — plenty for a demo, and trivially portable.
 */

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [min, max). */
  uniform(min: number, max: number): number;
  /** Integer in [min, max] inclusive. */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** Standard normal N(0, 1) (Box–Muller). */
  normal(): number;
  /** Log-normal with the given median and shape (sigma of the underlying normal). */
  logNormal(median: number, sigma: number): number;
  /** Poisson-distributed count with the given mean. */
  poisson(mean: number): number;
  pick<T>(items: readonly T[]): T;
  /** Lowercase hex string of `bytes` random bytes (trace and span ids). */
  hex(bytes: number): string;
  /** A new independent generator derived from this one's seed and a label. */
  fork(label: string): Rng;
}

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a over the label, mixed with the seed: forks with different labels get unrelated streams. */
function mixSeed(seed: number, label: string): number {
  let hash = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < label.length; i++) {
    hash ^= label.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

export function createRng(seed: number): Rng {
  const next = mulberry32(seed);
  const rng: Rng = {
    next,
    uniform: (min, max) => min + (max - min) * next(),
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    normal: () => {
      // 1 - next() keeps the argument of log in (0, 1].
      const u = 1 - next();
      const v = next();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    logNormal: (median, sigma) => median * Math.exp(sigma * rng.normal()),
    poisson: (mean) => {
      // Knuth's method is exact and cheap for the small means used here (< ~100).
      const limit = Math.exp(-mean);
      let count = 0;
      let product = next();
      while (product > limit) {
        count++;
        product *= next();
      }
      return count;
    },
    pick: (items) => {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new RangeError('pick() needs a non-empty list; received 0 items');
      return item;
    },
    hex: (bytes) => {
      let out = '';
      for (let i = 0; i < bytes; i++) out += Math.floor(next() * 256).toString(16).padStart(2, '0');
      return out;
    },
    fork: (label) => createRng(mixSeed(seed, label)),
  };
  return rng;
}
