/**
 * RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks. Enough for the
 * Loghub structured files; rows are arrays of strings, the header is the first row.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Rows as records keyed by the header; throws naming `source` when a column is missing. */
export function csvRecords(text: string, columns: readonly string[], source: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) throw new RangeError(`${source}: empty CSV`);
  const at = columns.map((name) => {
    const i = header.indexOf(name);
    if (i < 0) throw new RangeError(`${source}: no ${name} column (header: ${header.join(',')})`);
    return i;
  });
  return rows
    .filter((r) => r.length > 1 || (r[0] ?? '') !== '')
    .map((r) => Object.fromEntries(columns.map((name, k) => [name, r[at[k] as number] ?? ''])));
}

function quote(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
}

export function formatCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [header, ...rows].map((r) => r.map(quote).join(',')).join('\n') + '\n';
}
