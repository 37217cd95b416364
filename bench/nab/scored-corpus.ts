/**
 * One detector's anomaly scores laid over a corpus's scorable rows, pooled across files
 * (NAB v1.1 `optimizer.optimizeThreshold` pools every file's rows before sweeping). Pure.
 *
 * Column arrays rather than objects: NAB corpora have ~10^5 rows per detector, and the
 * threshold sweep visits them once per profile.
 */
import { scorableRows } from './point-weights.js';
import type { NabFile } from './types.js';

export interface ScoredCorpus {
  /** Anomaly score of each pooled row. */
  scores: Float64Array;
  /** Corpus-wide window id of each row, −1 outside windows. */
  windows: Int32Array;
  /** Scaled-sigmoid value of each row, before profile weights. */
  unweighted: Float64Array;
  /** Windows with at least one row after probation: the only ones that can be hit or missed. */
  scorableWindows: number;
}

/** `scoresByFile` holds one score array per file, in the order of `files`. */
export function scoreCorpus(files: readonly NabFile[], scoresByFile: readonly (readonly number[])[]): ScoredCorpus {
  const scores: number[] = [];
  const windows: number[] = [];
  const unweighted: number[] = [];
  const windowIds = new Map<string, number>();
  files.forEach((file, f) => {
    const fileScores = scoresByFile[f];
    if (!fileScores || fileScores.length !== file.values.length) {
      throw new RangeError(`scores for ${file.relativePath}: expected ${file.values.length} values, got ${fileScores?.length ?? 0}`);
    }
    for (const row of scorableRows(file.values.length, file.windows)) {
      const score = fileScores[row.row] as number;
      if (!(score >= 0 && score <= 1)) {
        throw new RangeError(`score of ${file.relativePath} row ${row.row + 1}: expected a number in [0, 1], got ${score}`);
      }
      scores.push(score);
      unweighted.push(row.unweighted);
      if (row.window < 0) {
        windows.push(-1);
        continue;
      }
      const key = `${f}|${row.window}`;
      let id = windowIds.get(key);
      if (id === undefined) {
        id = windowIds.size;
        windowIds.set(key, id);
      }
      windows.push(id);
    }
  });
  return {
    scores: Float64Array.from(scores),
    windows: Int32Array.from(windows),
    unweighted: Float64Array.from(unweighted),
    scorableWindows: windowIds.size,
  };
}
