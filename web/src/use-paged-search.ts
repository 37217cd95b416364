import { useCallback, useEffect, useRef, useState } from 'react';

export interface SearchPage<T> {
  items: T[];
  /** The server's cursor for the next page; absent on the last one. */
  next?: string;
}

/** Fetches one page of a search; the cursor is undefined for the first. */
export type PageFetcher<T> = (cursor: string | undefined, signal: AbortSignal) => Promise<SearchPage<T>>;

export interface PagedSearchState<T> {
  items: readonly T[];
  /** True until the first page (or its error) arrives. */
  loading: boolean;
  /** The first page failed: nothing to show. */
  error: Error | undefined;
  hasMore: boolean;
  loadingMore: boolean;
  /** A later page failed; the pages already shown stay. */
  moreError: Error | undefined;
  loadMore: () => void;
  /** Runs the same search again from the newest result. */
  reload: () => void;
}

interface Pages<T> {
  key: string;
  items: T[];
  /** The fetcher `begin` made for this search, so every page of it asks the same question. */
  fetchPage: PageFetcher<T> | undefined;
  next?: string;
  loading: boolean;
  error?: Error;
  loadingMore: boolean;
  moreError?: Error;
}

/**
 * A search in pages: the first page when `key` changes, the next one (after the server's
 * cursor) on demand, appended. Not polled: results that move while someone reads them are
 * worse than a refresh button. `begin` runs once per search and returns its page fetcher, so
 * anything resolved there (the window of "last 1 h") stays put across its pages.
 */
export function usePagedSearch<T>(key: string, begin: () => PageFetcher<T>): PagedSearchState<T> {
  const [generation, setGeneration] = useState(0);
  const searchKey = `${key}#${generation}`;
  const [pages, setPages] = useState<Pages<T>>({ key: searchKey, items: [], fetchPage: undefined, loading: true, loadingMore: false });
  const latest = useRef({ begin, pages });
  latest.current = { begin, pages };
  const moreRequest = useRef<AbortController | undefined>(undefined);

  useEffect(() => {
    const fetchPage = latest.current.begin();
    const controller = new AbortController();
    moreRequest.current?.abort();
    setPages({ key: searchKey, items: [], fetchPage, loading: true, loadingMore: false });
    fetchPage(undefined, controller.signal).then(
      (page) => setPages({ key: searchKey, items: page.items, fetchPage, next: page.next, loading: false, loadingMore: false }),
      (error: unknown) => {
        if (!controller.signal.aborted) setPages({ key: searchKey, items: [], fetchPage, loading: false, loadingMore: false, error: asError(error) });
      },
    );
    return () => controller.abort();
  }, [searchKey]);

  useEffect(() => () => moreRequest.current?.abort(), []);

  const loadMore = useCallback(() => {
    const shown = latest.current.pages;
    if (shown.next === undefined || shown.fetchPage === undefined || shown.loadingMore || shown.loading) return;
    const controller = new AbortController();
    moreRequest.current = controller;
    const update = (change: (current: Pages<T>) => Pages<T>): void =>
      setPages((current) => (current.key === shown.key && !controller.signal.aborted ? change(current) : current));
    setPages({ ...shown, loadingMore: true, moreError: undefined });
    shown.fetchPage(shown.next, controller.signal).then(
      (page) => update((current) => ({ ...current, items: [...current.items, ...page.items], next: page.next, loadingMore: false })),
      (error: unknown) => update((current) => ({ ...current, loadingMore: false, moreError: asError(error) })),
    );
  }, []);

  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  const current = pages.key === searchKey ? pages : { ...pages, items: [], loading: true, error: undefined, next: undefined, moreError: undefined };
  return {
    items: current.items,
    loading: current.loading,
    error: current.error,
    hasMore: current.next !== undefined,
    loadingMore: current.loadingMore,
    moreError: current.moreError,
    loadMore,
    reload,
  };
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
