/**
 * A bounded memo from the shape of a line (token-shape.ts) to its masked text, for the mask
 * scanner. Pure apart from its own state.
 *
 * It has to be much cheaper than masking, so it never walks a line in JavaScript more than it
 * must. A line is bucketed by a key read at a few places (its length and the shape of some
 * characters), and checked against a stored line of that shape part by part: the text between
 * digit runs with `startsWith`, which the engine does natively, and the digit runs with a short
 * loop. Equal shapes always land in the same bucket; a bucket keeps the few shapes that share a key.
 *
 * One addition to token-shape.ts: a hex word reads as hex of its length, whatever its letters.
 * That is a whole `\w` run either of hex digits only, at least 8 long, with a digit and a
 * letter (`9f4ef63a`, `00b360e8`), or `0x` and hex digits (`0x0b85eee0`). The kinds stay
 * apart, and so do words that start with a letter and with a digit (a URL scheme must start
 * with a letter). Every built-in either takes such a word into a larger value by its character
 * classes (a path, a host name, a URL, a UUID, a `key=value`) or masks it as hex; where its
 * letters do reach the masked text, so does a digit, and text with a digit is not memoised. Trace ids, hashes and object addresses change their letters on every
 * line; this keeps their lines one shape.
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
  /** Digit runs as [from, end, shape] triples; hex words with the shape HEX_WORD. */
  readonly runs: readonly number[];
  readonly masked: string;
}

/** Shapes kept per key; lines of one length that differ away from the samples share a key. */
const BUCKET_SIZE = 8;

/** Shapes of hex words in `Shape.runs` (digit runs have positive shapes). */
const HEX_WORD_DIGIT_FIRST = -1;
const HEX_WORD_LETTER_FIRST = -2;
const HEX_0X_WORD = -3;

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isHexLetter(code: number): boolean {
  const lower = code | 32;
  return lower >= 97 && lower <= 102;
}

function isWordChar(code: number): boolean {
  const lower = code | 32;
  return isDigit(code) || (lower >= 97 && lower <= 122) || code === 95;
}

/** The kind of hex word line[from, end) is (one of the three above), else 0; `from` starts a word. */
function hexWordKind(line: string, from: number, end: number): number {
  if (end - from < 3 || isWordChar(line.charCodeAt(end))) return 0;
  const prefixed = line.charCodeAt(from) === 48 && (line.charCodeAt(from + 1) | 32) === 120;
  if (!prefixed && end - from < 8) return 0;
  let digit = false;
  let letter = false;
  for (let i = prefixed ? from + 2 : from; i < end; i++) {
    const code = line.charCodeAt(i);
    if (isDigit(code)) digit = true;
    else if (isHexLetter(code)) letter = true;
    else return 0;
  }
  if (prefixed) return HEX_0X_WORD;
  if (!digit || !letter) return 0;
  return isDigit(line.charCodeAt(from)) ? HEX_WORD_DIGIT_FIRST : HEX_WORD_LETTER_FIRST;
}

/** End of the word starting at `from`. */
function wordEnd(line: string, from: number): number {
  let i = from;
  while (i < line.length && isWordChar(line.charCodeAt(i))) i++;
  return i;
}

function startsWord(line: string, at: number): boolean {
  return isWordChar(line.charCodeAt(at)) && (at === 0 || !isWordChar(line.charCodeAt(at - 1)));
}

/** Shape-invariant, hex words included: any hex digit reads as `0`. */
function shapeUnit(line: string, at: number): number {
  const code = line.charCodeAt(at);
  return isDigit(code) || isHexLetter(code) ? 48 : code;
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
  const hexWordEnd = (at: number): number => {
    if (!startsWord(line, at)) return -1;
    const end = wordEnd(line, at);
    return hexWordKind(line, at, end) !== 0 ? end : -1;
  };
  while (i < line.length) {
    const from = i;
    const hexEnd = hexWordEnd(i);
    if (hexEnd >= 0) {
      runs.push(from, hexEnd, hexWordKind(line, from, hexEnd));
      i = hexEnd;
    } else if (isDigit(line.charCodeAt(i))) {
      while (i < line.length && isDigit(line.charCodeAt(i))) i++;
      runs.push(from, i, runShape(line, from, i));
    } else {
      i++;
      while (i < line.length && !isDigit(line.charCodeAt(i)) && hexWordEnd(i) < 0) i++;
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
  // The texts matched, so each digit run is bounded by non-digits and each hex word by
  // non-word characters; what is between must be digits, or a hex word.
  for (let k = 0; k < runs.length; k += 3) {
    const from = runs[k] as number;
    const end = runs[k + 1] as number;
    const kind = runs[k + 2] as number;
    if (kind < 0) {
      if (hexWordKind(line, from, end) !== kind) return false;
      continue;
    }
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
