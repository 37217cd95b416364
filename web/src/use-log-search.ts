import { useCallback, useEffect, useRef, useState } from 'react';
import { searchLogs } from './api.js';
import { logSearchHref, searchWindow, type LogSearchQuery, type SearchWindow } from './log-query.js';
import type { LogEntry } from './types.js';

export interface LogSearchState {
  logs: readonly LogEntry[];
  /** True until the first page (or its error) arrives. */
  loading: boolean;
  /** The first page failed: nothing to show. */
  error: Error | undefined;
  hasMore: boolean;
  loadingMore: boolean;
  /** A later page failed; the pages already shown stay. */
  moreError: Error | undefined;
  loadMore: () => void;
  /** Runs the same search again from the newest log. */
  reload: () => void;
}

interface Pages {
  key: string;
  logs: LogEntry[];
  /** Resolved once per search, so "last 1 h" does not slide between its pages. */
  window: SearchWindow | undefined;
  next?: string;
  loading: boolean;
  error?: Error;
  loadingMore: boolean;
  moreError?: Error;
}

/**
 * A log search in pages: the first page when the query changes, the next one (after the
 * server's cursor) on demand, appended. Not polled: lines that keep moving while someone reads
 * them are worse than a refresh button. `nowMs` is read when a search starts.
 */
export function useLogSearch(query: LogSearchQuery, options: { nowMs: () => number; pageSize: number }): LogSearchState {
  const [generation, setGeneration] = useState(0);
  const key = `${logSearchHref(query)}#${generation}`;
  const [pages, setPages] = useState<Pages>({ key, logs: [], window: undefined, loading: true, loadingMore: false });
  const latest = useRef({ query, options, pages });
  latest.current = { query, options, pages };
  const moreRequest = useRef<AbortController | undefined>(undefined);

  useEffect(() => {
    const { query: asked, options: settings } = latest.current;
    const window = asked.range ? searchWindow(asked.range, settings.nowMs()) : undefined;
    const controller = new AbortController();
    moreRequest.current?.abort();
    setPages({ key, logs: [], window, loading: true, loadingMore: false });
    searchLogs({ ...withoutRange(asked), window, limit: settings.pageSize }, controller.signal).then(
      (page) => setPages({ key, logs: page.logs, window, next: page.nextCursor, loading: false, loadingMore: false }),
      (error: unknown) => {
        if (!controller.signal.aborted) setPages({ key, logs: [], window, loading: false, loadingMore: false, error: asError(error) });
      },
    );
    return () => controller.abort();
  }, [key]);

  useEffect(() => () => moreRequest.current?.abort(), []);

  const loadMore = useCallback(() => {
    const { query: asked, options: settings, pages: shown } = latest.current;
    if (shown.next === undefined || shown.loadingMore || shown.loading) return;
    const controller = new AbortController();
    moreRequest.current = controller;
    const update = (change: (current: Pages) => Pages): void =>
      setPages((current) => (current.key === shown.key && !controller.signal.aborted ? change(current) : current));
    setPages({ ...shown, loadingMore: true, moreError: undefined });
    searchLogs({ ...withoutRange(asked), window: shown.window, limit: settings.pageSize, cursor: shown.next }, controller.signal).then(
      (page) => update((current) => ({ ...current, logs: [...current.logs, ...page.logs], next: page.nextCursor, loadingMore: false })),
      (error: unknown) => update((current) => ({ ...current, loadingMore: false, moreError: asError(error) })),
    );
  }, []);

  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  const current = pages.key === key ? pages : { ...pages, logs: [], loading: true, error: undefined, next: undefined, moreError: undefined };
  return {
    logs: current.logs,
    loading: current.loading,
    error: current.error,
    hasMore: current.next !== undefined,
    loadingMore: current.loadingMore,
    moreError: current.moreError,
    loadMore,
    reload,
  };
}

/** What the server filters on; the range is sent as the window resolved from it. */
function withoutRange(query: LogSearchQuery): Omit<LogSearchQuery, 'range'> {
  return { text: query.text, services: query.services, minSeverity: query.minSeverity, templateId: query.templateId, traceId: query.traceId };
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
