/**
 * What a template's parameters hold: for each `<*>`, the values seen in some of its lines and
 * how often. Pure: template text and lines in, counts out.
 */
import { DEFAULT_MINER_SETTINGS, extractParameters, parameterPattern } from '../logs/index.js';

export interface ParameterValues {
  /** Index of the `<*>` in the template, from 0. */
  position: number;
  /** Most frequent first, ties in order of first appearance; at most `maxValues`. */
  values: Array<{ value: string; count: number }>;
  distinct: number;
}

export interface ParameterSummary {
  parameters: ParameterValues[];
  /** Lines that fit the template (a line cut before storing may not). */
  matched: number;
}

export function parameterValues(template: string, lines: readonly string[], options: { maxValues: number }): ParameterSummary {
  const pattern = parameterPattern(template);
  const counts: Array<Map<string, number>> = [];
  let matched = 0;
  for (const line of lines) {
    // The miner matched only this much of the line; past it, the regex could only fail slowly.
    const values = extractParameters(pattern, line.slice(0, DEFAULT_MINER_SETTINGS.maxLineLength));
    if (!values) continue;
    matched++;
    values.forEach((value, position) => {
      const seen = (counts[position] ??= new Map<string, number>());
      seen.set(value, (seen.get(value) ?? 0) + 1);
    });
  }
  const parameters = counts.map((seen, position) => ({
    position,
    values: [...seen]
      .map(([value, count]) => ({ value, count }))
      .sort((a, b) => b.count - a.count)
      .slice(0, options.maxValues),
    distinct: seen.size,
  }));
  return { parameters, matched };
}
