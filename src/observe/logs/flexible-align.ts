/**
 * Alignment of a message with a template of a different length. Pure.
 *
 * Drain only compares messages of equal token count, so a value that is sometimes one word and
 * sometimes three (`0 bytes sent` / `1190 bytes (1.16 KB) sent`, a user name with a space)
 * splits one event into several templates. Spell (Du & Li, ICDM 2016) groups by the longest
 * common subsequence instead, which handles this but also joins unrelated messages that share
 * common words. We take the middle road: an edit-distance alignment (Wagner & Fischer 1974)
 * whose insertions and deletions may only touch tokens that look like values (a masked value
 * or a digit), never words. The gap becomes a flexible wildcard that matches any number of
 * tokens, so `session opened for user root` and `session opened for user root by (uid=0)` stay
 * apart while the byte counts above join.
 *
 * Cost: O(template length × message length) time and memory per comparison; the miner only
 * aligns when no template of the message's own length matches, and against a bounded list.
 */
import type { MinerSettings } from './miner-config.js';
import { FLEX, isLiteralVeto, isValueLike, isWildcard, keepsKey, mergeToken, valuesAgree } from './tokens.js';
import type { Similarity } from './positional-match.js';

const enum Step {
  Pair = 0,
  SkipMessage = 1,
  SkipTemplate = 2,
  FlexTakes = 3,
}

export interface Alignment extends Similarity {
  /** The template covering both, flexible wildcards collapsed. */
  readonly merged: readonly string[];
}

const INF = Number.POSITIVE_INFINITY;

type AlignSettings = Pick<MinerSettings, 'literalVetoes'>;

/**
 * An upper bound of the alignment's similarity, in O(template length): a literal word of the
 * template that the message lacks can only be paired with a different word (a mismatch),
 * since only value-like tokens may be skipped. Lets the miner skip most alignments.
 */
export function alignmentBound(template: readonly string[], messageTokens: ReadonlySet<string>): number {
  let literals = 0;
  let missing = 0;
  for (const t of template) {
    if (isWildcard(t) || isValueLike(t)) continue;
    literals++;
    if (!messageTokens.has(t)) missing++;
  }
  return literals === 0 ? 0 : (literals - missing) / literals;
}

/** undefined when no alignment respects the rules above. */
export function alignFlexible(
  template: readonly string[],
  message: readonly string[],
  settings: AlignSettings,
): Alignment | undefined {
  const n = template.length;
  const m = message.length;
  const width = m + 1;
  const cost = new Float64Array((n + 1) * width).fill(INF);
  const step = new Uint8Array((n + 1) * width);
  const templateValue = template.map(isValueLike);
  const messageValue = message.map(isValueLike);
  cost[0] = 0;
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      const here = cost[i * width + j] as number;
      if (here === INF) continue;
      const t = template[i];
      const w = message[j];
      if (t !== undefined && w !== undefined) {
        if (t === FLEX) relax(cost, step, i * width + j + 1, here, Step.FlexTakes);
        const agree = t === w || isWildcard(t) || ((templateValue[i] === true || messageValue[j] === true) && valuesAgree(t, w));
        if (agree || !(settings.literalVetoes && isLiteralVeto(t, w))) {
          relax(cost, step, (i + 1) * width + j + 1, here + (agree ? 0 : 1), Step.Pair);
        }
      }
      if (w !== undefined && messageValue[j] === true) relax(cost, step, i * width + j + 1, here + 1, Step.SkipMessage);
      if (t !== undefined && templateValue[i] === true) {
        relax(cost, step, (i + 1) * width + j, here + (t === FLEX ? 0 : 1), Step.SkipTemplate);
      }
    }
  }
  if (cost[n * width + m] === INF) return undefined;
  return walkBack(template, message, step, width);
}

function relax(cost: Float64Array, step: Uint8Array, k: number, value: number, how: Step): void {
  if (value < (cost[k] as number)) {
    cost[k] = value;
    step[k] = how;
  }
}

function walkBack(template: readonly string[], message: readonly string[], step: Uint8Array, width: number): Alignment {
  const out: string[] = [];
  let literals = 0;
  let same = 0;
  let i = template.length;
  let j = message.length;
  while (i > 0 || j > 0) {
    const how = step[i * width + j] as Step;
    if (how === Step.Pair) {
      const t = template[i - 1] as string;
      const w = message[j - 1] as string;
      const merged = mergeToken(t, w);
      if (!isWildcard(t) && !valuesAgree(t, w)) {
        literals++;
        if (t === w || keepsKey(merged)) same++;
      }
      out.push(merged);
      i--;
      j--;
    } else if (how === Step.SkipMessage || how === Step.FlexTakes) {
      out.push(FLEX);
      j--;
    } else {
      out.push(FLEX);
      i--;
    }
  }
  out.reverse();
  return { score: literals === 0 ? 0 : same / literals, literals: same, merged: collapseFlex(out) };
}

/** A flexible wildcard absorbs the wildcards next to it: `<*> <*…>` matches what `<*…>` does. */
export function collapseFlex(tokens: readonly string[]): string[] {
  const out: string[] = [];
  for (const token of tokens) {
    const last = out[out.length - 1];
    if (last === FLEX && isWildcard(token)) continue;
    if (token === FLEX && last !== undefined && isWildcard(last)) out[out.length - 1] = FLEX;
    else out.push(token);
  }
  return out;
}
