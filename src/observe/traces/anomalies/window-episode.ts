/**
 * The episode state machine of the windowed detectors (latency outliers, fan-out): a window is
 * clear, anomalous or strongly anomalous; two anomalous windows in a row, or one strong one,
 * open an episode, and two clear windows close it. One borderline window of one operation among
 * hundreds is chance; a repeat, or a tail far beyond chance, is not. Pure.
 *
 * While an episode is open the owner stops learning, so the fault does not become its own
 * baseline, but only for FREEZE_MAX_MS: a lasting change then becomes the new usual and the
 * episode ends, as the metric detector's level follows a lasting shift.
 */

export type WindowVerdict = 'clear' | 'anomalous' | 'strong';
/** What a window did to the episode: opened it, kept it open, closed it, or nothing. */
export type EpisodeStep = 'opened' | 'continued' | 'closed' | 'none';

export const FREEZE_MAX_MS = 30 * 60_000;
const RESOLVE_WINDOWS = 2;

export class WindowEpisode {
  /** Onset of the open episode; undefined when none is open. */
  startMs: number | undefined;
  /** Start of the run of anomalous windows that may open one. */
  #pendingMs: number | undefined;
  #clearRun = 0;

  constructor() {
    this.startMs = undefined;
    this.#pendingMs = undefined;
  }

  get open(): boolean {
    return this.startMs !== undefined;
  }

  /** Whether the owner should learn from what it sees at `timeMs`. */
  learns(timeMs: number): boolean {
    return this.startMs === undefined || timeMs - this.startMs > FREEZE_MAX_MS;
  }

  judge(verdict: WindowVerdict, windowStartMs: number): EpisodeStep {
    if (this.startMs !== undefined) {
      if (verdict !== 'clear') {
        this.#clearRun = 0;
        return 'continued';
      }
      this.#clearRun += 1;
      if (this.#clearRun < RESOLVE_WINDOWS) return 'continued';
      this.startMs = undefined;
      this.#clearRun = 0;
      return 'closed';
    }
    if (verdict === 'clear') {
      this.#pendingMs = undefined;
      return 'none';
    }
    if (verdict === 'strong' || this.#pendingMs !== undefined) {
      this.startMs = this.#pendingMs ?? windowStartMs;
      this.#pendingMs = undefined;
      this.#clearRun = 0;
      return 'opened';
    }
    this.#pendingMs = windowStartMs;
    return 'none';
  }
}
