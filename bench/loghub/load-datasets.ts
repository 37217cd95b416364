/**
 * Reads a Loghub-2k-layout directory: `settings.json` (each dataset's log file and line-header
 * format), the raw logs under `loghub_2k/`, and the ground truths that are present:
 * `loghub_2k/<D>/<D>_2k.log_structured.csv` (original), and the corrected
 * `loghub_2k_corrected_icse22/` (Khan et al., ICSE 2022) and `loghub_2k_corrected_loghub2/`
 * (Jiang et al., ISSTA 2024). The only file-system code of the scorer.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { compileLineFormat, lineContent } from '../../src/observe/logs/index.js';
import { csvRecords } from './read-csv.js';

export const GROUND_TRUTHS = ['original', 'icse22', 'loghub2'] as const;
export type GroundTruthName = (typeof GROUND_TRUTHS)[number];

const SettingsSchema = z.object({
  datasets: z.record(z.string(), z.object({ log_file: z.string(), log_format: z.string() })),
});

export interface Dataset {
  readonly name: string;
  /** The message of each line (the whole line when its header does not fit the format). */
  readonly contents: readonly string[];
  readonly headerMismatches: number;
  /** Ground-truth template per line, by ground truth; absent when that set lacks the dataset. */
  readonly truth: Partial<Record<GroundTruthName, readonly string[]>>;
}

function truthPath(dir: string, name: string, which: GroundTruthName): string {
  if (which === 'original') return join(dir, 'loghub_2k', name, `${name}_2k.log_structured.csv`);
  const folder = which === 'icse22' ? 'loghub_2k_corrected_icse22' : 'loghub_2k_corrected_loghub2';
  return join(dir, folder, name, `${name}_2k.log_structured_corrected.csv`);
}

function readTruth(path: string, lineCount: number): string[] {
  const templates: string[] = new Array<string>(lineCount).fill('');
  for (const row of csvRecords(readFileSync(path, 'utf8'), ['LineId', 'EventTemplate'], path)) {
    const line = Number(row.LineId);
    if (!Number.isInteger(line) || line < 1 || line > lineCount) throw new RangeError(`${path}: LineId ${row.LineId} out of range`);
    templates[line - 1] = row.EventTemplate ?? '';
  }
  return templates;
}

export function loadDatasets(dir: string): Dataset[] {
  const settings = SettingsSchema.parse(JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8')));
  return Object.entries(settings.datasets)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, { log_file, log_format }]) => {
      const format = compileLineFormat(log_format);
      const lines = readFileSync(join(dir, 'loghub_2k', log_file), 'utf8').split(/\r?\n/);
      if (lines[lines.length - 1] === '') lines.pop();
      let headerMismatches = 0;
      const contents = lines.map((line) => {
        const content = lineContent(format, line);
        if (content === undefined) headerMismatches++;
        return content ?? line;
      });
      const truth: Dataset['truth'] = {};
      for (const which of GROUND_TRUTHS) {
        const path = truthPath(dir, name, which);
        if (existsSync(path)) truth[which] = readTruth(path, lines.length);
      }
      return { name, contents, headerMismatches, truth };
    });
}
