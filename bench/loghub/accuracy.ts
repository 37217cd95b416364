/**
 * Log-parsing accuracy as defined for Loghub (../shared/datasets/README.md):
 *
 * - GA, grouping accuracy (Zhu et al., ICSE-SEIP 2019): the share of lines whose ground-truth
 *   group is reproduced exactly, i.e. the line's predicted group holds exactly the lines of its
 *   ground-truth group, no more and no fewer.
 * - PA, parsing accuracy (Khan et al., ICSE 2022; Jiang et al., ISSTA 2024): the share of lines
 *   whose predicted template string equals the ground truth's.
 *
 * Inputs are parallel arrays indexed by line; predicted groups are given by template string,
 * as the Loghub-2.0 evaluation groups them.
 */
export function groupingAccuracy(truth: readonly string[], predicted: readonly string[]): number {
  checkLengths(truth, predicted);
  if (truth.length === 0) return 0;
  const truthSizes = countBy(truth);
  const predictedLines = new Map<string, number[]>();
  predicted.forEach((p, i) => {
    const lines = predictedLines.get(p);
    if (lines) lines.push(i);
    else predictedLines.set(p, [i]);
  });
  let correct = 0;
  for (const lines of predictedLines.values()) {
    const label = truth[lines[0] as number] as string;
    if (lines.every((i) => truth[i] === label) && truthSizes.get(label) === lines.length) correct += lines.length;
  }
  return correct / truth.length;
}

export function parsingAccuracy(truth: readonly string[], predicted: readonly string[]): number {
  checkLengths(truth, predicted);
  if (truth.length === 0) return 0;
  let correct = 0;
  truth.forEach((t, i) => {
    if (predicted[i] === t) correct++;
  });
  return correct / truth.length;
}

function countBy(values: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return counts;
}

function checkLengths(truth: readonly string[], predicted: readonly string[]): void {
  if (truth.length !== predicted.length) {
    throw new RangeError(`ground truth has ${truth.length} lines, prediction ${predicted.length}`);
  }
}
