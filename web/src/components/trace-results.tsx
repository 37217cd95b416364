import { searchTraces } from '../api.js';
import { searchWindow } from '../log-query.js';
import { traceSearchHref, type TraceSearchQuery } from '../trace-query.js';
import type { TraceSummary } from '../types.js';
import { usePagedSearch } from '../use-paged-search.js';
import { Notice } from './notice.js';
import { PagedResults } from './paged-results.js';
import { TracesTable } from './traces-table.js';

const PAGE_SIZE = 50;

/** The traces a search found, newest first, a page at a time. */
export function TraceResults({ query, nowMs }: { query: TraceSearchQuery; nowMs: () => number }) {
  const search = usePagedSearch<TraceSummary>(traceSearchHref(query), () => {
    // Resolved once per search, so "last 1 h" does not slide between its pages.
    const window = query.range ? searchWindow(query.range, nowMs()) : undefined;
    return async (cursor, signal) => {
      const page = await searchTraces({ ...withoutRange(query), window, limit: PAGE_SIZE, cursor }, signal);
      return { items: page.traces, next: page.nextCursor };
    };
  });
  if (search.error) return <Notice kind="error" title="Could not search the traces">{search.error.message}</Notice>;
  if (search.loading) return <Notice kind="loading" title="Searching traces…" />;
  if (search.items.length === 0) return <NoTraces query={query} />;
  return (
    <PagedResults search={search} count={search.items.length} noun="trace" pageSize={PAGE_SIZE} className="trace-results">
      <TracesTable traces={search.items} nowMs={nowMs()} />
    </PagedResults>
  );
}

/** What the server filters on; the range is sent as the window resolved from it. */
function withoutRange(query: TraceSearchQuery): Omit<TraceSearchQuery, 'range'> {
  return {
    services: query.services,
    operation: query.operation,
    status: query.status,
    minDurationMs: query.minDurationMs,
    maxDurationMs: query.maxDurationMs,
  };
}

/** Nothing found: offer the widenings that most often help. */
function NoTraces({ query }: { query: TraceSearchQuery }) {
  const filtered = query.services.length > 0 || query.operation || query.status || query.minDurationMs !== undefined || query.maxDurationMs !== undefined || query.range;
  if (!filtered) {
    return <Notice kind="empty" title="No traces yet">Traces appear once services send spans to the OTLP endpoint (POST /v1/traces on port 4318).</Notice>;
  }
  return (
    <Notice kind="empty" title="No traces match">
      <ul className="widen-list">
        {query.range ? (
          <li>
            <a href={traceSearchHref({ ...query, range: undefined })}>Search any time</a>
          </li>
        ) : null}
        {query.status || query.minDurationMs !== undefined || query.maxDurationMs !== undefined ? (
          <li>
            <a href={traceSearchHref({ services: query.services, operation: query.operation, range: query.range })}>Any status and duration</a>
          </li>
        ) : null}
        {query.operation ? <li>The operation is a span's exact name, e.g. <code>GET /checkout</code></li> : null}
      </ul>
    </Notice>
  );
}
