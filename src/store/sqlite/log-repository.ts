import type { LogRepository, LogSearchPage, LogSearchQuery, LogTemplateRow, LogTemplateUpdate } from '../store.js';
import type { SqliteConnection } from './connection.js';
import { searchLogs } from './log-search.js';
import { listTemplates, recordTemplates, templateCounts } from './log-templates.js';

/** Log search (FTS5) and log templates on SQLite. */
export class SqliteLogRepository implements LogRepository {
  readonly #conn: SqliteConnection;

  constructor(conn: SqliteConnection) {
    this.#conn = conn;
  }

  recordTemplates(updates: readonly LogTemplateUpdate[]): void {
    recordTemplates(this.#conn, updates);
  }

  templates(filter: { service?: string; templateId?: string; minSeverity?: number; limit: number }): LogTemplateRow[] {
    return listTemplates(this.#conn, filter);
  }

  templateCounts(
    template: { service: string; templateId: string },
    window: { fromMs: number; bucketMs: number; buckets: number },
  ): number[] {
    return templateCounts(this.#conn, template, window);
  }

  search(query: LogSearchQuery): LogSearchPage {
    return searchLogs(this.#conn, query);
  }
}
