import { explorerHrefFor, type TimeWindow } from '../explorer-query.js';
import type { ChartSelection } from '../incident-window.js';
import type { Cause } from '../types.js';
import { Notice } from './notice.js';
import { ScoreBar } from './score-bar.js';

interface Props {
  causes: readonly Cause[];
  selection: ChartSelection | undefined;
  onSelect: (selection: ChartSelection) => void;
  /** The incident's chart window, which the metric explorer links open on. */
  explorerWindow: TimeWindow;
}

/** Ranked as the server sent them (best first); the first one is the answer, so it stands out. */
export function CauseList({ causes, selection, onSelect, explorerWindow }: Props) {
  if (causes.length === 0) {
    return <Notice kind="empty" title="No root-cause candidates yet">Analysis runs as alerts join the incident.</Notice>;
  }
  // Without an explicit pick the chart follows the first cause that has a series.
  const chartedIndex = selection?.kind === 'cause' ? selection.index : selection ? -1 : causes.findIndex((cause) => cause.series);
  return (
    <ol className="causes">
      {causes.map((cause, index) => {
        const top = index === 0;
        const classes = ['cause', top ? 'cause-top' : '', index === chartedIndex ? 'cause-charted' : ''].filter(Boolean).join(' ');
        return (
          <li key={`${cause.service}/${cause.instance ?? ''}/${cause.indicator}`} className={classes}>
            <span className="cause-rank">#{index + 1}</span>
            <div className="cause-main">
              <div className="cause-line">
                <span className="cause-service" data-testid={top ? 'top-cause' : undefined}>
                  {cause.service}
                </span>
                {cause.instance ? <span className="muted mono">{cause.instance}</span> : null}
                <span className="chip">{cause.indicator}</span>
                <ScoreBar score={cause.score} />
              </div>
              <p className="cause-evidence">{cause.evidence}</p>
              {cause.series ? (
                <div className="series-links">
                  <button className="link-button mono" onClick={() => onSelect({ kind: 'cause', index })} title="Show this series in the chart">
                    {index === chartedIndex ? '▸ charted: ' : 'chart: '}
                    {cause.series}
                  </button>
                  <a className="explore-link" href={explorerHrefFor(cause.series, explorerWindow)} title="Open in the metric explorer: band, anomaly score and episodes" data-testid="explore-cause">
                    explore ↗
                  </a>
                </div>
              ) : null}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
