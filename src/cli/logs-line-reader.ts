/**
 * Splits the bytes of a log into lines, holding at most one line (up to `maxLineBytes`) at a
 * time, so any file streams in constant memory. Not node:readline: it keeps a whole line
 * however long, and a multi-gigabyte file without a newline (binary garbage, a core dump)
 * would exhaust memory. Bytes of a line beyond `maxLineBytes` are read and dropped.
 *
 * Lines end at `\n`; a `\r` before it and a UTF-8 byte order mark on the first line are
 * dropped. Bytes that are not UTF-8 become U+FFFD and the line is flagged, so the caller can
 * count it; it is still a line of the log.
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

export async function* readLogLines(chunks: AsyncIterable<Buffer>, maxLineBytes: number): AsyncGenerator<LogLine> {
  let parts: Buffer[] = [];
  let held = 0;
  let cut = false;
  let number = 0;
  const line = (bytes: Buffer): LogLine => {
    number += 1;
    const end = cut ? utf8Boundary(bytes) : bytes.length;
    const body = end > 0 && bytes[end - 1] === CARRIAGE_RETURN && !cut ? end - 1 : end;
    let text = bytes.toString('utf8', 0, body);
    if (number === 1 && text.startsWith('\uFEFF')) text = text.slice(1);
    // Decoding replaced bad bytes with U+FFFD; a U+FFFD written by the service is valid UTF-8.
    const invalidUtf8 = text.includes('\uFFFD') && !isUtf8(bytes.subarray(0, body));
    parts = [];
    held = 0;
    cut = false;
    return { number, text, invalidUtf8 };
  };
  for await (const chunk of chunks) {
    let start = 0;
    while (start < chunk.length) {
      const newline = chunk.indexOf(NEWLINE, start);
      const end = newline === -1 ? chunk.length : newline;
      const take = Math.min(end - start, maxLineBytes - held);
      if (take > 0) {
        parts.push(chunk.subarray(start, start + take));
        held += take;
      }
      if (take < end - start) cut = true;
      if (newline === -1) break;
      // One part is the usual case: a line inside one chunk, decoded without a copy.
      yield line(parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts, held));
      start = newline + 1;
    }
  }
  if (held > 0 || cut) yield line(Buffer.concat(parts, held));
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
