/**
 * NAB's normalised score (NAB v1.1 `runner.normalize`; Lavin & Ahmad 2015, §"Scoring"). Pure.
 *
 * 100 · (S − S_null) / (S_perfect − S_null): the null detector (a constant 0.5, its threshold
 * optimised like any other) scores 0 and a perfect one 100. S_perfect is every labelled window
 * detected at its left edge, i.e. windows × tpWeight; windows inside the probationary period
 * are counted too, exactly as NAB does, so a detector cannot quite reach 100 if any exist.
 */
export function perfectScore(windowCount: number, tpWeight: number): number {
  return windowCount * tpWeight;
}

export function normaliseScore(raw: number, bounds: { nullScore: number; perfect: number }): number {
  return (100 * (raw - bounds.nullScore)) / (bounds.perfect - bounds.nullScore);
}
