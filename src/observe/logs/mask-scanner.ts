/**
 * The built-in masks of a whole line in one pass: split on white space, mask each token
 * (mask-token.ts), and join the result with single spaces, which is both the miner's cache key
 * and, split on spaces, its tokens. Pure apart from its memos.
 *
 * Cost, cheapest first. A line of a shape seen before (token-shape.ts: the same text but for
 * the digits of its values) is found in a memo of masked lines (line-shape-memo.ts) without
 * being split. Otherwise each token is looked at once: a token with no digit and none of
 * `. / @ \ < -` is left as it is and copied with its neighbours as one slice; any other token
 * is looked up by its shape in a memo of masked tokens, and masked by the passes of
 * mask-token.ts only when its shape is new. A memo only stands for text that kept no digit,
 * since that text is the same for every line or token of the shape.
 *
 * Two masks reach across white space and are handled here. A timestamp (`Fri Jun 17 07:07:00
 * 2005`, `2015-10-18 18:01:51`) is rare enough to run the built-in regular expressions on the
 * line, and only on a line where a `d:dd:dd` occurs: the timestamp's and the three that run
 * before it (URL, e-mail, UUID; they may hold a time, and they are unchanged by a second run on
 * their own output). A size with a space before its unit (`5.2 KB`, `<1 sec`) is common: a
 * token ending in a digit followed by one space and a token that may be a unit is masked as one
 * token, space included, exactly as the line-wide expression sees it.
 *
 * The line is cut at `maxTokens` tokens as tokens.ts would cut it (head kept, the tail one
 * flexible parameter), so a megabyte line costs its first tokens only.
 */
import { charClass, DIGIT, isDigitAt, isSpace } from './char-class.js';
import { maskToken } from './mask-token.js';
import { LineShapeMemo } from './line-shape-memo.js';
import { MaskedLine } from './masked-line.js';
import { BUILTIN_MASKS, maskContent } from './masks.js';
import { sameShape, shapeHash } from './token-shape.js';

/** The built-ins up to the timestamp, in their order. */
const UP_TO_TIMESTAMP = BUILTIN_MASKS.slice(0, BUILTIN_MASKS.findIndex((m) => m.name === 'timestamp') + 1);

/** A `\d:\d\d:\d\d` somewhere: the only lines the timestamp expression can change. */
function mayHoldTime(line: string): boolean {
  for (let at = line.indexOf(':'); at >= 0; at = line.indexOf(':', at + 1)) {
    if (isDigitAt(line, at - 1) && isDigitAt(line, at + 1) && isDigitAt(line, at + 2) && line.charCodeAt(at + 3) === 58) {
      if (isDigitAt(line, at + 4) && isDigitAt(line, at + 5)) return true;
    }
  }
  return false;
}

/** First letters of the units a size may put after a space: B, KB…PB, KiB…, s, sec, ms. */
function mayStartUnit(code: number): boolean {
  return code === 66 || code === 75 || code === 77 || code === 71 || code === 84 || code === 80 || code === 115 || code === 109;
}

/** `.`, `/`, `@`, `\`, `<`, `-`: with a digit, the characters a built-in may act on. */
function isNotable(code: number): boolean {
  return code === 46 || code === 47 || code === 64 || code === 92 || code === 60 || code === 45;
}

interface MemoEntry {
  /** The first token seen of this shape. */
  readonly token: string;
  readonly prevIsSpace: boolean;
  /** The masked token; undefined when it keeps digits and so differs between tokens of the shape. */
  readonly masked: string | undefined;
  /** The masks left the token as it was (then any token of the shape is left as it is). */
  readonly unchanged: boolean;
}

const MEMO_LIMIT = 8192;
/** Tokens beyond this many characters are masked without the memo: a long token rarely repeats. */
const MEMO_MAX_TOKEN = 64;

const LINE_MEMO_LIMIT = 4096;
/** Longer lines are scanned every time: they rarely repeat their shape and would hold memory. */
const LINE_MEMO_MAX_LENGTH = 1024;

export class MaskScanner {
  readonly #lines = new LineShapeMemo(LINE_MEMO_LIMIT);
  readonly #memo = new Map<number, MemoEntry>();
  readonly #line = new MaskedLine();

  /**
   * The line masked by the built-ins, as its tokens joined by one space ('' for a blank line),
   * with at most `maxTokens` tokens.
   */
  maskLine(line: string, maxTokens: number): string {
    if (line.length > LINE_MEMO_MAX_LENGTH) return this.#scan(line, maxTokens);
    const known = this.#lines.get(line, maxTokens);
    if (known !== undefined) return known;
    const masked = this.#scan(line, maxTokens);
    if (!hasDigit(masked)) this.#lines.set(line, maxTokens, masked);
    return masked;
  }

  #scan(line: string, maxTokens: number): string {
    const text = mayHoldTime(line) ? maskContent(line, UP_TO_TIMESTAMP) : line;
    const out = this.#line;
    out.start(text, maxTokens);
    let i = 0;
    while (i < text.length && out.open) {
      if (isSpace(text.charCodeAt(i))) {
        i++;
        continue;
      }
      const from = i;
      let plain = true;
      for (; i < text.length; i++) {
        const code = text.charCodeAt(i);
        if (isSpace(code)) break;
        if (plain && ((charClass(code) & DIGIT) !== 0 || isNotable(code))) plain = false;
      }
      // `5.2 KB`, `<1 sec`: one value across one space. The unit may itself end in a digit
      // and take the next unit (`5 s1 KB`), so the tokens are joined as long as that holds.
      const firstEnd = i;
      while (!plain && isDigitAt(text, i - 1) && text.charCodeAt(i) === 32 && mayStartUnit(text.charCodeAt(i + 1))) {
        for (i += 1; i < text.length && !isSpace(text.charCodeAt(i)); i++);
      }
      const masked = plain ? undefined : this.#mask(text, from, i);
      if (masked === undefined && firstEnd !== i) out.put(text.slice(from, i));
      else if (masked === undefined) out.keep(from, i);
      else out.put(masked);
    }
    return out.finish();
  }

  /** text[from, to) masked, or undefined when the masks leave it as it is. */
  #mask(text: string, from: number, to: number): string | undefined {
    const prevIsSpace = from > 0;
    if (to - from > MEMO_MAX_TOKEN) return unlessSame(text, from, to, maskToken(text.slice(from, to), prevIsSpace));
    const hash = shapeHash(text, from, to) ^ (prevIsSpace ? 1 : 0);
    const entry = this.#memo.get(hash);
    if (entry && entry.prevIsSpace === prevIsSpace && sameShape(entry.token, text, from, to)) {
      if (entry.unchanged) return undefined;
      if (entry.masked !== undefined) return entry.masked;
      return unlessSame(text, from, to, maskToken(text.slice(from, to), prevIsSpace));
    }
    const token = text.slice(from, to);
    const masked = maskToken(token, prevIsSpace);
    if (this.#memo.size >= MEMO_LIMIT) this.#memo.clear();
    const unchanged = masked === token;
    this.#memo.set(hash, { token, prevIsSpace, unchanged, masked: unchanged || hasDigit(masked) ? undefined : masked });
    return unchanged ? undefined : masked;
  }
}

function unlessSame(text: string, from: number, to: number, masked: string): string | undefined {
  return masked.length === to - from && text.startsWith(masked, from) ? undefined : masked;
}

function hasDigit(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (isDigitAt(text, i)) return true;
  return false;
}
