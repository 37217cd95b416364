import Database from 'better-sqlite3';
import { registerSpanAttributeFunction } from './span-attribute-sql.js';

/**
 * Page size of databases this version creates (SQLite's default is 4 KiB; an existing database
 * keeps the size it was created with). Committing a span batch writes every page it dirtied to
 * the WAL, page by page: with 16 KiB pages that cost about 4 µs of CPU per span instead of 6–8,
 * with the inserts themselves no slower (docs/benchmarks.md, span ingest).
 */
const PAGE_SIZE = 16_384;
/** How long a write waits for another connection's lock before failing with SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 5_000;
/**
 * WAL size before an automatic checkpoint (default 1000 pages, about 4 MB at 4 KiB pages). A
 * metric batch touches one B-tree page per series, so the default checkpointed, with an fsync,
 * after nearly every batch; about 40 MB of WAL measured 1.4x faster for insertMetricPoints.
 */
const WAL_AUTOCHECKPOINT_BYTES = 40 * 1024 * 1024;

/** A connection to `path` set up as every opsloop connection is (the span writer thread's too). */
export function openDatabase(path: string): Database.Database {
  const db = new Database(path);
  try {
    // WAL lets readers (API) run while ingest writes; NORMAL is durable across process crashes
    // in WAL mode and only risks the last commits on power loss, a fair trade for telemetry.
    // Only takes effect while the file is still empty, so it must come before WAL mode.
    db.pragma(`page_size = ${PAGE_SIZE}`);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    db.pragma(`wal_autocheckpoint = ${Math.round(WAL_AUTOCHECKPOINT_BYTES / pageSize)}`);
    registerSpanAttributeFunction(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}
