/**
 * Sustained shifts: a two-sided CUSUM (Page, "Continuous inspection schemes", Biometrika 41,
 * 1954) over the z-scores of the level model. Novelty fades on a noisy series — its shapes are
 * always half new, so even a value far off only looks a little more novel — while a shift that
 * lasts is exactly what CUSUM accumulates. Each z is clipped so one spike cannot trip it, and
 * the slack lets ordinary noise drain away. Pure; two numbers of state.
 *
 * The model runs two (`SHIFT` and `DRIFT`): a fast one for gross shifts, and a slow one for a
 * shift of about a scale that lasts tens of points — a noisy series' mean tripling for a day
 * moves every point only a scale or two, so neither novelty nor the fast one sees it.
 */

export interface CusumState {
  up: number;
  down: number;
}

export interface CusumSettings {
  /** |z| counted at most per point. */
  clip: number;
  /** Subtracted every point: drift below it drains away. */
  slack: number;
  /** Sum at which the shift scores 0.5, the default alarm threshold. */
  decision: number;
}

/** Gross shifts: ~4 points at ≥ 6 scales reach the decision; one spike cannot. */
export const SHIFT: CusumSettings = { clip: 6, slack: 3, decision: 12 };
/**
 * Lasting drifts of a scale or two: ~40 points at 2.25 scales (or 80 at 1.5) reach the decision.
 * Tuned on NAB (docs/benchmarks.md): +1.6 standard, the Twitter CRM window where a day's volume
 * triples inside the noise.
 */
export const DRIFT: CusumSettings = { clip: 3, slack: 0.75, decision: 60 };

export class ShiftCusum {
  // Fields of their own rather than a state object: one pointer fewer to chase per point.
  private up: number;
  private down: number;
  private readonly clip: number;
  private readonly slack: number;
  private readonly fullScore: number;

  constructor(settings: CusumSettings, state: CusumState = { up: 0, down: 0 }) {
    this.up = state.up;
    this.down = state.down;
    this.clip = settings.clip;
    this.slack = settings.slack;
    this.fullScore = 2 * settings.decision;
  }

  get state(): CusumState {
    return { up: this.up, down: this.down };
  }

  /** Adds a z-score; returns the shift score in [0, 1] (0.5 at the decision interval). */
  observe(z: number): number {
    const clipped = Math.max(-this.clip, Math.min(this.clip, z));
    this.up = Math.max(0, this.up + clipped - this.slack);
    this.down = Math.max(0, this.down - clipped - this.slack);
    return Math.min(1, Math.max(this.up, this.down) / this.fullScore);
  }
}
