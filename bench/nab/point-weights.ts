/**
 * What each row of a NAB file would be worth if it were a detection (NAB v1.1 sweeper,
 * `calcSweepScore`; Lavin & Ahmad 2015, §"Scoring"). Pure.
 *
 * Inside a window a detection earns the scaled sigmoid of its position (the window's left edge
 * is −1, one row past its right edge would be 0), so earlier is better. Outside, it costs the
 * sigmoid of its distance past the previous window's right edge in window widths, or the full
 * FP cost when no window precedes it. Weights of a profile are applied later, so these values
 * serve all profiles. Rows in the probationary period are dropped here.
 */
import { probationLength } from './probation.js';
import { scaledSigmoid } from './scaled-sigmoid.js';
import type { WindowRange } from './types.js';

/** A row that counts: inside window `window` (an index into the file's windows) or outside (−1). */
export interface ScorableRow {
  row: number;
  window: number;
  /** Scaled sigmoid before profile weights: positive in windows, negative outside. */
  unweighted: number;
}

export function scorableRows(rowCount: number, windows: readonly WindowRange[]): ScorableRow[] {
  const firstScored = probationLength(rowCount);
  const rows: ScorableRow[] = [];
  let next = 0; // the first window not yet passed
  let previous: WindowRange | undefined;
  for (let row = 0; row < rowCount; row++) {
    let current = windows[next];
    if (current && row > current.right) {
      previous = current;
      next += 1;
      current = windows[next];
    }
    const inside = current !== undefined && row >= current.left;
    let unweighted: number;
    if (current && inside) {
      const width = current.right - current.left + 1;
      unweighted = scaledSigmoid(-(current.right - row + 1) / width);
    } else if (previous) {
      // After a one-row window this divides by 0 (NAB would raise); +∞ scores as "far away".
      const width = previous.right - previous.left + 1;
      unweighted = scaledSigmoid(Math.abs(previous.right - row) / (width - 1));
    } else {
      unweighted = scaledSigmoid(3);
    }
    if (row >= firstScored) rows.push({ row, window: inside ? next : -1, unweighted });
  }
  return rows;
}
