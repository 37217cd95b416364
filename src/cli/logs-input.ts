/**
 * The input of `opsloop logs mine`: a file or, for `-`, stdin, as a stream of byte chunks with
 * a running count of bytes read (for progress). Rejects compressed files up front, because
 * mining the compressed bytes as text would give thousands of garbage templates.
 */
import { createReadStream, fstatSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { inputFileSize } from './input-file.js';
import { InputError } from './input-error.js';

export interface LogInput {
  /** The file as given, or `stdin`, for messages. */
  name: string;
  /** 0 when unknown (a pipe). */
  sizeBytes: number;
  bytesRead(): number;
  chunks(): AsyncGenerator<Buffer>;
}

/** Large reads: the per-chunk overhead matters at a million lines per second. */
const CHUNK_BYTES = 1024 * 1024;

const COMPRESSED: readonly { kind: string; magic: readonly number[]; tool: string }[] = [
  { kind: 'gzip', magic: [0x1f, 0x8b], tool: 'zcat' },
  { kind: 'zstd', magic: [0x28, 0xb5, 0x2f, 0xfd], tool: 'zstdcat' },
  { kind: 'xz', magic: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], tool: 'xzcat' },
  { kind: 'zip', magic: [0x50, 0x4b, 0x03, 0x04], tool: 'unzip -p' },
];

export async function openLogInput(file: string): Promise<LogInput> {
  if (file === '-') return streamInput('stdin', process.stdin, stdinSize());
  const sizeBytes = await inputFileSize(file);
  return streamInput(file, createReadStream(file, { highWaterMark: CHUNK_BYTES }), sizeBytes);
}

function streamInput(name: string, stream: Readable, sizeBytes: number): LogInput {
  let read = 0;
  return {
    name,
    sizeBytes,
    bytesRead: () => read,
    async *chunks() {
      try {
        for await (const chunk of stream) {
          const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
          if (read === 0) rejectCompressed(name, bytes);
          read += bytes.length;
          yield bytes;
        }
      } catch (error) {
        if (error instanceof InputError) throw error;
        const message = `cannot read ${name}: ${error instanceof Error ? error.message : String(error)}`;
        // Failing before the first byte (permissions) is a problem with what was given.
        throw read === 0 ? new InputError(message) : new Error(message);
      } finally {
        if (stream !== process.stdin) stream.destroy();
      }
    },
  };
}

/** The size of stdin when it is a redirected file (`< app.log`), else 0. */
function stdinSize(): number {
  try {
    const stats = fstatSync(0);
    return stats.isFile() ? stats.size : 0;
  } catch {
    return 0;
  }
}

function rejectCompressed(name: string, first: Buffer): void {
  const format = COMPRESSED.find(({ magic }) => magic.every((byte, i) => first[i] === byte));
  if (!format) return;
  const source = name === 'stdin' ? '' : ` ${name}`;
  throw new InputError(`${name} is ${format.kind}-compressed: decompress it first, e.g. ${format.tool}${source} | opsloop logs mine -`);
}
