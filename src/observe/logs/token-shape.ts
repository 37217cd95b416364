/**
 * The shape of a token: what the built-in masks can see of it. Pure.
 *
 * Every built-in mask (masks.ts) decides on character classes (`\d`, `\w`, hex digits), on the
 * exact non-digit characters, on the lengths of digit runs, and on digit values in two places
 * only: an IPv4 octet is a three-digit run up to 255 (shorter runs are always octets), and hex
 * starts with `0x`. Two tokens of the same shape (same characters except digits, same digit
 * runs, the same three-digit runs valid as octets, the same `0` before an `x`) are therefore
 * masked at the same places, and when the masked text keeps no digit it is the same text.
 * `blk_-6952295868487656571` and `blk_-1781953582842324563` have one shape; so do
 * `10.251.42.84:50010` and `10.250.19.102:33145`. This is what lets the scanner mask a value
 * it has not seen by looking up one it has. Nothing here is specific to a dataset.
 */
import { isDigitAt } from './char-class.js';

/** A three-digit run that `25[0-5]|2[0-4]\d|1?\d?\d` accepts. */
function isOctet(text: string, at: number): boolean {
  const a = text.charCodeAt(at);
  const b = text.charCodeAt(at + 1);
  const c = text.charCodeAt(at + 2);
  return a === 49 || (a === 50 && (b < 53 || (b === 53 && c <= 53)));
}

/** What a digit at `at` of a run [from, to) contributes to the shape. */
function digitClass(text: string, at: number, from: number, to: number): number {
  if (text.charCodeAt(at) === 48 && at === to - 1 && (text.charCodeAt(to) | 32) === 120) return 48; // the 0 of 0x
  if (to - from !== 3) return -1;
  return isOctet(text, from) ? -2 : -3;
}

/** FNV-1a over the shape of text[from, to): equal shapes hash equal. */
export function shapeHash(text: string, from: number, to: number): number {
  let hash = 0x811c9dc5;
  let runFrom = -1;
  let runTo = -1;
  for (let i = from; i < to; i++) {
    let unit = text.charCodeAt(i);
    if (unit >= 48 && unit <= 57) {
      if (i >= runTo) {
        runFrom = i;
        runTo = i;
        while (runTo < to && isDigitAt(text, runTo)) runTo++;
      }
      unit = digitClass(text, i, runFrom, runTo);
    }
    hash = Math.imul(hash ^ unit, 0x01000193);
  }
  return hash >>> 0;
}

/** `a` (whole) and text[from, to) have the same shape. */
export function sameShape(a: string, text: string, from: number, to: number): boolean {
  if (a.length !== to - from) return false;
  let runFrom = -1;
  let runTo = -1;
  for (let i = 0; i < a.length; i++) {
    const x = a.charCodeAt(i);
    const y = text.charCodeAt(from + i);
    if (x === y && (x < 48 || x > 57)) continue;
    if (!(x >= 48 && x <= 57 && y >= 48 && y <= 57)) return false;
    if (i >= runTo) {
      runFrom = i;
      runTo = i;
      while (runTo < a.length && isDigitAt(a, runTo)) runTo++;
    }
    // Digit runs line up, since every non-digit matched so far and digits pair with digits.
    if (digitClass(a, i, runFrom, runTo) !== digitClass(text, from + i, from + runFrom, from + runTo)) return false;
  }
  return true;
}
