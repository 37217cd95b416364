import { listSeries } from '../api.js';
import { explorerHref, type ExplorerQuery } from '../explorer-query.js';
import { usePoll } from '../use-poll.js';
import { Notice } from './notice.js';
import { RangePicker } from './range-picker.js';
import { SeriesExplorer } from './series-explorer.js';
import { SeriesPicker } from './series-picker.js';

/** The metric explorer: pick a series and a time range, see it the way the detector does. */
export function MetricsPage({ query }: { query: ExplorerQuery }) {
  const poll = usePoll('series-list', (signal) => listSeries(signal));
  const series = poll.data?.series;
  const picked = series?.find((info) => info.key === query.key);
  return (
    <section>
      <div className="page-head">
        <h1>Metrics</h1>
        <RangePicker range={query.range} hrefFor={(range) => explorerHref({ key: query.key, range })} />
        {series ? <span className="muted">{series.length} series</span> : null}
      </div>
      <div className="explorer-grid">
        <div className="panel">
          <h2>Series</h2>
          <SeriesPicker series={series} error={poll.error} loading={poll.loading} query={query} />
        </div>
        <div className="panel">
          {query.key ? (
            <SeriesExplorer seriesKey={query.key} range={query.range} lastMs={picked?.lastMs} />
          ) : (
            <Notice kind="empty" title="Pick a series">
              Choose one on the left to see its values against the detector's expected value and band, its anomaly score and its anomaly episodes.
            </Notice>
          )}
        </div>
      </div>
    </section>
  );
}
