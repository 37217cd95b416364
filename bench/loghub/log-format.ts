/**
 * Loghub line headers: a format such as `<Date> <Time> <Level> \[<Process>\] <Component>: <Content>`
 * (logpai/logparser benchmark settings) becomes an anchored regular expression with one named
 * group per field. Text between fields is a regular-expression fragment as written in
 * settings.json; a run of spaces in it matches any run of whitespace.
 */
export interface LineFormat {
  readonly fields: readonly string[];
  readonly pattern: RegExp;
}

export function compileLineFormat(format: string): LineFormat {
  const fields: string[] = [];
  const parts = format.split(/(<[A-Za-z_][A-Za-z0-9_]*>)/);
  const body = parts
    .map((part) => {
      const field = /^<([A-Za-z_][A-Za-z0-9_]*)>$/.exec(part)?.[1];
      if (field) {
        fields.push(field);
        return `(?<${field}>.*?)`;
      }
      return part.replace(/ +/g, '\\s+');
    })
    .join('');
  if (!fields.includes('Content')) throw new RangeError(`log format ${JSON.stringify(format)}: no <Content> field`);
  return { fields, pattern: new RegExp(`^${body}$`) };
}

/** The message part of `line`, or undefined when the header does not fit the format. */
export function lineContent(format: LineFormat, line: string): string | undefined {
  return format.pattern.exec(line.trim())?.groups?.Content;
}
