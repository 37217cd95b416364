/**
 * The built-in masks of one whitespace-delimited token, as hand scanners. Pure.
 *
 * Each pass (address-masks.ts, size-mask.ts, value-masks.ts) is the built-in regular
 * expression of the same name in masks.ts, matched the way the regular-expression engine would
 * (leftmost match, the same greedy choices and backtracking, the same look-arounds), and they
 * run here in the chain's order, so a token masks the same either way; masks.test.ts and
 * mask-scanner.test.ts check both. They are written by hand because the chain of a dozen
 * `String.replace` calls was most of the miner's time: here a word with no digit and none of
 * `. / @ \ <` is returned as it is after one look at each character, and a value pays only for
 * the passes its characters can trigger.
 *
 * Token-local is exact because none of these expressions can match across white space except
 * the timestamp (handled on the whole line by mask-scanner.ts) and a size written with a space
 * (`5.2 KB`, `<1 sec`), which mask-scanner.ts hands over as one token with its space. The rare
 * classes (URL, e-mail, UUID, Windows path) run their regular expression on the token.
 */
import { maskHostname, maskIpv4, maskUnixPath } from './address-masks.js';
import { charClass, DIGIT, isDigitAt, LETTER, NOTABLE } from './char-class.js';
import { BUILTIN_MASKS, type LogMask } from './masks.js';
import { maskSize } from './size-mask.js';
import { maskHex, maskKeyValue, maskMixedIdentifiers, maskNumber } from './value-masks.js';

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

const SLASH = 47;
const DOT = 46;

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
