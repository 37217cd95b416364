import { traceSearchHref, type TraceSearchQuery } from '../trace-query.js';
import { useKnownServices } from '../use-known-services.js';
import { RangePicker } from './range-picker.js';
import { TraceResults } from './trace-results.js';
import { TraceSearchForm } from './trace-search-form.js';

/** Trace search with filters; the whole search lives in the URL (#/traces?…). */
export function TracesPage({ query }: { query: TraceSearchQuery }) {
  const services = useKnownServices();
  const href = traceSearchHref(query);
  return (
    <section className="traces-page">
      <div className="page-head">
        <h1>Traces</h1>
        <RangePicker range={query.range} hrefFor={(range) => traceSearchHref({ ...query, range })} anyTimeHref={traceSearchHref({ ...query, range: undefined })} />
      </div>
      <div className="panel">
        <TraceSearchForm key={href} query={query} services={services.names} />
      </div>
      <div className="panel">
        <TraceResults query={query} nowMs={services.nowMs} />
      </div>
    </section>
  );
}
