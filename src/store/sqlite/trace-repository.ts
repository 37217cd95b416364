import type { TraceRepository, TraceSearchPage, TraceSearchQuery, TraceSummary } from '../store.js';
import type { SqliteConnection } from './connection.js';
import { searchTraces, traceSummaries } from './trace-search.js';

/** Trace search and summaries on SQLite, read from the spans table. */
export class SqliteTraceRepository implements TraceRepository {
  readonly #conn: SqliteConnection;

  constructor(conn: SqliteConnection) {
    this.#conn = conn;
  }

  search(query: TraceSearchQuery): TraceSearchPage {
    return searchTraces(this.#conn, query);
  }

  summaries(traceIds: readonly string[]): TraceSummary[] {
    return traceSummaries(this.#conn, traceIds);
  }
}
