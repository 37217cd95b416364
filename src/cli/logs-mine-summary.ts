/**
 * What `opsloop logs mine` tells a person at the end, on stderr: one line with the counts
 * and the speed, then one line for each thing that needs a word (lines that did not fit the
 * format, cut lines, bad bytes, evicted templates, a limited table).
 */
import type { MinerStats } from '../observe/logs/index.js';
import type { MineOutcome } from './logs-mine-run.js';

export interface MineSummaryContext {
  /** The input file, or `stdin`. */
  name: string;
  /** The `--format` given, if any. */
  format: string | undefined;
  stats: Readonly<MinerStats>;
  templates: number;
  shown: number;
  maxTemplates: number;
  maxLineLength: number;
  elapsedMs: number;
}

export function formatMineSummary(outcome: MineOutcome, context: MineSummaryContext): string {
  const { stats } = context;
  const seconds = context.elapsedMs / 1000;
  const rate = seconds > 0 ? Math.round(outcome.lines / seconds) : 0;
  const lines = [
    `${context.name}: ${plural(outcome.lines, 'line')}, ${plural(context.templates, 'template')}, ${outcome.unmatched.count} unmatched, ` +
      `${stats.truncated} truncated, ${stats.empty} empty in ${seconds.toFixed(2)} s (${rate} lines/s)`,
  ];
  const nonBlank = outcome.lines - stats.empty;
  if (outcome.unmatched.count > 0 && outcome.unmatched.count === nonBlank) {
    lines.push(`  no line fit --format ${JSON.stringify(context.format)}: every line was mined whole; compare the format with a line (${outcome.unmatched.lines()})`);
  } else if (outcome.unmatched.count > 0) {
    lines.push(`  ${plural(outcome.unmatched.count, 'line')} did not fit --format and ${verb(outcome.unmatched.count)} mined whole (${outcome.unmatched.lines()})`);
  }
  if (stats.truncated > 0) {
    lines.push(`  ${plural(stats.truncated, 'message')} longer than ${context.maxLineLength} characters ${verb(stats.truncated)} cut there before mining`);
  }
  if (outcome.invalidUtf8.count > 0) {
    lines.push(`  ${plural(outcome.invalidUtf8.count, 'line')} with bytes that are not UTF-8, mined with U+FFFD in their place (${outcome.invalidUtf8.lines()})`);
  }
  if (stats.evicted > 0) {
    lines.push(
      `  ${plural(stats.evicted, 'template')} evicted beyond --max-templates ${context.maxTemplates}, least recently used first; their lines are not in the counts`,
    );
  }
  if (context.shown < context.templates) lines.push(`  showing the ${context.shown} most frequent of ${plural(context.templates, 'template')} (--limit)`);
  if (nonBlank === 0) lines.push('  no log lines: nothing was mined');
  return `${lines.join('\n')}\n`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function verb(count: number): string {
  return count === 1 ? 'was' : 'were';
}
