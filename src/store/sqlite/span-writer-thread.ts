/**
 * The main thread's side of the span writer: packs each batch (packed-spans.ts), moves it to a
 * worker thread that stores it on a connection of its own (span-writer-worker.ts), and settles
 * the batch's promise when the worker has committed it. The worker commits in the order of
 * writes (several batches at once when they queue up), so replies come back in that order.
 *
 * Two connections now write one file: both begin their transactions IMMEDIATE (connection.ts),
 * so a writer waits for the other in the busy handler instead of failing on a stale snapshot.
 */
import { Worker } from 'node:worker_threads';
import type { AnalysisWrite, SpanBatchWrite, SpanWriter } from '../store.js';
import { SpanWriterError } from './errors.js';
import { packSpans, transferablesOf, type PackedSpans } from './packed-spans.js';

export interface SpanWriteRequest {
  kind: 'spans';
  id: number;
  packed: PackedSpans;
  services: SpanBatchWrite['services'];
  instances: SpanBatchWrite['instances'];
}

export interface AnalysisWriteRequest extends AnalysisWrite {
  kind: 'analysis';
  id: number;
}

/** Asks the worker to close its connection and end, once the batches before it are stored. */
export const CLOSE = 'close';
export type SpanWriterMessage = SpanWriteRequest | AnalysisWriteRequest | typeof CLOSE;

export type SpanWriteReply = { id: number; stored: boolean } | { id: number; error: string };

export interface SpanWriterThreadOptions {
  /** The worker's entry module (tests substitute one that fails). @default span-writer-worker */
  workerUrl?: URL;
}

// Run from source (tsx) the sibling module is .ts; built, it is .js.
const WORKER_URL = new URL(import.meta.url.endsWith('.ts') ? './span-writer-worker.ts' : './span-writer-worker.js', import.meta.url);

/**
 * From source (tests and benches run through tsx) the worker's module is TypeScript, and Node 20
 * does not apply the parent's --import hooks in a worker: the worker loads it through tsx's API.
 */
function startWorker(url: URL, workerData: { path: string }): Worker {
  if (!url.pathname.endsWith('.ts')) return new Worker(url, { workerData });
  const href = JSON.stringify(url.href);
  return new Worker(`import('tsx/esm/api').then(({ tsImport }) => tsImport(${href}, ${href}))`, { eval: true, workerData });
}

interface Pending {
  resolve(stored: boolean): void;
  reject(error: Error): void;
}

export class SpanWriterThread implements SpanWriter {
  readonly #path: string;
  readonly #worker: Worker;
  readonly #pending = new Map<number, Pending>();
  #nextId = 0;
  #failure: SpanWriterError | undefined;
  #closing: Promise<void> | undefined;
  readonly #idleWaiters: Array<() => void> = [];

  constructor(path: string, options: SpanWriterThreadOptions = {}) {
    this.#path = path;
    this.#worker = startWorker(options.workerUrl ?? WORKER_URL, { path });
    // Idle, the thread must not keep the process alive; with batches pending it must.
    this.#worker.unref();
    this.#worker.on('message', (reply: SpanWriteReply) => this.#settle(reply));
    this.#worker.on('error', (error) => this.#fail(error.message));
    this.#worker.on('exit', (code) => this.#fail(`the thread exited (code ${code})`));
  }

  get queued(): number {
    return this.#pending.size;
  }

  write(batch: SpanBatchWrite): Promise<boolean> {
    const packed = packSpans(batch.spans, batch.batchBody);
    return this.#send(
      (id) => ({
        kind: 'spans',
        id,
        packed,
        services: batch.services,
        instances: batch.instances,
      }),
      transferablesOf(packed),
    );
  }

  async writeAnalysis(batch: AnalysisWrite): Promise<void> {
    await this.#send((id) => ({ kind: 'analysis', id, points: batch.points, edges: batch.edges }), []);
  }

  #send(request: (id: number) => SpanWriteRequest | AnalysisWriteRequest, transfer: ArrayBuffer[]): Promise<boolean> {
    if (this.#failure) return Promise.reject(this.#failure);
    if (this.#closing) return Promise.reject(new SpanWriterError(this.#path, 'the writer is closing'));
    const id = this.#nextId++;
    const message: SpanWriterMessage = request(id);
    return new Promise<boolean>((resolve, reject) => {
      if (this.#pending.size === 0) this.#worker.ref();
      this.#pending.set(id, { resolve, reject });
      this.#worker.postMessage(message, transfer);
    });
  }

  close(): Promise<void> {
    this.#closing ??= this.#closeThread();
    return this.#closing;
  }

  async #closeThread(): Promise<void> {
    if (this.#pending.size > 0) await new Promise<void>((resolve) => this.#idleWaiters.push(resolve));
    if (this.#failure) return;
    const exited = new Promise((resolve) => this.#worker.once('exit', resolve));
    this.#worker.ref();
    this.#worker.postMessage(CLOSE);
    await exited;
  }

  /** Stops the thread now; batches not yet committed fail. */
  terminate(): void {
    this.#fail('the store was closed');
    void this.#worker.terminate();
  }

  #settle(reply: SpanWriteReply): void {
    const pending = this.#pending.get(reply.id);
    if (pending === undefined) return;
    this.#pending.delete(reply.id);
    if ('error' in reply) pending.reject(new SpanWriterError(this.#path, reply.error));
    else pending.resolve(reply.stored);
    if (this.#pending.size === 0) this.#idle();
  }

  #idle(): void {
    this.#worker.unref();
    for (const wake of this.#idleWaiters.splice(0)) wake();
  }

  #fail(reason: string): void {
    this.#failure ??= new SpanWriterError(this.#path, reason);
    for (const pending of this.#pending.values()) pending.reject(this.#failure);
    this.#pending.clear();
    this.#idle();
  }
}
