/**
 * Command output written through a buffer that waits for the destination to drain, so a slow
 * pipe throttles the command instead of the process buffering the whole result in memory,
 * and a reader that goes away (EPIPE) stops it instead of crashing it.
 */
import type { Writable } from 'node:stream';

const FLUSH_CHARS = 64 * 1024;

export class OutputWriter {
  private buffer = '';
  private failure: Error | undefined;

  constructor(private readonly stream: Writable) {
    // Without a listener an EPIPE (output piped to `head`) would crash the process.
    stream.on('error', (error: Error) => {
      this.failure ??= error;
    });
  }

  /** The first error of the destination, if any; the caller stops reading when set. */
  get error(): Error | undefined {
    return this.failure;
  }

  async write(text: string): Promise<void> {
    this.buffer += text;
    if (this.buffer.length >= FLUSH_CHARS) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.buffer === '' || this.failure || this.stream.destroyed) return;
    const data = this.buffer;
    this.buffer = '';
    if (!this.stream.write(data)) await this.settled('drain');
  }

  /**
   * Flushes and, for a file, closes it; stdout is left open for whoever owns it. Throws when
   * the destination failed, except when its reader went away (`| head`): that is not a
   * failure of ours, and the caller has already stopped producing.
   */
  async end(closeStream: boolean, name: string): Promise<void> {
    await this.flush();
    if (!this.failure && !this.stream.destroyed && closeStream) {
      this.stream.end();
      await this.settled('finish');
    }
    const failure = this.failure as NodeJS.ErrnoException | undefined;
    if (failure && failure.code !== 'EPIPE') throw new Error(`cannot write ${name}: ${failure.message}`);
  }

  /** Waits for `event`, or for an error or close, which would otherwise leave us waiting forever. */
  private settled(event: 'drain' | 'finish'): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        this.stream.off(event, done);
        this.stream.off('error', done);
        this.stream.off('close', done);
        resolve();
      };
      this.stream.once(event, done);
      this.stream.once('error', done);
      this.stream.once('close', done);
    });
  }
}
