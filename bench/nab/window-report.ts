/**
 * Where a detector's NAB score comes from, file by file: for one profile and threshold, each
 * window's earliest detection (or its miss) and each false positive's cost, in the same units
 * as the corpus score (a window is worth +tpWeight at its left edge, −fnWeight missed). Pure.
 *
 * The corpus score is the sum of every file's `windowScore + falsePositiveCost`, so this is
 * what to read when a change moves the total: which windows it won or lost, and where its
 * false alarms cost most.
 */
import { scorableRows } from './point-weights.js';
import { MAX_TP } from './scaled-sigmoid.js';
import type { CostProfile, NabFile } from './types.js';

export interface WindowOutcome {
  /** Row range of the window in its file. */
  left: number;
  right: number;
  /** First detected row inside the window, or undefined when missed. */
  detectedRow: number | undefined;
  /** What the window adds to the corpus score (negative when missed). */
  value: number;
}

export interface FileReport {
  relativePath: string;
  windows: WindowOutcome[];
  /** Detected rows outside windows (after probation) and what they cost together (≤ 0). */
  falsePositiveRows: number[];
  falsePositiveCost: number;
}

export function fileReport(file: NabFile, scores: readonly number[], profile: CostProfile, threshold: number): FileReport {
  const windows: WindowOutcome[] = file.windows.map(({ left, right }) => ({ left, right, detectedRow: undefined, value: -profile.fnWeight }));
  const scorable = new Set<number>();
  const falsePositiveRows: number[] = [];
  let falsePositiveCost = 0;
  for (const { row, window, unweighted } of scorableRows(file.values.length, file.windows)) {
    if (window >= 0) scorable.add(window);
    if ((scores[row] as number) < threshold) continue;
    if (window < 0) {
      falsePositiveRows.push(row);
      falsePositiveCost += unweighted * profile.fpWeight;
      continue;
    }
    const outcome = windows[window] as WindowOutcome;
    if (outcome.detectedRow === undefined) {
      outcome.detectedRow = row;
      outcome.value = (unweighted * profile.tpWeight) / MAX_TP;
    }
  }
  // A window wholly inside the probationary period is neither rewarded nor missed (NAB).
  return { relativePath: file.relativePath, windows: windows.filter((_, i) => scorable.has(i)), falsePositiveRows, falsePositiveCost };
}

/** One line per file: its windows (+value at row, or MISS) and its false positives. */
export function formatReport(reports: readonly FileReport[]): string {
  const lines: string[] = [];
  let total = 0;
  for (const report of reports) {
    const windows = report.windows.map((w, i) =>
      w.detectedRow === undefined ? `#${i} MISS` : `#${i} ${w.value.toFixed(2)}@${w.detectedRow - w.left}/${w.right - w.left + 1}`,
    );
    const score = report.windows.reduce((sum, w) => sum + w.value, report.falsePositiveCost);
    total += score;
    const fp = report.falsePositiveRows.length > 0 ? `  FP ${report.falsePositiveRows.length} (${report.falsePositiveCost.toFixed(2)})` : '';
    lines.push(`${score.toFixed(2).padStart(7)}  ${report.relativePath.padEnd(52)} ${windows.join(' ')}${fp}`);
  }
  lines.push(`${total.toFixed(2).padStart(7)}  total`);
  return lines.join('\n');
}
