import { logSearchHref, type LogSearchQuery } from '../log-query.js';
import { useKnownServices } from '../use-known-services.js';
import { LogResults } from './log-results.js';
import { LogSearchForm } from './log-search-form.js';
import { LogsTabs } from './logs-tabs.js';
import { RangePicker } from './range-picker.js';

/** Full-text log search with filters; the whole search lives in the URL (#/logs?…). */
export function LogSearchPage({ query }: { query: LogSearchQuery }) {
  const services = useKnownServices();
  const href = logSearchHref(query);
  return (
    <section className="logs-page">
      <div className="page-head">
        <h1>Logs</h1>
        <LogsTabs active="search" />
        <RangePicker range={query.range} hrefFor={(range) => logSearchHref({ ...query, range })} anyTimeHref={logSearchHref({ ...query, range: undefined })} />
      </div>
      <div className="panel">
        <LogSearchForm key={href} query={query} services={services.names} />
      </div>
      <div className="panel">
        <LogResults query={query} nowMs={services.nowMs} />
      </div>
    </section>
  );
}
