import type { ReactNode } from 'react';
import type { PagedSearchState } from '../use-paged-search.js';

/**
 * The frame of a search's results, shared by log and trace search: how many are shown, a
 * refresh, the results themselves, then "load more" (or the end) and a later page's error.
 */
export function PagedResults({
  search,
  count,
  noun,
  pageSize,
  className,
  children,
}: {
  search: Pick<PagedSearchState<unknown>, 'hasMore' | 'loadingMore' | 'moreError' | 'loadMore' | 'reload'>;
  count: number;
  /** Singular; an s is added for more than one. */
  noun: string;
  pageSize: number;
  className: string;
  children: ReactNode;
}) {
  return (
    <div className={className}>
      <div className="results-meta muted small">
        <span data-testid="results-count">
          {count} {count === 1 ? noun : `${noun}s`}
          {search.hasMore ? ' shown, more below' : ''}, newest first
        </span>
        <button type="button" className="link-button" onClick={search.reload} title={`Run the search again from the newest ${noun}`}>
          refresh
        </button>
      </div>
      {children}
      {search.moreError ? (
        <p className="inline-error" role="alert">
          {search.moreError.message}
        </p>
      ) : null}
      {search.hasMore ? (
        <button type="button" className="button load-more" onClick={search.loadMore} disabled={search.loadingMore}>
          {search.loadingMore ? 'Loading…' : `Load ${pageSize} more`}
        </button>
      ) : (
        <p className="muted small">End of the results.</p>
      )}
    </div>
  );
}
