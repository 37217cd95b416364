/**
 * The loop of `opsloop detect`: rows from the reader into one SeriesDetector, scored points
 * to the output, everything else to the summary. Reads, scores and writes one row at a time.
 * Scores, expected values and bands are the detector's own (PointScore), so the file shows
 * exactly what the live loop would have decided on the same points.
 */
import type { MetricSemantics } from '../observe/metrics/metric-semantics.js';
import { SeriesDetector, type DetectorSettings } from '../observe/metrics/series-detector.js';
import type { CsvSeriesReader } from './csv-series-reader.js';
import { formatPoint, type OutputFormat, type ScoredPoint } from './detect-output.js';
import type { OutputWriter } from './output-writer.js';
import type { Progress } from './progress-bar.js';
import { DetectSummary } from './detect-summary.js';

export interface DetectRun {
  reader: CsvSeriesReader;
  writer: OutputWriter;
  format: OutputFormat;
  progress: Progress;
  settings: DetectorSettings;
  semantics: MetricSemantics;
}

/** Rows between progress updates: often enough to look live, rare enough to cost nothing. */
const PROGRESS_EVERY = 4096;

export async function runDetect(run: DetectRun): Promise<DetectSummary> {
  const { reader, writer, format, progress, settings, semantics } = run;
  const detector = new SeriesDetector(settings, semantics);
  const summary = new DetectSummary();
  let rows = 0;
  for await (const { line, row } of reader.rows()) {
    rows += 1;
    if (rows % PROGRESS_EVERY === 0) progress.update(reader.bytesRead(), summary.points);
    if (row.kind === 'skipped') {
      summary.skip(row.reason, line);
      continue;
    }
    const event = detector.observe(row.timeMs, row.value);
    const score = detector.lastScore;
    summary.point(score, event);
    const point: ScoredPoint = { timestamp: row.timestamp, timeMs: row.timeMs, value: row.value };
    if (score) point.score = { score: score.score, expected: score.expected, lower: score.lower, upper: score.upper, anomaly: score.anomalous };
    await writer.write(formatPoint(point, format));
    // The reader is closed by leaving the loop; a gone consumer (EPIPE) needs no more rows.
    if (writer.error) break;
  }
  progress.update(reader.bytesRead(), summary.points);
  progress.stop();
  return summary;
}
