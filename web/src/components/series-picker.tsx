import { useMemo, useState } from 'react';
import { explorerHref, type ExplorerQuery } from '../explorer-query.js';
import { filterSeries, servicesOf } from '../series-filter.js';
import type { SeriesInfo } from '../types.js';
import { Notice } from './notice.js';

/** Enough to scan; past this, narrowing the filter beats scrolling. */
const MAX_LISTED = 300;

interface Props {
  series: readonly SeriesInfo[] | undefined;
  error: Error | undefined;
  loading: boolean;
  query: ExplorerQuery;
}

/** Every known series, narrowed by service and by words in the key; a pick keeps the time range. */
export function SeriesPicker({ series, error, loading, query }: Props) {
  const [service, setService] = useState<string | undefined>(undefined);
  const [text, setText] = useState('');
  const services = useMemo(() => servicesOf(series ?? []), [series]);
  const matching = useMemo(() => filterSeries(series ?? [], { service, text }), [series, service, text]);

  return (
    <div className="series-picker">
      <div className="picker-filters">
        <select aria-label="Service" value={service ?? ''} onChange={(event) => setService(event.target.value || undefined)}>
          <option value="">All services</option>
          {services.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
        <input type="search" aria-label="Filter series" placeholder="Filter, e.g. p95 cart" value={text} onChange={(event) => setText(event.target.value)} />
      </div>
      {error ? <Notice kind="error" title="Could not load the series list">{error.message}</Notice> : null}
      {loading ? <Notice kind="loading" title="Loading series…" /> : null}
      {series && series.length === 0 ? <Notice kind="empty" title="No series yet">Series appear once metrics or traces arrive on the OTLP endpoint.</Notice> : null}
      {series && series.length > 0 && matching.length === 0 ? <Notice kind="empty" title="No series match the filter" /> : null}
      {matching.length > 0 ? (
        <ul className="picker-list" data-testid="series-list">
          {matching.slice(0, MAX_LISTED).map((info) => (
            <li key={info.key}>
              <a
                href={explorerHref({ key: info.key, range: query.range })}
                className={info.key === query.key ? 'picked' : undefined}
                aria-current={info.key === query.key ? 'true' : undefined}
                title={info.key}
              >
                <span className="picker-name">{info.name}</span>
                <span className="picker-labels mono">{info.key.slice(info.name.length)}</span>
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      {matching.length > MAX_LISTED ? <p className="muted small">{matching.length - MAX_LISTED} more; narrow the filter to see them.</p> : null}
    </div>
  );
}
