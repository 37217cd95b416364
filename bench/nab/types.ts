/**
 * Shapes shared by the NAB scorer (Numenta Anomaly Benchmark v1.1; Lavin & Ahmad 2015,
 * "Evaluating Real-time Anomaly Detection Algorithms – the Numenta Anomaly Benchmark").
 * Plain data only, so every scoring step is a pure function of these records.
 */

/** One anomaly window as row indices of its file, both ends inclusive (NAB windows are closed). */
export interface WindowRange {
  left: number;
  right: number;
}

/** One data file of a NAB corpus with its labelled windows. */
export interface NabFile {
  /** `<category>/<file>.csv`, the key NAB uses in `labels/combined_windows.json`. */
  relativePath: string;
  category: string;
  fileName: string;
  /** Timestamps and values exactly as written in the data file, for result files that mirror it. */
  rawTimestamps: readonly string[];
  rawValues: readonly string[];
  /** Parsed timestamps, microseconds since the epoch (UTC); exact for NAB's microsecond labels. */
  timestampsUs: readonly number[];
  values: readonly number[];
  /** Sorted by start, non-overlapping. */
  windows: readonly WindowRange[];
}

/** NAB's cost matrix of one profile (`config/profiles.json`); tnWeight is unused by NAB's scorer. */
export interface CostProfile {
  tpWeight: number;
  fpWeight: number;
  fnWeight: number;
}

export interface NabCorpus {
  files: readonly NabFile[];
  profiles: Readonly<Record<string, CostProfile>>;
  /** Windows in the labels file; NAB's perfect score is this count × tpWeight. */
  windowCount: number;
}

/** The best threshold of one detector under one profile and the corpus score it gives. */
export interface ThresholdResult {
  /** Detections are the points whose score is ≥ threshold; 1.1 means "detect nothing", as in NAB. */
  threshold: number;
  score: number;
}
