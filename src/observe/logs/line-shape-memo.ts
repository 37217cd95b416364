/**
 * A bounded memo from the shape of a line (token-shape.ts) to its masked text, for the mask
 * scanner. Pure apart from its own state.
 *
 * It has to be much cheaper than masking, so it never walks a line in JavaScript more than it
 * must. A line is bucketed by a key read at a few places (its length and the shape of some
 * characters), and checked against a stored line of that shape part by part: the text between
 * digit runs with `startsWith`, which the engine does natively, and the digit runs with a short
 * loop. Equal shapes always land in the same bucket; a bucket keeps the few shapes that share a key.
 */
import { runShape } from './token-shape.js';

interface Shape {
  /** Lines found by this shape: a full bucket gives up its least used shape. */
  hits: number;
  readonly length: number;
  readonly maxTokens: number;
  /** The text between digit runs, and where it starts. */
  readonly texts: readonly string[];
  readonly textStarts: readonly number[];
  /** Digit runs as [from, end, shape] triples. */
  readonly runs: readonly number[];
  readonly masked: string;
}

/** Shapes kept per key; lines of one length that differ away from the samples share a key. */
const BUCKET_SIZE = 8;

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Shape-invariant: a digit reads as `0`. */
function shapeUnit(line: string, at: number): number {
  const code = line.charCodeAt(at);
  return isDigit(code) ? 48 : code;
}

function mix(key: number, unit: number): number {
  return Math.imul(key ^ unit, 0x01000193);
}

const SAMPLES = 16;

/** The length and the shape of SAMPLES characters spread over the line, and of its last. */
function bucketKey(line: string): number {
  const n = line.length;
  let key = mix(0x811c9dc5, n);
  for (let k = 0; k < SAMPLES; k++) key = mix(key, shapeUnit(line, ((k * n) / SAMPLES) | 0));
  return mix(key, shapeUnit(line, n - 1)) >>> 0;
}

function describe(line: string, maxTokens: number, masked: string): Shape {
  const texts: string[] = [];
  const textStarts: number[] = [];
  const runs: number[] = [];
  let i = 0;
  while (i < line.length) {
    const from = i;
    if (isDigit(line.charCodeAt(i))) {
      while (i < line.length && isDigit(line.charCodeAt(i))) i++;
      runs.push(from, i, runShape(line, from, i));
    } else {
      while (i < line.length && !isDigit(line.charCodeAt(i))) i++;
      texts.push(line.slice(from, i));
      textStarts.push(from);
    }
  }
  return { hits: 0, length: line.length, maxTokens, texts, textStarts, runs, masked };
}

function fits(shape: Shape, line: string, maxTokens: number): boolean {
  if (shape.length !== line.length || shape.maxTokens !== maxTokens) return false;
  const { texts, textStarts, runs } = shape;
  for (let k = 0; k < texts.length; k++) if (!line.startsWith(texts[k] as string, textStarts[k])) return false;
  // The texts matched, so each run is bounded by non-digits; it must hold digits only.
  for (let k = 0; k < runs.length; k += 3) {
    const from = runs[k] as number;
    const end = runs[k + 1] as number;
    for (let i = from; i < end; i++) if (!isDigit(line.charCodeAt(i))) return false;
    if (runShape(line, from, end) !== runs[k + 2]) return false;
  }
  return true;
}

export class LineShapeMemo {
  readonly #buckets = new Map<number, Shape[]>();
  readonly #limit: number;

  /** At most `limit` buckets; all are dropped when it is reached. */
  constructor(limit: number) {
    this.#limit = limit;
  }

  /** The masked text stored for a line of this shape, if any. */
  get(line: string, maxTokens: number): string | undefined {
    const bucket = this.#buckets.get(bucketKey(line));
    if (!bucket) return undefined;
    for (const shape of bucket) {
      if (fits(shape, line, maxTokens)) {
        shape.hits++;
        return shape.masked;
      }
    }
    return undefined;
  }

  /** `masked` must hold no digit: it then stands for every line of the shape. */
  set(line: string, maxTokens: number, masked: string): void {
    const key = bucketKey(line);
    let bucket = this.#buckets.get(key);
    if (!bucket) {
      if (this.#buckets.size >= this.#limit) this.#buckets.clear();
      this.#buckets.set(key, (bucket = []));
    }
    const shape = describe(line, maxTokens, masked);
    if (bucket.length < BUCKET_SIZE) {
      bucket.push(shape);
      return;
    }
    // Lines with a fresh hex id each are a new shape each time: they take turns in the least
    // used slot instead of pushing out the shapes that repeat.
    let least = 0;
    for (let k = 1; k < bucket.length; k++) if ((bucket[k] as Shape).hits < (bucket[least] as Shape).hits) least = k;
    bucket[least] = shape;
  }
}
