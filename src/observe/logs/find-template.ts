/**
 * The search for a message's template, cheapest first. Pure (reads the index only).
 *
 * 1. Routed branch of the prefix tree, same length, positional similarity (Drain).
 * 2. Other branches of the same length: a parameter in the first position.
 * 3. Flexible templates, then fixed templates of nearby lengths, by alignment: a value that
 *    spans a varying number of tokens.
 *
 * Each step only runs when the previous found nothing at the threshold, so a stream of known
 * events costs step 1 only; the later steps are paid by messages that are new, which is where
 * over- and under-merging are decided. The best candidate wins by similarity, then by the
 * number of literal tokens it keeps (the more specific template).
 */
import { alignFlexible, alignmentBound } from './flexible-align.js';
import type { MinerSettings } from './miner-config.js';
import { comparePositional, generalisePositional, type Similarity } from './positional-match.js';
import type { IndexedTemplate, TemplateIndex } from './template-index.js';

export interface Found<T> {
  readonly template: T;
  /** The template after taking the message in (the same array when unchanged). */
  readonly merged: readonly string[];
}

function better(a: Similarity, b: Similarity | undefined): boolean {
  return !b || a.score > b.score || (a.score === b.score && a.literals > b.literals);
}

function bestPositional<T extends IndexedTemplate>(
  candidates: readonly T[],
  tokens: readonly string[],
  settings: MinerSettings,
): Found<T> | undefined {
  let best: T | undefined;
  let bestSim: Similarity | undefined;
  for (const candidate of candidates) {
    const sim = comparePositional(candidate.tokens, tokens, settings);
    if (sim && sim.score >= settings.similarityThreshold && better(sim, bestSim)) {
      best = candidate;
      bestSim = sim;
    }
  }
  return best ? { template: best, merged: generalisePositional(best.tokens, tokens) } : undefined;
}

const MAX_ALIGNED_TOKENS = 96;

function bestAligned<T extends IndexedTemplate>(
  candidates: readonly T[],
  tokens: readonly string[],
  settings: MinerSettings,
): Found<T> | undefined {
  let best: Found<T> | undefined;
  let bestSim: Similarity | undefined;
  const present = new Set(tokens);
  for (const candidate of candidates) {
    // Alignment is quadratic; very long messages stay with the positional steps.
    if (candidate.tokens.length > MAX_ALIGNED_TOKENS) continue;
    if (alignmentBound(candidate.tokens, present) < settings.similarityThreshold) continue;
    const aligned = alignFlexible(candidate.tokens, tokens, settings);
    if (aligned && aligned.literals > 0 && aligned.score >= settings.similarityThreshold && better(aligned, bestSim)) {
      best = { template: candidate, merged: aligned.merged };
      bestSim = aligned;
    }
  }
  return best;
}

export function findTemplate<T extends IndexedTemplate>(
  index: TemplateIndex<T>,
  tokens: readonly string[],
  settings: MinerSettings,
): Found<T> | undefined {
  const routed = bestPositional(index.routed(tokens), tokens, settings);
  if (routed) return routed;
  if (settings.searchWholeLength) {
    const sibling = bestPositional(index.siblings(tokens), tokens, settings);
    if (sibling) return sibling;
  }
  if (!settings.variableLength || tokens.length > MAX_ALIGNED_TOKENS) return undefined;
  return (
    bestAligned(index.flexible(), tokens, settings) ??
    bestAligned(index.nearLengths(tokens.length, settings.maxLengthDelta), tokens, settings)
  );
}
