/**
 * Sustained shifts: a two-sided CUSUM (Page, "Continuous inspection schemes", Biometrika 41,
 * 1954) over the z-scores of the level model. Novelty fades on a noisy series — its shapes are
 * always half new, so even a value far off only looks a little more novel — while a shift of
 * many scales that lasts is exactly what CUSUM accumulates. Each z is clipped at `CLIP` so one
 * spike cannot trip it (it needs about four points at ≥ 6 scales), and the slack `SLACK`
 * lets ordinary noise drain away. Pure; two numbers of state.
 */

export interface CusumState {
  up: number;
  down: number;
}

const CLIP = 6;
const SLACK = 3;
/** Sum at which the shift scores 0.5, the default alarm threshold. */
const DECISION = 12;

export class ShiftCusum {
  // Fields of their own rather than a state object: one pointer fewer to chase per point.
  private up: number;
  private down: number;

  constructor(state: CusumState = { up: 0, down: 0 }) {
    this.up = state.up;
    this.down = state.down;
  }

  get state(): CusumState {
    return { up: this.up, down: this.down };
  }

  /** Adds a z-score; returns the shift score in [0, 1] (0.5 at the decision interval). */
  observe(z: number): number {
    const clipped = Math.max(-CLIP, Math.min(CLIP, z));
    this.up = Math.max(0, this.up + clipped - SLACK);
    this.down = Math.max(0, this.down - clipped - SLACK);
    return Math.min(1, Math.max(this.up, this.down) / (2 * DECISION));
  }
}
