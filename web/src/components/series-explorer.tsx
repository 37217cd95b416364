import { useMemo } from 'react';
import { getSeriesScores } from '../api.js';
import { scoreChartOptions, valueChartOptions } from '../explorer-chart-options.js';
import { learningPoints, scoreColumns, valueColumns } from '../explorer-data.js';
import { explorerHrefFor, rangeId, resolveRange, type ExplorerRange } from '../explorer-query.js';
import { formatAbsolute, viewNow } from '../format.js';
import { usePoll } from '../use-poll.js';
import { EpisodeList } from './episode-list.js';
import { TimePlot } from './time-plot.js';
import { Notice } from './notice.js';

const HOUR = 3_600_000;

interface Props {
  seriesKey: string;
  range: ExplorerRange;
  /** The series' newest point when known: "last 1 h" ends there if the data runs ahead of the clock (the demo does). */
  lastMs: number | undefined;
}

/** One series as the detector sees it: value against its band, the score, and the episodes. */
export function SeriesExplorer({ seriesKey, range, lastMs }: Props) {
  const poll = usePoll(`scores:${seriesKey}:${rangeId(range)}`, async (signal) => {
    // Resolved on every poll, so "last 15 min" keeps moving with time.
    const shown = resolveRange(range, viewNow(lastMs === undefined ? [] : [lastMs]));
    const scores = await getSeriesScores(seriesKey, shown.fromMs, shown.toMs, signal);
    return { shown, scores };
  });
  const points = poll.data?.scores.points;
  const valueData = useMemo(() => (points ? valueColumns(points) : undefined), [points]);
  const scoreData = useMemo(() => (points ? scoreColumns(points) : undefined), [points]);

  if (!poll.data) {
    return poll.error ? (
      <Notice kind="error" title="Could not load the series' scores">{poll.error.message}</Notice>
    ) : (
      <Notice kind="loading" title="Scoring the series…" />
    );
  }

  const { shown, scores } = poll.data;
  const overlay = { fromMs: shown.fromMs, toMs: shown.toMs, episodes: scores.episodes };
  const learning = learningPoints(scores.points);
  return (
    <div className="explorer">
      {poll.error ? <Notice kind="error" title="Live updates failing; showing the last good data">{poll.error.message}</Notice> : null}
      <div className="evidence-meta">
        <span className="mono" data-testid="explorer-key">{seriesKey}</span>
        {scores.points.length > 0 ? (
          <>
            <span className="legend-expected">expected</span>
            <span className="legend-band">normal band</span>
            <span className="legend-anomalous">anomalous point</span>
            <span className="legend-episode">anomaly episode</span>
          </>
        ) : null}
      </div>
      {scores.points.length === 0 ? (
        <Notice kind="empty" title="No points in this window">
          The store has no data for this series between {formatAbsolute(shown.fromMs)} and {formatAbsolute(shown.toMs)}.
          {lastMs !== undefined && lastMs < shown.fromMs ? (
            <>
              {' '}Its last point is at {formatAbsolute(lastMs)}: <a href={explorerHrefFor(seriesKey, { fromMs: lastMs - HOUR, toMs: lastMs })}>show the hour before it</a>.
            </>
          ) : null}
        </Notice>
      ) : null}
      {valueData && scoreData && scores.points.length > 0 ? (
        <>
          <TimePlot
            build={(input) => valueChartOptions({ ...input, label: scores.name })}
            shape={`value:${scores.name}`}
            data={valueData}
            overlay={overlay}
            height={280}
            className="uplot-host"
            testId="value-chart"
          />
          <h2 className="strip-title">
            Anomaly score <span className="muted">· 0 as expected, 1 certainly anomalous; dashed line at 0.5, the default threshold</span>
          </h2>
          <TimePlot build={scoreChartOptions} shape="score" data={scoreData} overlay={overlay} height={120} className="uplot-host uplot-strip" testId="score-chart" />
          <p className="muted small">
            The detector replayed {scores.warmUpPoints} earlier points before this window.
            {learning > 0 ? ` ${learning} points have no score yet: the series was still being learned.` : ''}
          </p>
          <h2 className="strip-title">
            Anomaly episodes <span className="muted">· {scores.episodes.length}</span>
          </h2>
          <EpisodeList seriesKey={seriesKey} episodes={scores.episodes} windowEndMs={shown.toMs} />
        </>
      ) : null}
    </div>
  );
}
