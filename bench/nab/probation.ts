/**
 * NAB's probationary period (NAB v1.1 sweeper, `_getProbationaryLength`): the first 15 % of a
 * file, rounded down, but never more than 15 % of 5,000 rows (750). Pure.
 *
 * Detectors need data to learn before they can be judged, so points in this period are left
 * out of scoring entirely: no false positive there is counted, and a window lying wholly
 * inside it is neither rewarded nor counted as missed.
 */
export const PROBATION_PERCENT = 0.15;

export function probationLength(rowCount: number, percent = PROBATION_PERCENT): number {
  return Math.min(Math.floor(percent * rowCount), percent * 5000);
}
