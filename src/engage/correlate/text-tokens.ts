/**
 * Words of an alert's name and summary for text similarity. Numbers, hex and UUID-like ids,
 * durations and percentages are masked (dropped): "p95 latency 1681 ms" and "p95 latency 92 ms"
 * are the same complaint, and an id never makes two alerts alike. Pure.
 */

const SPLIT = /[^\p{L}\p{N}_]+/u;
/** Tokens that carry a number are values, not words: 42, 1.5e+8, 0x1f, 3f2a9c1d, 12ms, 95%. */
const HAS_DIGIT = /\d/;
/** Kept although they hold a digit: the names of percentiles and HTTP status classes mean something. */
const MEANINGFUL = /^(p\d{2,3}|[1-5]xx)$/;
const STOP = new Set(['the', 'a', 'an', 'of', 'on', 'in', 'to', 'for', 'and', 'or', 'is', 'its', 'vs', 'by', 'at', 'than', 'from', 'with']);

export function alertTokens(name: string, summary: string): string[] {
  const tokens: string[] = [];
  for (const raw of `${name} ${summary}`.toLowerCase().split(SPLIT)) {
    if (raw.length < 2 || STOP.has(raw)) continue;
    if (HAS_DIGIT.test(raw) && !MEANINGFUL.test(raw)) continue;
    tokens.push(raw);
  }
  return tokens;
}

/** Term frequencies of a token list. */
export function termCounts(tokens: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
  return counts;
}
