/**
 * What the NAB bench runs: a detector is a factory of per-file scorers, so every file gets
 * fresh state and the same configuration (NAB forbids per-file or per-category settings).
 * A scorer sees one row at a time, in order, and must answer from the past only.
 */
export type PointScorer = (timeMs: number, value: number) => number;

export interface NabDetector {
  /** Used in result file names (`<detector>_<file>.csv`), so no underscores. */
  name: string;
  description: string;
  create(): PointScorer;
}
