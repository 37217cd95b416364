/**
 * Token-by-token comparison of a message with a template of the same length, and the template
 * that covers both. Pure.
 *
 * This is Drain's sequence similarity (He et al., ICWS 2017, §III-C step 4) with two changes:
 * wildcard positions are left out of the share (so a template with a long run of parameters
 * still matches on its few literal words), and an upper-case word that differs is a veto
 * instead of one mismatch among many.
 */
import type { MinerSettings } from './miner-config.js';
import { isLiteralVeto, isWildcard, keepsKey, mergeToken, valuesAgree, WILDCARD } from './tokens.js';

export interface Similarity {
  /** Share of the template's literal tokens that the message repeats, 0..1. */
  readonly score: number;
  /** Literal tokens repeated; breaks ties in favour of the more specific template. */
  readonly literals: number;
}

type CompareSettings = Pick<MinerSettings, 'countWildcards' | 'literalVetoes'>;

/** undefined when the message cannot belong to the template at all. */
export function comparePositional(
  template: readonly string[],
  message: readonly string[],
  settings: CompareSettings,
): Similarity | undefined {
  if (template.length !== message.length) return undefined;
  let literals = 0;
  let same = 0;
  for (let i = 0; i < template.length; i++) {
    const t = template[i] as string;
    const m = message[i] as string;
    // Value-like tokens agree with any other value and count for nothing: only words decide.
    if (isWildcard(t) || (!settings.countWildcards && valuesAgree(t, m))) continue;
    literals++;
    if (t === m) {
      same++;
      continue;
    }
    if (settings.literalVetoes && isLiteralVeto(t, m)) return undefined;
    if (settings.countWildcards) continue;
    if (keepsKey(mergeToken(t, m))) same++;
  }
  const denominator = settings.countWildcards ? template.length : literals;
  // A template of parameters only matches a message of parameters only.
  if (denominator === 0 || literals === 0) {
    return message.every((m) => m === WILDCARD) ? { score: 1, literals: 0 } : undefined;
  }
  return { score: same / denominator, literals: same };
}

/** The template covering both; the same array when nothing changes. */
export function generalisePositional(template: readonly string[], message: readonly string[]): readonly string[] {
  let changed = false;
  const merged = template.map((t, i) => {
    const next = mergeToken(t, message[i] as string);
    if (next !== t) changed = true;
    return next;
  });
  return changed ? merged : template;
}
