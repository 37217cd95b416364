/**
 * NAB's scaled sigmoid of a relative position (Lavin & Ahmad 2015, §"Scoring"; NAB v1.1).
 * Pure.
 *
 * Positions are measured against the right edge of a window: −1 is the window's left edge
 * (earliest, best detection), 0 its right edge, positive values lie after it (false
 * positives, penalised less the farther they are from the window they trail). From 3 on NAB
 * clamps to −1: a detection that far from any window is a plain false positive.
 */
export function scaledSigmoid(relativePosition: number): number {
  if (relativePosition >= 3) return -1;
  return 2 * (1 / (1 + Math.exp(5 * relativePosition))) - 1;
}

/** The score of a detection at a window's left edge; NAB divides TP scores by it so that one is worth exactly tpWeight. */
export const MAX_TP = scaledSigmoid(-1);
