/**
 * Where the miner looks for a message's template: Drain's fixed-depth prefix tree (He et al.,
 * ICWS 2017, §III-C steps 2–3: token count, then the leading token) plus a list of flexible
 * templates, which have no fixed length. Pure, mutable, no I/O.
 *
 * A leading token that looks like a value (digits, a masked part) routes to the `<*>` branch,
 * as in Drain. Drain stops there; when the routed branches hold no match the miner may also
 * walk the other branches of the same length (`siblings`), which is what lets a parameter in
 * the first position (a user or host name without digits) join its template instead of
 * starting a new one per value.
 */
import { FLEX, isWildcard, looksVariable, WILDCARD } from './tokens.js';

export interface IndexedTemplate {
  readonly id: string;
  tokens: readonly string[];
}

function routeKey(tokens: readonly string[]): string {
  const first = tokens[0] ?? WILDCARD;
  return isWildcard(first) || looksVariable(first) ? WILDCARD : first;
}

export function isFlexible(tokens: readonly string[]): boolean {
  return tokens.includes(FLEX);
}

export class TemplateIndex<T extends IndexedTemplate> {
  readonly #byLength = new Map<number, Map<string, T[]>>();
  readonly #flexible: T[] = [];

  add(template: T): void {
    if (isFlexible(template.tokens)) {
      this.#flexible.push(template);
      return;
    }
    let branches = this.#byLength.get(template.tokens.length);
    if (!branches) this.#byLength.set(template.tokens.length, (branches = new Map()));
    const key = routeKey(template.tokens);
    const list = branches.get(key);
    if (list) list.push(template);
    else branches.set(key, [template]);
  }

  /** Must be called with the tokens the template was indexed under. */
  remove(template: T, indexedTokens: readonly string[]): void {
    if (isFlexible(indexedTokens)) {
      removeFrom(this.#flexible, template);
      return;
    }
    const branches = this.#byLength.get(indexedTokens.length);
    const key = routeKey(indexedTokens);
    const list = branches?.get(key);
    if (!branches || !list) return;
    removeFrom(list, template);
    if (list.length === 0) branches.delete(key);
    if (branches.size === 0) this.#byLength.delete(indexedTokens.length);
  }

  /** Templates of the message's length on its branch and on the `<*>` branch. */
  routed(tokens: readonly string[]): T[] {
    const branches = this.#byLength.get(tokens.length);
    if (!branches) return [];
    const key = routeKey(tokens);
    const own = branches.get(key) ?? [];
    return key === WILDCARD ? own : [...own, ...(branches.get(WILDCARD) ?? [])];
  }

  /** Templates of the message's length on the other branches. */
  siblings(tokens: readonly string[]): T[] {
    const branches = this.#byLength.get(tokens.length);
    if (!branches) return [];
    const key = routeKey(tokens);
    const out: T[] = [];
    for (const [other, list] of branches) if (other !== key && other !== WILDCARD) out.push(...list);
    return out;
  }

  flexible(): readonly T[] {
    return this.#flexible;
  }

  /** Fixed-length templates whose length is within `delta` of `length`, but not equal. */
  nearLengths(length: number, delta: number): T[] {
    const out: T[] = [];
    for (let d = 1; d <= delta; d++) {
      for (const l of [length - d, length + d]) {
        for (const list of this.#byLength.get(l)?.values() ?? []) out.push(...list);
      }
    }
    return out;
  }
}

function removeFrom<T>(list: T[], item: T): void {
  const at = list.indexOf(item);
  if (at >= 0) list.splice(at, 1);
}
