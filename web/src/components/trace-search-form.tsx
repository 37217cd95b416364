import { useState, type FormEvent } from 'react';
import { parseDurationMs, TRACE_STATUSES, traceSearchHref, type TraceSearchQuery } from '../trace-query.js';
import { ServiceFilter } from './service-filter.js';

interface Props {
  query: TraceSearchQuery;
  services: readonly string[];
}

/**
 * The trace filters. Typed ones (operation, durations) apply on Enter or Search; chosen ones
 * (services, status) at once. Each search is a new URL, so it is in the history. Keyed by the
 * URL in its parent, so following a link resets what was typed.
 */
export function TraceSearchForm({ query, services }: Props) {
  const [operation, setOperation] = useState(query.operation ?? '');
  const [minDuration, setMinDuration] = useState(query.minDurationMs?.toString() ?? '');
  const [maxDuration, setMaxDuration] = useState(query.maxDurationMs?.toString() ?? '');

  const go = (change: Partial<TraceSearchQuery>): void => {
    const typed = { operation: operation.trim() || undefined, minDurationMs: parseDurationMs(minDuration), maxDurationMs: parseDurationMs(maxDuration) };
    window.location.hash = traceSearchHref({ ...query, ...typed, ...change });
  };
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    go({});
  };

  return (
    <form className="trace-search-form search-filters" role="search" aria-label="Search traces" onSubmit={submit}>
      <ServiceFilter selected={query.services} services={services} onChange={(chosen) => go({ services: chosen })} />
      <input aria-label="Operation" placeholder="operation (span name)" value={operation} onChange={(event) => setOperation(event.target.value)} size={22} />
      <select aria-label="Status" value={query.status ?? ''} onChange={(event) => go({ status: TRACE_STATUSES.find((status) => status === event.target.value) })}>
        <option value="">Any status</option>
        <option value="error">error</option>
        <option value="ok">ok (not error)</option>
      </select>
      <label className="duration-input">
        <span className="muted">span ≥</span>
        <input aria-label="Minimum duration (ms)" inputMode="decimal" placeholder="ms" value={minDuration} onChange={(event) => setMinDuration(event.target.value)} size={6} />
      </label>
      <label className="duration-input">
        <span className="muted">≤</span>
        <input aria-label="Maximum duration (ms)" inputMode="decimal" placeholder="ms" value={maxDuration} onChange={(event) => setMaxDuration(event.target.value)} size={6} />
      </label>
      <button type="submit" className="button primary">
        Search
      </button>
      <span className="muted small">A trace matches when one of its spans meets every filter.</span>
    </form>
  );
}
