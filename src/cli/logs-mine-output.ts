/**
 * The result of `opsloop logs mine`: one row per template, most frequent first, as CSV or
 * JSON Lines here and as a table in logs-mine-table.ts.
 */
import type { TemplateMiner } from '../observe/logs/index.js';
import { csvField } from './csv-line.js';
import type { TemplateSamples } from './logs-template-samples.js';

export type MineOutputFormat = 'table' | 'csv' | 'json';
export const MINE_OUTPUT_FORMATS: readonly MineOutputFormat[] = ['table', 'csv', 'json'];

export interface TemplateRow {
  id: string;
  count: number;
  /** count / non-blank lines mined, in [0, 1]. */
  share: number;
  template: string;
  firstLine: number;
  lastLine: number;
  /** The first message of the template (cut to EXAMPLE_CHARS). */
  example: string;
  /** The example's values in the template's `<*>` slots; null when the cut example no longer fits. */
  parameters: string[] | null;
}

export const MINE_CSV_HEADER = 'id,count,share,first_line,last_line,template,example';

/** The `limit` most frequent templates (all when undefined). */
export function templateRows(miner: TemplateMiner, samples: TemplateSamples, limit: number | undefined): TemplateRow[] {
  const mined = miner.stats.lines - miner.stats.empty;
  return miner
    .templates()
    .slice(0, limit)
    .map((t) => {
      const sample = samples.get(t.id);
      // TemplateSamples keeps every template the miner holds; a miss is a bug, not bad input.
      if (!sample) throw new Error(`no sample kept for template ${t.id}`);
      return {
        id: t.id,
        count: t.count,
        share: mined > 0 ? Number((t.count / mined).toPrecision(6)) : 0,
        template: t.template,
        firstLine: sample.firstLine,
        lastLine: sample.lastLine,
        example: sample.example,
        parameters: miner.parameters(t.id, sample.example) ?? null,
      };
    });
}

export function formatCsvRows(rows: readonly TemplateRow[]): string {
  const lines = rows.map((r) => [r.id, r.count, r.share, r.firstLine, r.lastLine, csvField(r.template), csvField(r.example)].join(','));
  return `${[MINE_CSV_HEADER, ...lines].join('\n')}\n`;
}

/** JSON Lines, one template per line, as `opsloop detect --format json` writes points. */
export function formatJsonRows(rows: readonly TemplateRow[]): string {
  return rows.map((row) => `${JSON.stringify(row)}\n`).join('');
}
