/**
 * `opsloop rca` output for a person: one row per cause, best first, the evidence last so a
 * long sentence only wraps its own column.
 */
import type { Cause } from '../core/records.js';

interface Column {
  title: string;
  value: (cause: Cause, rank: number) => string;
  alignRight?: boolean;
}

const COLUMNS: readonly Column[] = [
  { title: '#', value: (_, rank) => String(rank), alignRight: true },
  { title: 'SCORE', value: (c) => c.score.toFixed(2), alignRight: true },
  { title: 'SERVICE', value: (c) => c.service },
  { title: 'INSTANCE', value: (c) => c.instance ?? '-' },
  { title: 'INDICATOR', value: (c) => c.indicator },
];

export function formatCausesTable(causes: readonly Cause[]): string {
  const cells = causes.map((cause, index) => COLUMNS.map((column) => column.value(cause, index + 1)));
  const widths = COLUMNS.map((column, i) => Math.max(column.title.length, ...cells.map((row) => (row[i] as string).length)));
  const line = (values: readonly string[], evidence: string) =>
    `${values.map((text, i) => (COLUMNS[i]?.alignRight ? text.padStart(widths[i] as number) : text.padEnd(widths[i] as number))).join('  ')}  ${evidence}`.trimEnd();
  const rows = cells.map((row, index) => line(row, causes[index]?.evidence ?? ''));
  return `${[line(COLUMNS.map((c) => c.title), 'EVIDENCE'), ...rows].join('\n')}\n`;
}
