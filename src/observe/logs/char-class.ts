/**
 * Character classes of the mask scanner, as one table lookup per UTF-16 code unit instead of a
 * regular expression. Pure. The classes are those of the built-in masks' regular expressions
 * (masks.ts): `\w`, `\d`, hex digits, and `\s` (ECMAScript white space and line terminators).
 */

export const DIGIT = 1;
export const WORD = 2; // \w: [A-Za-z0-9_]
export const HEX = 4; // [0-9A-Fa-f]
export const LETTER = 8; // [A-Za-z]
export const LOWER = 16; // [a-z]
/** [A-Za-z0-9-]: a host-name label. */
export const LABEL = 32;
/** Characters that make a token worth a closer look even without a digit (see mask-token.ts). */
export const NOTABLE = 64;

const TABLE = new Uint8Array(128);
for (let c = 48; c <= 57; c++) TABLE[c] = DIGIT | WORD | HEX | LABEL;
for (let c = 65; c <= 90; c++) TABLE[c] = WORD | LETTER | LABEL | (c <= 70 ? HEX : 0);
for (let c = 97; c <= 122; c++) TABLE[c] = WORD | LETTER | LOWER | LABEL | (c <= 102 ? HEX : 0);
TABLE[95] = WORD; // _
TABLE[45] = LABEL; // -
for (const c of './@\\<') TABLE[c.charCodeAt(0)] = (TABLE[c.charCodeAt(0)] as number) | NOTABLE;

export function charClass(code: number): number {
  return code < 128 ? (TABLE[code] as number) : 0;
}

export function isClass(text: string, at: number, mask: number): boolean {
  return at >= 0 && at < text.length && (charClass(text.charCodeAt(at)) & mask) !== 0;
}

export function codeAt(text: string, at: number): number {
  return text.charCodeAt(at);
}

export function isWordAt(text: string, at: number): boolean {
  return isClass(text, at, WORD);
}

export function isDigitAt(text: string, at: number): boolean {
  const c = text.charCodeAt(at); // NaN out of range: false
  return c >= 48 && c <= 57;
}

/** Matches `\s` of ECMAScript regular expressions. */
export function isSpace(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 160) return false;
  return (
    code === 160 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** End of the run of characters of class `mask` starting at `from`. */
export function runEnd(text: string, from: number, mask: number): number {
  let i = from;
  while (i < text.length && (charClass(text.charCodeAt(i)) & mask) !== 0) i++;
  return i;
}
