import type Database from 'better-sqlite3';
import { StoreClosedError } from './errors.js';

export type Statement = Database.Statement<unknown[], unknown>;

/**
 * The one open database handle the repositories share. Statements are prepared once per SQL
 * text and reused; every access goes through here so a closed store fails with one clear error.
 */
export class SqliteConnection {
  readonly path: string;
  #db: Database.Database | undefined;
  readonly #statements = new Map<string, Statement>();

  constructor(db: Database.Database, path: string) {
    this.#db = db;
    this.path = path;
  }

  get isOpen(): boolean {
    return this.#db !== undefined;
  }

  get db(): Database.Database {
    if (this.#db === undefined) throw new StoreClosedError(this.path);
    return this.#db;
  }

  /** The cached prepared statement for `sql`. Callers must not toggle pluck/raw on it: it is shared. */
  statement(sql: string): Statement {
    const db = this.db;
    let statement = this.#statements.get(sql);
    if (statement === undefined) {
      statement = db.prepare(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  /**
   * Runs `work` in a transaction; nested calls become savepoints (better-sqlite3 semantics).
   * BEGIN IMMEDIATE: with the span writer thread a second connection writes the file, and a
   * deferred transaction that read before it wrote would fail at once (SQLITE_BUSY on a stale
   * snapshot) where an immediate one waits in the busy handler for the other's commit.
   */
  transaction<T>(work: () => T): T {
    return this.db.transaction(work).immediate();
  }

  close(): void {
    const db = this.#db;
    if (db === undefined) return;
    this.#statements.clear();
    this.#db = undefined;
    // Folding the WAL back into the main file leaves a single self-contained file behind.
    if (db.memory === false) db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
  }
}
