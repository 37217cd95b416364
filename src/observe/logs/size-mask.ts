/**
 * The built-in size mask as a hand scanner over one token (which may hold the one space of
 * `5.2 KB` or `<1 sec`, see mask-scanner.ts): `\d+(?:\.\d+)? ?(?:[KMGTP]i?)?B\b`, durations with
 * their unit, and a bound before a duration. Pure. The alternatives and their backtracking are
 * tried in the regular expression's order (masks.ts).
 */
import { codeAt, DIGIT, isDigitAt, isSpace, isWordAt, runEnd } from './char-class.js';
import { WILDCARD } from './masks.js';
import { Splice } from './splice.js';

const splice = new Splice();
const DOT = 46;

/** `\d+(?:\.\d+)?` at `at`: the ends to try, the longer first (the second is -1 without a fraction). */
function decimalEnds(t: string, at: number): [number, number] {
  const whole = runEnd(t, at, DIGIT);
  if (codeAt(t, whole) === DOT && isDigitAt(t, whole + 1)) return [runEnd(t, whole + 1, DIGIT), whole];
  return [whole, -1];
}

/** End of `text` at `at` when a word boundary follows it, else -1. */
function wordAt(t: string, at: number, text: string): number {
  return t.startsWith(text, at) && !isWordAt(t, at + text.length) ? at + text.length : -1;
}

/** `(?:[KMGTP]i?)?B\b` at `at`. */
function byteUnitEnd(t: string, at: number): number {
  const c = codeAt(t, at);
  if (c === 75 || c === 77 || c === 71 || c === 84 || c === 80) {
    const withI = codeAt(t, at + 1) === 105 ? wordAt(t, at + 2, 'B') : -1;
    if (withI >= 0) return withI;
    const plain = wordAt(t, at + 1, 'B');
    if (plain >= 0) return plain;
  }
  return wordAt(t, at, 'B');
}

/** The first of `units` at `at` followed by a word boundary. */
function unitEnd(t: string, at: number, units: readonly string[]): number {
  for (const unit of units) {
    const end = wordAt(t, at, unit);
    if (end >= 0) return end;
  }
  return -1;
}

const TIME_UNITS = ['ms', 'us', 'ns', 's'];
const BOUND_UNITS = ['sec', 'ms', 's'];

/** Tries `unit` right after the number, then after one space (the regex's ` ?`, space first). */
function spacedUnitEnd(t: string, numberEnd: number, unit: (t: string, at: number) => number): number {
  if (codeAt(t, numberEnd) === 32) {
    const spaced = unit(t, numberEnd + 1);
    if (spaced >= 0) return spaced;
  }
  return unit(t, numberEnd);
}

function sizeEnd(t: string, i: number, prevIsSpace: boolean): number {
  const c = codeAt(t, i);
  if (isDigitAt(t, i)) {
    if (isWordAt(t, i - 1) || codeAt(t, i - 1) === DOT) return -1;
    const ends = decimalEnds(t, i);
    for (const end of ends) {
      const found = end < 0 ? -1 : spacedUnitEnd(t, end, byteUnitEnd);
      if (found >= 0) return found;
    }
    for (const end of ends) {
      const found = end < 0 ? -1 : unitEnd(t, end, TIME_UNITS);
      if (found >= 0) return found;
    }
    return -1;
  }
  // `<1 sec`, `~5ms`: a bound written before the number, after white space.
  const bounded = c === 60 || c === 62 || c === 126;
  if (!bounded || !isDigitAt(t, i + 1) || !(i === 0 ? prevIsSpace : isSpace(codeAt(t, i - 1)))) return -1;
  for (const end of decimalEnds(t, i + 1)) {
    const found = end < 0 ? -1 : spacedUnitEnd(t, end, (s, at) => unitEnd(s, at, BOUND_UNITS));
    if (found >= 0) return found;
  }
  return -1;
}

export function maskSize(t: string, prevIsSpace: boolean): string {
  splice.start(t);
  for (let i = 0; i < t.length; i++) {
    const end = sizeEnd(t, i, prevIsSpace);
    if (end < 0) continue;
    splice.replace(i, end, WILDCARD);
    i = end - 1;
  }
  return splice.finish();
}
