/**
 * Tokens of a masked log message and what the miner may assume about each one. Pure.
 *
 * A template is an array of tokens: literal words, the wildcard `<*>` (exactly one message
 * token) and the flexible wildcard (any number of message tokens, including none), which is
 * how one template covers a message whose value sometimes spans several words.
 */
import { WILDCARD } from './masks.js';

export { WILDCARD };
/** Internal only: rendered as `<*>` like any other parameter. */
export const FLEX = '<*…>';

export function tokenize(masked: string, maxTokens: number): string[] {
  const tokens = masked.split(/\s+/).filter((t) => t.length > 0);
  if (tokens.length <= maxTokens) return tokens;
  // A runaway line keeps its head; the tail becomes one value so the shape stays bounded.
  return [...tokens.slice(0, maxTokens - 1), FLEX];
}

export function isWildcard(token: string): boolean {
  return token === WILDCARD || token === FLEX;
}

/** Holds a masked value or a digit: likely a parameter even before we have seen it vary. */
export function looksVariable(token: string): boolean {
  return token.includes(WILDCARD) || token === FLEX || /\d/.test(token);
}

/**
 * A value and nothing else: a masked part or digits with punctuation around them (`<*>:<*>`,
 * `(<*>)`, `42`), but no letters (`ready=true,policy=<*>` holds a value but is not one).
 */
export function isValueLike(token: string): boolean {
  if (token === FLEX || token === WILDCARD) return true;
  const rest = token.replaceAll(WILDCARD, '');
  return rest.length < token.length || /\d/.test(rest) ? !/[A-Za-z]/.test(rest) : false;
}

/**
 * Two tokens that are both values, or a value and a token of the same punctuation skeleton
 * holding no word (`(<*>)` and `()`): they agree whatever their text.
 */
export function valuesAgree(a: string, b: string): boolean {
  const va = isValueLike(a);
  const vb = isValueLike(b);
  if (va && vb) return true;
  if (!va && !vb) return false;
  const merged = mergeToken(a, b);
  return merged !== WILDCARD && !/[A-Za-z]/.test(merged);
}

const ENUM_WORD = /^[A-Z][A-Z0-9_]*[A-Z0-9]$/;
const EDGE_PUNCTUATION = /^[^\w]+|[^\w]+$/g;

/**
 * An upper-case word such as RUNNING, HTTPS or FOLLOWING: in logs these are states, protocols
 * and modes, i.e. part of what the event is. Two messages that differ in one are different
 * events (Drain merges them; that is its most common over-merge on Hadoop and Zookeeper).
 */
export function isEnumWord(token: string): boolean {
  const word = token.replace(EDGE_PUNCTUATION, '');
  return word.length >= 2 && ENUM_WORD.test(word) && /[A-Z].*[A-Z]/.test(word);
}

const DELIMITERS = /([:=()[\],'"/;{}])/;

/**
 * The most specific token covering both `a` and `b`. Tokens with the same punctuation skeleton
 * keep it and generalise part by part (`uid=0)` and `uid=42)` give `uid=<*>)`); otherwise the
 * whole token is a parameter.
 */
export function mergeToken(a: string, b: string): string {
  if (a === b) return a;
  if (isWildcard(a) || isWildcard(b)) return a === FLEX || b === FLEX ? FLEX : WILDCARD;
  const pa = a.split(DELIMITERS);
  const pb = b.split(DELIMITERS);
  if (pa.length !== pb.length || pa.length === 1) return WILDCARD;
  const parts = pa.map((part, i) => {
    const other = pb[i] as string;
    if (i % 2 === 1 || part === other) return part === other ? part : undefined;
    // A value may be empty (`rhost=` and `rhost=<*>`), a word may not vanish.
    if (part === '' || other === '') return isWildcard(part) || isWildcard(other) ? WILDCARD : undefined;
    return WILDCARD;
  });
  if (parts.some((p) => p === undefined)) return WILDCARD;
  return parts.join('');
}

const WORD = /^[A-Za-z]+$/;

/**
 * `isOverlap:true` against `isOverlap:false`, `user=root` against `user=guest`: the same key
 * with a different word for its value. Like upper-case words, such values name a mode or a
 * role, so the two messages are different events.
 */
export function isWordValueChange(a: string, b: string): boolean {
  const pa = a.split(DELIMITERS);
  const pb = b.split(DELIMITERS);
  if (pa.length !== pb.length || pa.length < 3) return false;
  let changed = false;
  for (let i = 0; i < pa.length; i++) {
    if (pa[i] === pb[i]) continue;
    if (i % 2 === 1 || !WORD.test(pa[i] as string) || !WORD.test(pb[i] as string)) return false;
    changed = true;
  }
  return changed;
}

/** Differences that make two messages different events whatever else they share. */
export function isLiteralVeto(a: string, b: string): boolean {
  return isEnumWord(a) || isEnumWord(b) || isWordValueChange(a, b);
}

/** A merged token that kept a worded part (`rhost=<*>`): the two tokens agree on their key. */
export function keepsKey(merged: string): boolean {
  return merged !== WILDCARD && merged !== FLEX && /[A-Za-z]/.test(merged.replaceAll(WILDCARD, ''));
}

export function renderTokens(tokens: readonly string[]): string {
  return tokens.map((t) => (t === FLEX ? WILDCARD : t)).join(' ');
}
