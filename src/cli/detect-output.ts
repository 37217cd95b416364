/** The per-point output of `opsloop detect`: CSV or JSON Lines rows (written by output-writer.ts). */
import { csvField } from './csv-line.js';

export type OutputFormat = 'csv' | 'json';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['csv', 'json'];

export const CSV_HEADER = 'timestamp,value,score,expected,lower,upper,anomaly';

export interface ScoredPoint {
  /** The timestamp exactly as written in the input, so output rows join back to it. */
  timestamp: string;
  timeMs: number;
  value: number;
  /** Absent during the detector's cold start, when it learns without scoring. */
  score?: { score: number; expected: number; lower: number; upper: number; anomaly: boolean };
}

export function formatPoint(point: ScoredPoint, format: OutputFormat): string {
  const s = point.score;
  if (format === 'json') {
    return `${JSON.stringify({
      timestamp: point.timestamp,
      timeMs: point.timeMs,
      value: point.value,
      score: s ? round(s.score, 6) : null,
      expected: s ? round(s.expected, 12) : null,
      lower: s ? round(s.lower, 12) : null,
      upper: s ? round(s.upper, 12) : null,
      anomaly: s?.anomaly ?? false,
    })}\n`;
  }
  const scored = s
    ? `${round(s.score, 6)},${round(s.expected, 12)},${round(s.lower, 12)},${round(s.upper, 12)},${s.anomaly ? 1 : 0}`
    : ',,,,0';
  return `${csvField(point.timestamp)},${point.value},${scored}\n`;
}

/** Significant digits, without float noise such as 0.30000000000000004 in the file. */
function round(value: number, digits: number): number {
  return Number.isFinite(value) ? Number(value.toPrecision(digits)) : value;
}
