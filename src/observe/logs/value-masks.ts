/**
 * The built-in masks for values, as hand scanners over one token: hex, `key=value` with a digit,
 * numbers, and identifiers that mix letters and digits. Pure. Each is its regular expression in
 * masks.ts matched the way the engine would; see mask-token.ts.
 */
import { codeAt, DIGIT, HEX, isClass, isDigitAt, isSpace, isWordAt, LETTER, runEnd, WORD } from './char-class.js';
import { WILDCARD } from './masks.js';
import { Splice } from './splice.js';

const splice = new Splice();
const DOT = 46;

export function maskHex(t: string): string {
  splice.start(t);
  for (let i = 0; i < t.length; i++) {
    if (!isWordAt(t, i)) continue;
    const wordStop = runEnd(t, i, WORD);
    if (isWordAt(t, i - 1)) {
      i = wordStop - 1;
      continue;
    }
    let end = -1;
    const x = codeAt(t, i + 1);
    if (codeAt(t, i) === 48 && (x === 120 || x === 88) && isClass(t, i + 2, HEX)) {
      const stop = runEnd(t, i + 2, HEX);
      if (!isWordAt(t, stop)) end = stop;
    }
    if (end < 0) {
      const stop = runEnd(t, i, HEX);
      if (stop - i >= 8 && !isWordAt(t, stop) && hasBoth(t, i, stop)) end = stop;
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

/** `[\s,;&=()\[\]{}<>'"]`: where the value of `key=value` stops. */
function endsValue(c: number): boolean {
  return isSpace(c) || c === 44 || c === 59 || c === 38 || c === 61 || c === 40 || c === 41 || c === 91 || c === 93 ||
    c === 123 || c === 125 || c === 60 || c === 62 || c === 39 || c === 34;
}

export function maskKeyValue(t: string): string {
  splice.start(t);
  for (let i = 0; i < t.length; i++) {
    const c = codeAt(t, i);
    if (!(isClass(t, i, LETTER) || c === 95) || isWordAt(t, i - 1)) continue;
    let equals = i + 1;
    while (isWordAt(t, equals) || codeAt(t, equals) === DOT || codeAt(t, equals) === 45) equals++;
    if (codeAt(t, equals) !== 61) {
      i = equals - 1;
      continue;
    }
    let end = equals + 1;
    let digit = false;
    while (end < t.length && !endsValue(codeAt(t, end))) {
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

export function maskNumber(t: string): string {
  splice.start(t);
  for (let i = 0; i < t.length; i++) {
    const c = codeAt(t, i);
    const first = c === 43 || c === 45 ? i + 1 : i;
    if (!isDigitAt(t, first) || isWordAt(t, i - 1)) continue;
    // (?:\.\d+)* is greedy; it gives back groups until no word character follows.
    let end = runEnd(t, first, DIGIT);
    let matched = isWordAt(t, end) ? -1 : end;
    while (codeAt(t, end) === DOT && isDigitAt(t, end + 1)) {
      end = runEnd(t, end + 1, DIGIT);
      if (!isWordAt(t, end)) matched = end;
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

export function maskMixedIdentifiers(t: string): string {
  splice.start(t);
  for (let i = 0; i < t.length; i++) {
    const prev = codeAt(t, i - 1);
    if (isWordAt(t, i - 1) || prev === 62 || prev === 42 || prev === 45) continue;
    let end = i;
    let digit = false;
    let wildcard = false;
    for (;;) {
      if (isWordAt(t, end) || codeAt(t, end) === 45) {
        if (isDigitAt(t, end)) digit = true;
        end++;
      } else if (t.startsWith(WILDCARD, end)) {
        wildcard = true;
        end += 3;
      } else break;
    }
    if (end === i || codeAt(t, end) === 60) continue;
    const whole = end - i === 3 && wildcard;
    if (!whole && (wildcard || (digit && !isShortName(t, i, end)))) splice.replace(i, end, WILDCARD);
    i = end - 1;
  }
  return splice.finish();
}
