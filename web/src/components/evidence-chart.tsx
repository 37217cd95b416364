import { useMemo } from 'react';
import type uPlot from 'uplot';
import { getSeries } from '../api.js';
import { explorerHrefFor } from '../explorer-query.js';
import { chartOptions, type ChartOverlay } from '../chart-options.js';
import { formatValue } from '../format.js';
import type { ChartTarget } from '../incident-window.js';
import { usePoll } from '../use-poll.js';
import { Notice } from './notice.js';
import { TimePlot } from './time-plot.js';

interface Props {
  target: ChartTarget;
  fromMs: number;
  toMs: number;
  incidentStartMs: number;
  /** Undefined while the incident is open. */
  incidentEndMs: number | undefined;
}

export function EvidenceChart({ target, fromMs, toMs, incidentStartMs, incidentEndMs }: Props) {
  // Keyed by series only: the window grows while an incident is open, and re-keying on it
  // would blank the chart on every poll.
  const poll = usePoll(`series:${target.seriesKey}`, (signal) => getSeries(target.seriesKey, fromMs, toMs, signal));
  const points = poll.data?.points;

  const data = useMemo((): uPlot.AlignedData | undefined => {
    if (!points) return undefined;
    const sorted = [...points].sort((a, b) => a.timeMs - b.timeMs);
    const times = sorted.map((point) => point.timeMs);
    const values = sorted.map((point) => point.value);
    if (target.expected === undefined) return [times, values];
    const expected = target.expected;
    return [times, values, times.map(() => expected)];
  }, [points, target.expected]);

  return (
    <div className="evidence">
      <div className="evidence-meta">
        <span className="mono">{target.seriesKey}</span>
        {target.expected !== undefined ? (
          <span className="legend-expected">expected {formatValue(target.expected)}</span>
        ) : null}
        <span className="legend-window">incident window</span>
        <a className="explore-link" href={explorerHrefFor(target.seriesKey, { fromMs, toMs })} title="Band, anomaly score and episodes of this series">
          open in metric explorer ↗
        </a>
      </div>
      {poll.error ? <Notice kind="error" title="Could not load the series">{poll.error.message}</Notice> : null}
      {poll.loading ? <Notice kind="loading" title="Loading series…" /> : null}
      {data && points?.length === 0 ? (
        <Notice kind="empty" title="No points in this window">The store has no data for this series between the window's ends.</Notice>
      ) : null}
      {data && points && points.length > 0 ? (
        <EvidencePlot
          label={target.seriesKey.split('{')[0] ?? target.seriesKey}
          data={data}
          overlay={{ fromMs, toMs, shadeStartMs: incidentStartMs, shadeEndMs: incidentEndMs }}
        />
      ) : null}
    </div>
  );
}

/** The series (and its expected values when the data has them) with the incident's window shaded. */
function EvidencePlot({ label, data, overlay }: { label: string; data: uPlot.AlignedData; overlay: ChartOverlay }) {
  const withExpected = data.length > 2;
  return (
    <TimePlot
      build={(input) => chartOptions({ ...input, label, withExpected })}
      shape={`${label}|${withExpected}`}
      data={data}
      overlay={overlay}
      height={260}
      className="uplot-host"
      redrawKey={`${overlay.shadeStartMs}|${overlay.shadeEndMs ?? 'open'}`}
    />
  );
}
