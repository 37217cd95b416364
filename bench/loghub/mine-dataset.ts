/**
 * Runs a miner configuration over one dataset: the template of each line is its template's
 * final text once the whole dataset has been read (the Loghub convention: a line belongs to a
 * group, and the group's template is what the parser ends with).
 */
import { TemplateMiner, type MinerSettings } from '../../src/observe/logs/index.js';

export interface MinedDataset {
  readonly templates: string[];
  readonly ids: string[];
}

export function mineDataset(contents: readonly string[], settings: Partial<MinerSettings>): MinedDataset {
  const miner = new TemplateMiner({ settings });
  const ids = contents.map((content) => miner.add(content)?.templateId ?? '');
  const final = new Map(miner.templates().map((t) => [t.id, t.template]));
  return { ids, templates: ids.map((id) => final.get(id) ?? '') };
}

/** Lines per second of the mining loop alone (masking + mining), fresh miner per pass. */
export function miningRate(contents: readonly string[], settings: Partial<MinerSettings>, minMs = 300): number {
  for (const content of contents) new TemplateMiner({ settings }).add(content); // warm-up
  let lines = 0;
  const started = performance.now();
  let elapsed = 0;
  do {
    const miner = new TemplateMiner({ settings });
    for (const content of contents) miner.add(content);
    lines += contents.length;
    elapsed = performance.now() - started;
  } while (elapsed < minMs);
  return (lines / elapsed) * 1000;
}
