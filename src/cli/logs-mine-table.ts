/**
 * The default output of `opsloop logs mine`: an aligned table for a person, most frequent
 * template first. Templates are cut with `…` to fit the terminal's width (when printing to a
 * terminal), and control characters are shown escaped, so binary garbage in a log can neither
 * break the layout nor send escape sequences to the terminal.
 */
import type { TemplateRow } from './logs-mine-output.js';

/** Narrower terminals get this much template anyway, and wrap. */
const MIN_TEMPLATE_WIDTH = 20;

interface Column {
  title: string;
  value: (row: TemplateRow) => string;
}

const NUMERIC_COLUMNS: readonly Column[] = [
  { title: 'COUNT', value: (r) => String(r.count) },
  { title: 'SHARE', value: (r) => `${(r.share * 100).toFixed(1)}%` },
  { title: 'FIRST', value: (r) => String(r.firstLine) },
  { title: 'LAST', value: (r) => String(r.lastLine) },
];

/** @param width the terminal's columns; Infinity prints templates whole (a pipe, a file) */
export function formatTable(rows: readonly TemplateRow[], width: number): string {
  const widths = NUMERIC_COLUMNS.map((c) => Math.max(c.title.length, ...rows.map((r) => c.value(r).length)));
  const idWidth = Math.max(2, ...rows.map((r) => r.id.length));
  const used = widths.reduce((sum, w) => sum + w + 2, 0) + idWidth + 2;
  const templateWidth = Math.max(MIN_TEMPLATE_WIDTH, width - used);
  const line = (numbers: string[], id: string, template: string) =>
    `${numbers.map((text, i) => text.padStart(widths[i] as number)).join('  ')}  ${id.padEnd(idWidth)}  ${template}`.trimEnd();
  const header = line(
    NUMERIC_COLUMNS.map((c) => c.title),
    'ID',
    'TEMPLATE',
  );
  const body = rows.map((r) =>
    line(
      NUMERIC_COLUMNS.map((c) => c.value(r)),
      r.id,
      fit(printable(r.template), templateWidth),
    ),
  );
  return `${[header, ...body].join('\n')}\n`;
}

/** C0 and C1 controls and DEL as `\xNN` (a tab too: it would misalign the row). */
function printable(text: string): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

function fit(text: string, width: number): string {
  if (text.length <= width) return text;
  // Never end on half a surrogate pair (an emoji, a CJK extension character).
  const end = /[\uD800-\uDBFF]/.test(text[width - 2] ?? '') ? width - 2 : width - 1;
  return `${text.slice(0, end)}…`;
}
