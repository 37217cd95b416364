/**
 * NAB v1.1 scoring of one detector over a corpus, for every cost profile: optimise the
 * threshold over the whole corpus, score at it, and normalise against the null detector
 * optimised the same way (Lavin & Ahmad 2015; NAB's `run.py --optimize --score --normalize`).
 * Pure: scores in, figures out.
 */
import { normaliseScore, perfectScore } from './normalise.js';
import { optimiseThreshold } from './optimise-threshold.js';
import { scoreCorpus } from './scored-corpus.js';
import type { NabCorpus } from './types.js';

export interface ProfileScore {
  profile: string;
  threshold: number;
  raw: number;
  nullScore: number;
  perfect: number;
  normalised: number;
}

/** NAB's null detector: the same score everywhere, so one threshold detects all rows or none. */
export const NULL_SCORE = 0.5;

export function scoreDetector(corpus: NabCorpus, scoresByFile: readonly (readonly number[])[]): ProfileScore[] {
  const scored = scoreCorpus(corpus.files, scoresByFile);
  const nullScored = scoreCorpus(
    corpus.files,
    corpus.files.map((file) => new Array<number>(file.values.length).fill(NULL_SCORE)),
  );
  return Object.entries(corpus.profiles).map(([profile, costs]) => {
    const { threshold, score: raw } = optimiseThreshold(scored, costs);
    const nullScore = optimiseThreshold(nullScored, costs).score;
    const perfect = perfectScore(corpus.windowCount, costs.tpWeight);
    return { profile, threshold, raw, nullScore, perfect, normalised: normaliseScore(raw, { nullScore, perfect }) };
  });
}
