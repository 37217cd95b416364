import { searchLogs } from './api.js';
import { logSearchHref, searchWindow, type LogSearchQuery } from './log-query.js';
import type { LogEntry } from './types.js';
import { usePagedSearch, type PagedSearchState } from './use-paged-search.js';

export interface LogSearchState extends Omit<PagedSearchState<LogEntry>, 'items'> {
  logs: readonly LogEntry[];
}

/**
 * A log search in pages (usePagedSearch): the first page when the query changes, the next one
 * on demand. `nowMs` is read when a search starts, so "last 1 h" does not slide between pages.
 */
export function useLogSearch(query: LogSearchQuery, options: { nowMs: () => number; pageSize: number }): LogSearchState {
  const { items, ...state } = usePagedSearch<LogEntry>(logSearchHref(query), () => {
    const window = query.range ? searchWindow(query.range, options.nowMs()) : undefined;
    return async (cursor, signal) => {
      const page = await searchLogs({ ...withoutRange(query), window, limit: options.pageSize, cursor }, signal);
      return { items: page.logs, next: page.nextCursor };
    };
  });
  return { logs: items, ...state };
}

/** What the server filters on; the range is sent as the window resolved from it. */
function withoutRange(query: LogSearchQuery): Omit<LogSearchQuery, 'range'> {
  return { text: query.text, services: query.services, minSeverity: query.minSeverity, templateId: query.templateId, traceId: query.traceId };
}
