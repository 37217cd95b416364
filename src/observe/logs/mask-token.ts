/**
 * The built-in masks of one whitespace-delimited token, written as hand scanners. Pure.
 *
 * Each pass below is the built-in regular expression of the same name in masks.ts, matched the
 * way the regular-expression engine would (leftmost match, the same greedy choices and
 * backtracking, the same look-arounds), in the same order, so a token masks the same either
 * way; masks.test.ts checks both on every case. They are written by hand because the chain of
 * a dozen `String.replace` calls was most of the miner's time: here a word with no digit and
 * none of `. / @ \ <` is returned as it is after one look at each character, and a value pays
 * only for the passes its characters can trigger.
 *
 * Token-local is exact because none of these expressions can match across white space except
 * the timestamp (handled on the whole line by mask-scanner.ts) and a size written with a space
 * (`5.2 KB`, `<1 sec`), which mask-scanner.ts hands over as one token with its space. The rare
 * classes (URL, e-mail, UUID, Windows path) run their regular expression on the token.
 */
import { charClass, DIGIT, HEX, isClass, isDigitAt, isSpace, LABEL, LETTER, LOWER, NOTABLE, runEnd, WORD } from './char-class.js';
import { BUILTIN_MASKS, WILDCARD, type LogMask } from './masks.js';
import { Splice } from './splice.js';

const splice = new Splice();

function builtin(name: string): LogMask {
  const found = BUILTIN_MASKS.find((m) => m.name === name);
  if (!found) throw new Error(`no built-in mask ${name}`);
  return found;
}

const URL_MASK = builtin('url');
const EMAIL_MASK = builtin('email');
const UUID_MASK = builtin('uuid');
const PATH_MASK = builtin('path');

function applyRegex(token: string, mask: LogMask): string {
  return typeof mask.replacement === 'string' ? token.replace(mask.pattern, mask.replacement) : token.replace(mask.pattern, mask.replacement);
}

const code = (t: string, at: number): number => t.charCodeAt(at);
const isWord = (t: string, at: number): boolean => isClass(t, at, WORD);
const SLASH = 47;
const DOT = 46;

/** End of an IPv4 octet (`25[0-5]|2[0-4]\d|1?\d?\d`, a whole run of digits) at `at`, or -1. */
function octetEnd(t: string, at: number): number {
  const end = runEnd(t, at, DIGIT);
  const length = end - at;
  if (length === 0 || length > 3) return -1;
  if (length < 3) return end;
  const [a, b, c] = [code(t, at), code(t, at + 1), code(t, at + 2)];
  const valid = a === 49 || (a === 50 && (b < 53 || (b === 53 && c <= 53)));
  return valid ? end : -1;
}

function maskIpv4(t: string): string {
  splice.start(t);
  for (let i = 0; i < t.length; i++) {
    if (!isDigitAt(t, i)) continue;
    const runStop = runEnd(t, i, DIGIT);
    const prev = code(t, i - 1);
    if (isWord(t, i - 1) || prev === DOT) {
      i = runStop - 1;
      continue;
    }
    let end = octetEnd(t, i);
    for (let part = 1; part < 4 && end >= 0; part++) end = code(t, end) === DOT ? octetEnd(t, end + 1) : -1;
    if (end < 0 || isWord(t, end) || code(t, end) === DOT) {
      i = runStop - 1;
      continue;
    }
    // `/10.0.0.1` after a space, `(`, `[`, `=` or `,` is a path-like spelling of one address.
    const before = code(t, i - 2);
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

function maskHostname(t: string): string {
  splice.start(t);
  for (let i = 0; i < t.length; i++) {
    if (!isClass(t, i, LABEL)) continue;
    const prev = code(t, i - 1);
    if (isWord(t, i - 1) || prev === DOT || prev === 45) continue;
    let labels = 1;
    let lastFrom = i;
    let lastTo = runEnd(t, i, LABEL);
    let prevFrom = -1;
    let prevTo = -1;
    while (code(t, lastTo) === DOT && isClass(t, lastTo + 1, LABEL)) {
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
    const followed = isWord(t, after) || code(t, after) === 45 || (code(t, after) === DOT && (isWord(t, after + 1) || code(t, after + 1) === 45));
    if (endsHost && !followed) splice.replace(i, lastTo, WILDCARD);
    i = lastTo - 1;
  }
  return splice.finish();
}

/** `[\w.@~+%$-]`: a character of a Unix path segment. */
function isPathChar(t: string, at: number): boolean {
  const c = code(t, at);
  return isWord(t, at) || c === DOT || c === 64 || c === 126 || c === 43 || c === 37 || c === 36 || c === 45;
}

/** `(?<![\w/.:<>*-])`: what may precede a Unix path. */
function mayPrecedePath(t: string, at: number): boolean {
  const c = code(t, at);
  return !(isWord(t, at) || c === SLASH || c === DOT || c === 58 || c === 60 || c === 62 || c === 42 || c === 45);
}

function maskUnixPath(t: string): string {
  splice.start(t);
  for (let i = 0; i < t.length; i++) {
    if (code(t, i) !== SLASH || !mayPrecedePath(t, i - 1)) continue;
    let end = i;
    while (code(t, end) === SLASH && isPathChar(t, end + 1)) {
      end += 2;
      while (isPathChar(t, end)) end++;
    }
    if (end === i) continue;
    if (code(t, end) === SLASH) end++;
    splice.replace(i, end, WILDCARD);
    i = end - 1;
  }
  return splice.finish();
}

function maskHex(t: string): string {
  splice.start(t);
  for (let i = 0; i < t.length; i++) {
    if (!isWord(t, i)) continue;
    const wordStop = runEnd(t, i, WORD);
    if (isWord(t, i - 1)) {
      i = wordStop - 1;
      continue;
    }
    let end = -1;
    const x = code(t, i + 1);
    if (code(t, i) === 48 && (x === 120 || x === 88) && isClass(t, i + 2, HEX)) {
      const stop = runEnd(t, i + 2, HEX);
      if (!isWord(t, stop)) end = stop;
    }
    if (end < 0) {
      const stop = runEnd(t, i, HEX);
      if (stop - i >= 8 && !isWord(t, stop) && hasBoth(t, i, stop)) end = stop;
    }
    if (end >= 0) splice.replace(i, end, WILDCARD);
    i = (end >= 0 ? end : wordStop) - 1;
  }
  return splice.finish();
}

/** A digit and a hex letter in [from, to). */
function hasBoth(t: string, from: number, to: number): boolean {
  let digit = false;
  let letter = false;
  for (let k = from; k < to; k++) {
    if (isDigitAt(t, k)) digit = true;
    else letter = true;
  }
  return digit && letter;
}

/** `\d+(?:\.\d+)?` at `at`: the ends to try, the longer first (the second is -1 without a fraction). */
function decimalEnds(t: string, at: number): [number, number] {
  const whole = runEnd(t, at, DIGIT);
  if (code(t, whole) === DOT && isDigitAt(t, whole + 1)) return [runEnd(t, whole + 1, DIGIT), whole];
  return [whole, -1];
}

/** End of `text` at `at` when a word boundary follows it, else -1. */
function wordAt(t: string, at: number, text: string): number {
  return t.startsWith(text, at) && !isWord(t, at + text.length) ? at + text.length : -1;
}

/** `(?:[KMGTP]i?)?B\b` at `at`. */
function byteUnitEnd(t: string, at: number): number {
  const c = code(t, at);
  if (c === 75 || c === 77 || c === 71 || c === 84 || c === 80) {
    const withI = code(t, at + 1) === 105 ? wordAt(t, at + 2, 'B') : -1;
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
  if (code(t, numberEnd) === 32) {
    const spaced = unit(t, numberEnd + 1);
    if (spaced >= 0) return spaced;
  }
  return unit(t, numberEnd);
}

function sizeEnd(t: string, i: number, prevIsSpace: boolean): number {
  const c = code(t, i);
  if (isDigitAt(t, i)) {
    if (isWord(t, i - 1) || code(t, i - 1) === DOT) return -1;
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
  if (!bounded || !isDigitAt(t, i + 1) || !(i === 0 ? prevIsSpace : isSpace(code(t, i - 1)))) return -1;
  for (const end of decimalEnds(t, i + 1)) {
    const found = end < 0 ? -1 : spacedUnitEnd(t, end, (s, at) => unitEnd(s, at, BOUND_UNITS));
    if (found >= 0) return found;
  }
  return -1;
}

function maskSize(t: string, prevIsSpace: boolean): string {
  splice.start(t);
  for (let i = 0; i < t.length; i++) {
    const end = sizeEnd(t, i, prevIsSpace);
    if (end < 0) continue;
    splice.replace(i, end, WILDCARD);
    i = end - 1;
  }
  return splice.finish();
}

/** `[\s,;&=()\[\]{}<>'"]`: where the value of `key=value` stops. */
function endsValue(c: number): boolean {
  return isSpace(c) || c === 44 || c === 59 || c === 38 || c === 61 || c === 40 || c === 41 || c === 91 || c === 93 ||
    c === 123 || c === 125 || c === 60 || c === 62 || c === 39 || c === 34;
}

function maskKeyValue(t: string): string {
  splice.start(t);
  for (let i = 0; i < t.length; i++) {
    const c = code(t, i);
    if (!(isClass(t, i, LETTER) || c === 95) || isWord(t, i - 1)) continue;
    let equals = i + 1;
    while (isWord(t, equals) || code(t, equals) === DOT || code(t, equals) === 45) equals++;
    if (code(t, equals) !== 61) {
      i = equals - 1;
      continue;
    }
    let end = equals + 1;
    let digit = false;
    while (end < t.length && !endsValue(code(t, end))) {
      if (isDigitAt(t, end)) digit = true;
      end++;
    }
    if (digit) {
      splice.replace(equals + 1, end, WILDCARD);
      i = end - 1;
    } else i = equals;
  }
  return splice.finish();
}

function maskNumber(t: string): string {
  splice.start(t);
  for (let i = 0; i < t.length; i++) {
    const c = code(t, i);
    const first = c === 43 || c === 45 ? i + 1 : i;
    if (!isDigitAt(t, first) || isWord(t, i - 1)) continue;
    // (?:\.\d+)* is greedy; it gives back groups until no word character follows.
    let end = runEnd(t, first, DIGIT);
    let matched = isWord(t, end) ? -1 : end;
    while (code(t, end) === DOT && isDigitAt(t, end + 1)) {
      end = runEnd(t, end + 1, DIGIT);
      if (!isWord(t, end)) matched = end;
    }
    if (matched >= 0) {
      splice.replace(i, matched, WILDCARD);
      i = matched - 1;
    } else i = runEnd(t, first, DIGIT) - 1;
  }
  return splice.finish();
}

/** `^[A-Za-z]{1,5}\d{1,2}$`: L3, SOCKS5, eth0, v2 are names, not values. */
function isShortName(t: string, from: number, to: number): boolean {
  const letters = runEnd(t, from, LETTER);
  return letters > from && letters - from <= 5 && runEnd(t, letters, DIGIT) === to && to - letters >= 1 && to - letters <= 2;
}

function maskMixedIdentifiers(t: string): string {
  splice.start(t);
  for (let i = 0; i < t.length; i++) {
    const prev = code(t, i - 1);
    if (isWord(t, i - 1) || prev === 62 || prev === 42 || prev === 45) continue;
    let end = i;
    let digit = false;
    let wildcard = false;
    for (;;) {
      if (isWord(t, end) || code(t, end) === 45) {
        if (isDigitAt(t, end)) digit = true;
        end++;
      } else if (t.startsWith(WILDCARD, end)) {
        wildcard = true;
        end += 3;
      } else break;
    }
    if (end === i || code(t, end) === 60) continue;
    const whole = end - i === 3 && wildcard;
    if (!whole && (wildcard || (digit && !isShortName(t, i, end)))) splice.replace(i, end, WILDCARD);
    i = end - 1;
  }
  return splice.finish();
}

const HAS_DIGIT = 1;
const HAS_DOT = 2;
const HAS_SLASH = 4;
const HAS_AT = 8;
const HAS_BACKSLASH = 16;
const HAS_LETTER = 32;
const HAS_EQUALS = 64;
const HAS_LT = 128;
const HAS_DASH = 256;

function features(t: string): number {
  let found = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    const cls = charClass(c);
    if ((cls & DIGIT) !== 0) found |= HAS_DIGIT;
    else if ((cls & LETTER) !== 0) found |= HAS_LETTER;
    else if ((cls & NOTABLE) !== 0) found |= c === DOT ? HAS_DOT : c === SLASH ? HAS_SLASH : c === 64 ? HAS_AT : c === 92 ? HAS_BACKSLASH : HAS_LT;
    else if (c === 61) found |= HAS_EQUALS;
    else if (c === 45) found |= HAS_DASH;
  }
  return found;
}

function hasDigit(t: string): boolean {
  for (let i = 0; i < t.length; i++) if (isDigitAt(t, i)) return true;
  return false;
}

/**
 * `token` with the built-in masks applied (the timestamp excepted). `prevIsSpace`: white space
 * comes before the token in its line (it is not the line's first character).
 */
export function maskToken(token: string, prevIsSpace: boolean): string {
  const found = features(token);
  const mayBeUuid = token.length >= 36 && (found & HAS_DASH) !== 0;
  // A word without a digit: no built-in can match it (URLs, e-mails, paths and host names need
  // one of . / @ \, a UUID has dashes and 36 characters).
  if ((found & (HAS_DIGIT | HAS_DOT | HAS_SLASH | HAS_AT | HAS_BACKSLASH | HAS_LT)) === 0 && !mayBeUuid) return token;
  let t = token;
  if ((found & HAS_SLASH) !== 0 && t.includes('://')) t = applyRegex(t, URL_MASK);
  if ((found & HAS_AT) !== 0) t = applyRegex(t, EMAIL_MASK);
  if (mayBeUuid) t = applyRegex(t, UUID_MASK);
  if ((found & (HAS_DIGIT | HAS_DOT)) === (HAS_DIGIT | HAS_DOT)) t = maskIpv4(t);
  if ((found & (HAS_DOT | HAS_LETTER)) === (HAS_DOT | HAS_LETTER)) t = maskHostname(t);
  if ((found & HAS_BACKSLASH) !== 0 && t.includes(':\\')) t = applyRegex(t, PATH_MASK);
  else if ((found & HAS_SLASH) !== 0) t = maskUnixPath(t);
  if ((found & HAS_DIGIT) !== 0 && (t === token || hasDigit(t))) {
    t = maskHex(t);
    t = maskSize(t, prevIsSpace);
    if ((found & HAS_EQUALS) !== 0) t = maskKeyValue(t);
    t = maskNumber(t);
  }
  return t === token && (found & (HAS_DIGIT | HAS_LT)) === 0 ? t : maskMixedIdentifiers(t);
}
