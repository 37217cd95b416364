import { getCapacityForecasts, getRightsizing } from '../api.js';
import { viewNow } from '../format.js';
import { usePoll } from '../use-poll.js';
import { CapacityForecastCard } from './capacity-forecast-card.js';
import { Notice } from './notice.js';
import { RightsizingTable } from './rightsizing-table.js';

/** Charts of this many series, soonest to run out first; the API lists the rest. */
const CHARTED = 12;
/** Forecasts move slowly and cost a model fit each: poll far less often than the live pages. */
const POLL_MS = 30_000;

/** Capacity: which resources run out when (forecast charts), and how to size CPU and memory. */
export function CapacityPage() {
  const forecasts = usePoll('capacity-forecasts', (signal) => getCapacityForecasts(CHARTED, signal), { intervalMs: POLL_MS });
  const sizing = usePoll('capacity-rightsizing', (signal) => getRightsizing(signal), { intervalMs: POLL_MS });
  const nowMs = viewNow(forecasts.data ? [forecasts.data.atMs] : []);
  return (
    <section>
      <div className="page-head">
        <h1>Capacity</h1>
        {forecasts.data ? <span className="muted">{forecasts.data.forecasts.length} saturation series forecast</span> : null}
      </div>
      <h2>Time to exhaustion</h2>
      {forecasts.error ? <Notice kind="error" title="Forecasts unavailable">{forecasts.error.message}</Notice> : null}
      {forecasts.loading ? <Notice kind="loading" title="Forecasting…" /> : null}
      {forecasts.data && forecasts.data.forecasts.length === 0 ? (
        <Notice kind="empty" title="No saturation series yet">
          Disk, memory, CPU, connection-pool, queue and quota series with a known limit appear here once they have some history (docs/capacity.md).
        </Notice>
      ) : null}
      <div className="capacity-grid">
        {forecasts.data?.forecasts.map((forecast) => <CapacityForecastCard key={forecast.key} forecast={forecast} nowMs={nowMs} />)}
      </div>
      <h2>Right-sizing</h2>
      {sizing.error ? <Notice kind="error" title="Right-sizing unavailable">{sizing.error.message}</Notice> : null}
      {sizing.loading ? <Notice kind="loading" title="Reading usage…" /> : null}
      {sizing.data && sizing.data.rows.length === 0 ? (
        <Notice kind="empty" title="No CPU or memory usage per instance yet">
          Instances that report container CPU usage or memory usage, with their Kubernetes requests and limits, appear here.
        </Notice>
      ) : null}
      {sizing.data && sizing.data.rows.length > 0 ? <RightsizingTable report={sizing.data} /> : null}
    </section>
  );
}
