/**
 * Makes any log body safe to store, index and mine: cut to a bounded length and free of
 * unpaired UTF-16 surrogates (which SQLite would store as invalid UTF-8). Binary garbage is
 * otherwise kept as text: it is still what the service wrote.
 */

/** Longest body stored, in UTF-16 code units; longer ones are cut and the cut is counted. */
export const MAX_STORED_BODY_CHARS = 65_536;

/** Set on a cut log's attributes: how long the body was before the cut. */
export const ORIGINAL_LENGTH_ATTRIBUTE = 'opsloop.body.original_length';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** What decoders put where the bytes were not valid UTF-8. */
const REPLACEMENT = '\uFFFD';

export interface CleanBody {
  body: string;
  /** The body was longer than MAX_STORED_BODY_CHARS and was cut. */
  truncated: boolean;
  /** The body held invalid text: unpaired surrogates (now U+FFFD) or U+FFFD from a decoder. */
  invalidText: boolean;
}

export function cleanLogBody(raw: string): CleanBody {
  const truncated = raw.length > MAX_STORED_BODY_CHARS;
  const cut = truncated ? raw.slice(0, MAX_STORED_BODY_CHARS) : raw;
  const body = cut.replace(LONE_SURROGATE, REPLACEMENT);
  return { body, truncated, invalidText: body !== cut || body.includes(REPLACEMENT) };
}
