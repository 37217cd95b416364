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
function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function digitsEnd(text: string, from: number, to: number): number {
  let i = from;
  while (i < to && isDigit(text.charCodeAt(i))) i++;
  return i;
}

/** A three-digit run that `25[0-5]|2[0-4]\d|1?\d?\d` accepts. */
function isOctet(text: string, at: number): boolean {
  const a = text.charCodeAt(at);
  const b = text.charCodeAt(at + 1);
  const c = text.charCodeAt(at + 2);
  return a === 49 || (a === 50 && (b < 53 || (b === 53 && c <= 53)));
}

/** What the masks can see of the digit run [from, end): its length, an octet, the 0 of `0x`. */
export function runShape(text: string, from: number, end: number): number {
  const length = end - from;
  const octet = length === 3 && isOctet(text, from) ? 1 : 0;
  const hexPrefix = text.charCodeAt(end - 1) === 48 && (text.charCodeAt(end) | 32) === 120 ? 2 : 0;
  return 0x10000 | (length << 2) | octet | hexPrefix;
}

/** FNV-1a over the shape of text[from, to): equal shapes hash equal. */
export function shapeHash(text: string, from: number, to: number): number {
  let hash = 0x811c9dc5;
  let i = from;
  while (i < to) {
    const unit = text.charCodeAt(i);
    if (isDigit(unit)) {
      const end = digitsEnd(text, i + 1, to);
      hash = Math.imul(hash ^ runShape(text, i, end), 0x01000193);
      i = end;
    } else {
      hash = Math.imul(hash ^ unit, 0x01000193);
      i++;
    }
  }
  return hash >>> 0;
}

/** `a` (whole) and text[from, to) have the same shape. */
export function sameShape(a: string, text: string, from: number, to: number): boolean {
  const length = a.length;
  if (length !== to - from) return false;
  let i = 0;
  while (i < length) {
    const x = a.charCodeAt(i);
    if (isDigit(x)) {
      const end = digitsEnd(a, i + 1, length);
      // The other run must cover the same characters, no more and no fewer.
      if (digitsEnd(text, from + i, from + end) !== from + end || (end < length && isDigit(text.charCodeAt(from + end)))) return false;
      if (runShape(a, i, end) !== runShape(text, from + i, from + end)) return false;
      i = end;
    } else {
      if (x !== text.charCodeAt(from + i)) return false;
      i++;
    }
  }
  return true;
}
