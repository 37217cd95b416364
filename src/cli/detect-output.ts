/**
 * The per-point output of `opsloop detect`: CSV or JSON Lines rows, written through a buffer
 * that waits for the destination to drain, so a slow pipe throttles reading instead of the
 * process buffering the whole result in memory.
 */
import type { Writable } from 'node:stream';
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

const FLUSH_CHARS = 64 * 1024;

export class OutputWriter {
  private buffer = '';
  private failure: Error | undefined;

  constructor(private readonly stream: Writable) {
    // Without a listener an EPIPE (output piped to `head`) would crash the process.
    stream.on('error', (error: Error) => {
      this.failure ??= error;
    });
  }

  /** The first error of the destination, if any; the caller stops reading when set. */
  get error(): Error | undefined {
    return this.failure;
  }

  async write(text: string): Promise<void> {
    this.buffer += text;
    if (this.buffer.length >= FLUSH_CHARS) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.buffer === '' || this.failure || this.stream.destroyed) return;
    const data = this.buffer;
    this.buffer = '';
    if (!this.stream.write(data)) await this.settled('drain');
  }

  /** Flushes and, for a file, closes it; stdout is left open for whoever owns it. */
  async end(closeStream: boolean): Promise<void> {
    await this.flush();
    if (this.failure || this.stream.destroyed) return;
    if (closeStream) {
      this.stream.end();
      await this.settled('finish');
    }
  }

  /** Waits for `event`, or for an error or close, which would otherwise leave us waiting forever. */
  private settled(event: 'drain' | 'finish'): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        this.stream.off(event, done);
        this.stream.off('error', done);
        this.stream.off('close', done);
        resolve();
      };
      this.stream.once(event, done);
      this.stream.once('error', done);
      this.stream.once('close', done);
    });
  }
}
