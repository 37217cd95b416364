/**
 * The checks every file-reading command makes before it opens its input: that it exists and
 * is a file (a named pipe such as `<(zcat app.log.gz)` counts, with size 0: unknown).
 */
import { stat } from 'node:fs/promises';
import { InputError } from './input-error.js';

/** Size of `file` in bytes, for progress; throws an InputError naming the problem. */
export async function inputFileSize(file: string): Promise<number> {
  let stats;
  try {
    stats = await stat(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(code === 'ENOENT' ? `no such file: ${file}` : `cannot read ${file}: ${String(error)}`);
  }
  if (stats.isFIFO()) return 0;
  if (!stats.isFile()) throw new InputError(`${file} is not a file`);
  return stats.size;
}
