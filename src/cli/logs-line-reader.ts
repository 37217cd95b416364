/**
 * Splits the bytes of a log into lines, holding at most one line (up to `maxLineBytes`) at a
 * time, so any file streams in constant memory. Not node:readline: it keeps a whole line
 * however long, and a multi-gigabyte file without a newline (binary garbage, a core dump)
 * would exhaust memory. Bytes of a line beyond `maxLineBytes` are read and dropped.
 *
 * Lines end at `\n`; a `\r` before it and a UTF-8 byte order mark on the first line are
 * dropped. Bytes that are not UTF-8 become U+FFFD and the line is flagged, so the caller can
 * count it; it is still a line of the log.
 *
 * The lines of a chunk are yielded together: an await per line would cost more than reading.
 */
import { isUtf8 } from 'node:buffer';

export interface LogLine {
  /** 1-based line number in the input. */
  number: number;
  text: string;
  invalidUtf8: boolean;
}

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;

export async function* readLogLines(chunks: AsyncIterable<Buffer>, maxLineBytes: number): AsyncGenerator<LogLine[]> {
  /** The start of a line that continues in the next chunk: at most maxLineBytes of it. */
  let parts: Buffer[] = [];
  let held = 0;
  let cut = false;
  let number = 0;
  const keep = (chunk: Buffer, start: number, end: number) => {
    const take = Math.min(end - start, maxLineBytes - held);
    if (take > 0) {
      parts.push(chunk.subarray(start, start + take));
      held += take;
    }
    if (take < end - start) cut = true;
  };
  const kept = (): LogLine => {
    const bytes = Buffer.concat(parts, held);
    const line = decode(bytes, 0, cut ? utf8Boundary(bytes) : bytes.length, ++number);
    parts = [];
    held = 0;
    cut = false;
    return line;
  };
  for await (const chunk of chunks) {
    const batch: LogLine[] = [];
    let start = 0;
    for (;;) {
      const newline = chunk.indexOf(NEWLINE, start);
      if (newline === -1) {
        keep(chunk, start, chunk.length);
        break;
      }
      // The usual case, a whole line inside the chunk, is decoded in place without a copy.
      if (held === 0 && !cut && newline - start <= maxLineBytes) batch.push(decode(chunk, start, newline, ++number));
      else {
        keep(chunk, start, newline);
        batch.push(kept());
      }
      start = newline + 1;
    }
    if (batch.length > 0) yield batch;
  }
  if (held > 0 || cut) yield [kept()];
}

function decode(bytes: Buffer, start: number, end: number, number: number): LogLine {
  const body = end > start && bytes[end - 1] === CARRIAGE_RETURN ? end - 1 : end;
  let text = bytes.toString('utf8', start, body);
  if (number === 1 && text.startsWith('\uFEFF')) text = text.slice(1);
  // Decoding replaced bad bytes with U+FFFD; a U+FFFD written by the service is valid UTF-8.
  const invalidUtf8 = text.includes('\uFFFD') && !isUtf8(bytes.subarray(start, body));
  return { number, text, invalidUtf8 };
}

/** The length of `bytes` without a multi-byte character that the cut left incomplete. */
function utf8Boundary(bytes: Buffer): number {
  let continuation = 0;
  while (continuation < 3 && continuation < bytes.length && ((bytes[bytes.length - 1 - continuation] as number) & 0xc0) === 0x80) continuation += 1;
  const leadAt = bytes.length - 1 - continuation;
  if (leadAt < 0) return bytes.length;
  const lead = bytes[leadAt] as number;
  const size = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return size > continuation + 1 ? leadAt : bytes.length;
}
