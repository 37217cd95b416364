import { listLogPatterns } from '../api.js';
import { rangeId, resolveRange } from '../explorer-query.js';
import { logPatternsHref, type LogPatternsQuery } from '../log-query.js';
import { useKnownServices } from '../use-known-services.js';
import { usePoll } from '../use-poll.js';
import { LogPatternsTable } from './log-patterns-table.js';
import { LogsTabs } from './logs-tabs.js';
import { Notice } from './notice.js';
import { RangePicker } from './range-picker.js';
import { ServiceSelect } from './service-select.js';

/** Buckets of each sparkline: enough to see a burst, few enough to draw 50 rows cheaply. */
const BUCKETS = 30;
const SAMPLES = 3;

/** The templates each service's miner found, most frequent first, with their count over time. */
export function LogPatternsPage({ query }: { query: LogPatternsQuery }) {
  const services = useKnownServices();
  const poll = usePoll(`log-patterns:${query.service ?? ''}:${rangeId(query.range)}`, (signal) =>
    // Resolved on every poll, so "last 1 h" keeps moving with time.
    listLogPatterns({ service: query.service, window: resolveRange(query.range, services.nowMs()), buckets: BUCKETS, samples: SAMPLES }, signal),
  );
  const response = poll.data;
  return (
    <section className="logs-page">
      <div className="page-head">
        <h1>Logs</h1>
        <LogsTabs active="patterns" />
        <ServiceSelect value={query.service} services={services.names} onChange={(service) => (window.location.hash = logPatternsHref({ ...query, service }))} />
        <RangePicker range={query.range} hrefFor={(range) => logPatternsHref({ ...query, range })} />
        {response ? <span className="muted">{response.patterns.length} patterns</span> : null}
      </div>
      {poll.error ? (
        <Notice kind="error" title={response ? 'Live updates failing; showing the last good data' : 'Could not load log patterns'}>
          {poll.error.message}
        </Notice>
      ) : null}
      {poll.loading ? <Notice kind="loading" title="Loading log patterns…" /> : null}
      {response && response.patterns.length === 0 ? (
        <Notice kind="empty" title={query.service ? `No log patterns for ${query.service}` : 'No log patterns yet'}>
          Patterns appear as services send logs to the OTLP endpoint (POST /v1/logs on port 4318): each service's miner groups its lines into templates.
        </Notice>
      ) : null}
      {response && response.patterns.length > 0 ? (
        <div className="panel">
          <LogPatternsTable response={response} query={query} nowMs={services.nowMs()} />
        </div>
      ) : null}
    </section>
  );
}
