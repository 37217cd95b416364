/**
 * A NAB result file: the data file's rows with the detector's score and the window label
 * (`timestamp,value,anomaly_score,label`, as NAB's `results/<detector>/<category>/` files).
 * Pure; the caller writes it to `<category>/<detector>_<file>.csv`.
 *
 * Scores are written with String(), the shortest text that reads back to the same double,
 * so scoring the files gives exactly the figures scored in memory.
 */
import type { NabFile } from './types.js';

export function resultsFileName(detector: string, file: NabFile): string {
  return `${file.category}/${detector}_${file.fileName}`;
}

export function formatResults(file: NabFile, scores: readonly number[]): string {
  const inWindow = new Uint8Array(file.values.length);
  for (const { left, right } of file.windows) inWindow.fill(1, left, right + 1);
  const lines = ['timestamp,value,anomaly_score,label'];
  for (let i = 0; i < file.values.length; i++) {
    lines.push(`${file.rawTimestamps[i]},${file.rawValues[i]},${String(scores[i])},${inWindow[i]}`);
  }
  return `${lines.join('\n')}\n`;
}
