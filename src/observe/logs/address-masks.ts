/**
 * The built-in masks for addresses, as hand scanners over one token: IPv4 (with the leading
 * slash of `/10.0.0.1`), host names, Unix paths. Pure. Each is its regular expression in
 * masks.ts matched the way the engine would; see mask-token.ts.
 */
import { codeAt, DIGIT, isClass, isDigitAt, isSpace, isWordAt, LABEL, LOWER, runEnd } from './char-class.js';
import { WILDCARD } from './masks.js';
import { Splice } from './splice.js';

const splice = new Splice();
const SLASH = 47;
const DOT = 46;

/** End of an IPv4 octet (`25[0-5]|2[0-4]\d|1?\d?\d`, a whole run of digits) at `at`, or -1. */
function octetEnd(t: string, at: number): number {
  const end = runEnd(t, at, DIGIT);
  const length = end - at;
  if (length === 0 || length > 3) return -1;
  if (length < 3) return end;
  const [a, b, c] = [codeAt(t, at), codeAt(t, at + 1), codeAt(t, at + 2)];
  const valid = a === 49 || (a === 50 && (b < 53 || (b === 53 && c <= 53)));
  return valid ? end : -1;
}

export function maskIpv4(t: string): string {
  splice.start(t);
  for (let i = 0; i < t.length; i++) {
    if (!isDigitAt(t, i)) continue;
    const runStop = runEnd(t, i, DIGIT);
    const prev = codeAt(t, i - 1);
    if (isWordAt(t, i - 1) || prev === DOT) {
      i = runStop - 1;
      continue;
    }
    let end = octetEnd(t, i);
    for (let part = 1; part < 4 && end >= 0; part++) end = codeAt(t, end) === DOT ? octetEnd(t, end + 1) : -1;
    if (end < 0 || isWordAt(t, end) || codeAt(t, end) === DOT) {
      i = runStop - 1;
      continue;
    }
    // `/10.0.0.1` after a space, `(`, `[`, `=` or `,` is a path-like spelling of one address.
    const before = codeAt(t, i - 2);
    const slash = prev === SLASH && (i === 1 || isSpace(before) || before === 40 || before === 91 || before === 61 || before === 44);
    splice.replace(slash ? i - 1 : i, end, WILDCARD);
    i = end - 1;
  }
  return splice.finish();
}

const SINGLE_TLDS = new Set(['com', 'net', 'org', 'edu', 'gov', 'mil', 'io', 'local', 'internal', 'lan']);
const SECOND_LEVEL = new Set(['edu', 'com', 'co', 'ac', 'gov', 'org', 'net']);

function isTwoLowerLetters(t: string, from: number, to: number): boolean {
  return to - from === 2 && isClass(t, from, LOWER) && isClass(t, from + 1, LOWER);
}

export function maskHostname(t: string): string {
  splice.start(t);
  for (let i = 0; i < t.length; i++) {
    if (!isClass(t, i, LABEL)) continue;
    const prev = codeAt(t, i - 1);
    if (isWordAt(t, i - 1) || prev === DOT || prev === 45) continue;
    let labels = 1;
    let lastFrom = i;
    let lastTo = runEnd(t, i, LABEL);
    let prevFrom = -1;
    let prevTo = -1;
    while (codeAt(t, lastTo) === DOT && isClass(t, lastTo + 1, LABEL)) {
      [prevFrom, prevTo] = [lastFrom, lastTo];
      lastFrom = lastTo + 1;
      lastTo = runEnd(t, lastFrom, LABEL);
      labels++;
    }
    const last = t.slice(lastFrom, lastTo);
    const endsHost =
      (labels >= 3 && isTwoLowerLetters(t, lastFrom, lastTo) && SECOND_LEVEL.has(t.slice(prevFrom, prevTo))) ||
      (labels >= 2 && SINGLE_TLDS.has(last));
    const after = lastTo;
    const followed = isWordAt(t, after) || codeAt(t, after) === 45 || (codeAt(t, after) === DOT && (isWordAt(t, after + 1) || codeAt(t, after + 1) === 45));
    if (endsHost && !followed) splice.replace(i, lastTo, WILDCARD);
    i = lastTo - 1;
  }
  return splice.finish();
}

/** `[\w.@~+%$-]`: a character of a Unix path segment. */
function isPathChar(t: string, at: number): boolean {
  const c = codeAt(t, at);
  return isWordAt(t, at) || c === DOT || c === 64 || c === 126 || c === 43 || c === 37 || c === 36 || c === 45;
}

/** `(?<![\w/.:<>*-])`: what may precede a Unix path. */
function mayPrecedePath(t: string, at: number): boolean {
  const c = codeAt(t, at);
  return !(isWordAt(t, at) || c === SLASH || c === DOT || c === 58 || c === 60 || c === 62 || c === 42 || c === 45);
}

export function maskUnixPath(t: string): string {
  splice.start(t);
  for (let i = 0; i < t.length; i++) {
    if (codeAt(t, i) !== SLASH || !mayPrecedePath(t, i - 1)) continue;
    let end = i;
    while (codeAt(t, end) === SLASH && isPathChar(t, end + 1)) {
      end += 2;
      while (isPathChar(t, end)) end++;
    }
    if (end === i) continue;
    if (codeAt(t, end) === SLASH) end++;
    splice.replace(i, end, WILDCARD);
    i = end - 1;
  }
  return splice.finish();
}
