/**
 * Log line headers in the Loghub notation: a format such as
 * `<Date> <Time> <Level> \[<Process>\] <Component>: <Content>` (logpai/logparser benchmark
 * settings) becomes an anchored regular expression with one named group per field, and
 * `lineContent` returns the `<Content>` part of a line: the message to mine. Pure; used by the
 * `opsloop logs mine` CLI and by bench:loghub.
 *
 * Text between fields is a regular-expression fragment as written in settings.json (so
 * `\[` is a bracket and `(\[<PID>\])?` an optional part); a run of spaces in it matches any run
 * of whitespace. Every field but the last is lazy (`.*?`).
 *
 * Lazy fields backtrack: on a line that does not fit, the search tries every split of it, a
 * cost that grows with a power of the line length (a 1 MB line of garbage would take hours).
 * When `<Content>` is the last field, as in every Loghub format, only the header before it is
 * matched, against the first HEADER_WINDOW characters, and the content is the rest of the line,
 * so a line costs at most a bounded search whatever its length. The result is the one of the
 * whole-line expression for any line whose header fits in the window.
 */
export interface LineFormat {
  readonly fields: readonly string[];
  /** The whole line, one named group per field. */
  readonly pattern: RegExp;
  /** The header before `<Content>`, anchored at the start; absent when fields follow `<Content>`. */
  readonly header: RegExp | undefined;
}

/** Characters searched for the header. Real headers (Loghub's longest: ~150) fit with room to spare. */
export const HEADER_WINDOW = 1024;

const FIELD = /^<([A-Za-z_][A-Za-z0-9_]*)>$/;

/** Throws a RangeError naming the format when it has no `<Content>` or is not a valid expression. */
export function compileLineFormat(format: string): LineFormat {
  const fields: string[] = [];
  const parts = format.split(/(<[A-Za-z_][A-Za-z0-9_]*>)/).map((part) => {
    const field = FIELD.exec(part)?.[1];
    if (!field) return part.replace(/ +/g, '\\s+');
    fields.push(field);
    return `(?<${field}>.*?)`;
  });
  if (!fields.includes('Content')) throw new RangeError(`log format ${JSON.stringify(format)}: no <Content> field`);
  const contentAt = parts.indexOf('(?<Content>.*?)');
  const contentIsLast = parts.slice(contentAt + 1).every((part) => part === '');
  try {
    return {
      fields,
      pattern: new RegExp(`^${parts.join('')}$`),
      header: contentIsLast ? new RegExp(`^${parts.slice(0, contentAt).join('')}`) : undefined,
    };
  } catch (error) {
    // Duplicate field names and unbalanced brackets land here.
    throw new RangeError(`log format ${JSON.stringify(format)}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** The message part of `line`, or undefined when the header does not fit the format. */
export function lineContent(format: LineFormat, line: string): string | undefined {
  const text = line.trim();
  if (!format.header) return format.pattern.exec(text)?.groups?.Content;
  const head = format.header.exec(text.length > HEADER_WINDOW ? text.slice(0, HEADER_WINDOW) : text);
  return head ? text.slice(head[0].length) : undefined;
}
