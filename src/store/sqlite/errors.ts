/**
 * Errors the SQLite store raises itself. They are startup and programming errors, not client
 * errors, so they are not in core/errors.ts; each carries the data a caller needs to act on it.
 */

/** Raised by any call on a store after close(), instead of better-sqlite3's generic TypeError. */
export class StoreClosedError extends Error {
  readonly path: string;

  constructor(path: string) {
    super(`The SQLite store at ${path} is closed; open a new store to keep working`);
    this.name = 'StoreClosedError';
    this.path = path;
  }
}

/**
 * Raised on open when the database was migrated by a newer opsloop: running old code against it
 * could misread or corrupt tables it does not know.
 */
export class SchemaTooNewError extends Error {
  readonly path: string;
  readonly databaseVersion: number;
  readonly codeVersion: number;

  constructor(path: string, databaseVersion: number, codeVersion: number) {
    super(
      `The SQLite database at ${path} has schema version ${databaseVersion}, newer than this ` +
        `opsloop supports (${codeVersion}); upgrade opsloop or point it at another data directory`,
    );
    this.name = 'SchemaTooNewError';
    this.path = path;
    this.databaseVersion = databaseVersion;
    this.codeVersion = codeVersion;
  }
}

/**
 * Raised for a span batch the span writer thread did not store: its transaction failed (the
 * cause says why), or the thread itself stopped, after which every later batch fails too
 * rather than waiting for a thread that will not answer.
 */
export class SpanWriterError extends Error {
  readonly path: string;

  constructor(path: string, reason: string) {
    super(`The span writer thread for ${path} did not store the batch: ${reason}`);
    this.name = 'SpanWriterError';
    this.path = path;
  }
}
