import { capacityChartOptions, type CapacityOverlay } from '../capacity-chart-options.js';
import { capacityData, capacityWindow } from '../capacity-data.js';
import { formatAbsolute, formatRelative } from '../format.js';
import { explorerHrefFor } from '../explorer-query.js';
import type { CapacityForecast } from '../types.js';
import { TimePlot } from './time-plot.js';

/** One saturation series: when it runs out (with its range) and the chart of history and forecast. */
export function CapacityForecastCard({ forecast, nowMs }: { forecast: CapacityForecast; nowMs: number }) {
  const window = capacityWindow(forecast);
  const overlay: CapacityOverlay = { ...window, limit: forecast.limit, expectedMs: forecast.exhaustion.expectedMs };
  return (
    <div className="panel capacity-card" data-testid="capacity-forecast">
      <div className="panel-head">
        <h2>
          {forecast.resource} · {forecast.instance ?? forecast.service}
        </h2>
        <a className="muted" href={explorerHrefFor(forecast.key, { fromMs: window.fromMs, toMs: forecast.current.timeMs })}>
          {forecast.name}
        </a>
      </div>
      <p className="capacity-eta" data-testid="capacity-eta">
        <ExhaustionText forecast={forecast} nowMs={nowMs} />
      </p>
      <TimePlot build={capacityChartOptions} shape={forecast.key} data={capacityData(forecast)} overlay={overlay} height={180} className="capacity-chart" />
    </div>
  );
}

function ExhaustionText({ forecast, nowMs }: { forecast: CapacityForecast; nowMs: number }) {
  const { exhaustedNow, expectedMs, earliestMs, latestMs } = forecast.exhaustion;
  const used = `${(forecast.utilisation * 100).toFixed(1)} % of its limit now`;
  if (exhaustedNow) return <strong className="capacity-exhausted">At its limit now</strong>;
  if (expectedMs === undefined) {
    return (
      <>
        Not forecast to run out{earliestMs === undefined ? '' : ` (the upper band reaches the limit ${formatRelative(earliestMs, nowMs)})`} · {used}
      </>
    );
  }
  return (
    <>
      <strong className="capacity-soon">Runs out {formatRelative(expectedMs, nowMs)}</strong> ({formatAbsolute(expectedMs)}; between {formatAbsolute(earliestMs ?? expectedMs)} and{' '}
      {latestMs === undefined ? 'beyond the horizon' : formatAbsolute(latestMs)}) · {used}
    </>
  );
}
