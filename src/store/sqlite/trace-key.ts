/**
 * The integer spans are found by trace with: the trace id's first 12 characters read as hex, a
 * 48-bit number (random in W3C trace ids, so a trace shares it with almost no other). The spans
 * table indexes this instead of a unique (trace_id, span_id): an index entry of one small
 * integer instead of 48 characters made storing a span ~1.2× cheaper (docs/benchmarks.md).
 * Lookups match the key, then the full id. Characters other than 0-9 and a-f (stored ids are
 * lowercase hex; tests use any text) and missing ones count as 0, exactly as the 'span trace
 * keys' migration computes it in SQL for rows stored before the column existed.
 */

const KEY_CHARS = 12;

/** Digit value by character code; anything not 0-9 or a-f is 0. */
const DIGITS = new Uint8Array(128);
for (let digit = 0; digit < 16; digit++) DIGITS['0123456789abcdef'.charCodeAt(digit)] = digit;

export function traceKeyOf(traceId: string): number {
  let key = 0;
  for (let i = 0; i < KEY_CHARS; i++) {
    const code = i < traceId.length ? traceId.charCodeAt(i) : 0;
    key = key * 16 + (code < 128 ? (DIGITS[code] as number) : 0);
  }
  return key;
}
