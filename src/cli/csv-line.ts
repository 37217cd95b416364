/**
 * Splits one CSV line into fields (RFC 4180 quoting: "a,b" and "" inside quotes). Pure.
 *
 * Quoted fields may not span lines: the reader is line-based so that a multi-gigabyte file
 * streams in constant memory, and a time series has no use for embedded newlines.
 */
export function splitCsvLine(line: string): string[] {
  // Fast path: most metric exports never quote.
  if (!line.includes('"')) return line.split(',');
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const char = line[i] as string;
    if (quoted) {
      if (char !== '"') field += char;
      else if (line[i + 1] === '"') {
        field += '"';
        i += 1;
      } else quoted = false;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      fields.push(field);
      field = '';
    } else field += char;
  }
  fields.push(field);
  return fields;
}

/** Quotes a field for CSV output only when it needs it, so plain timestamps stay plain. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
