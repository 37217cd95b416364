import { episodeWindow } from '../explorer-data.js';
import { explorerHrefFor } from '../explorer-query.js';
import { formatAbsolute, formatDuration } from '../format.js';
import type { AnomalyEpisode } from '../types.js';
import { Notice } from './notice.js';
import { ScoreBar } from './score-bar.js';

interface Props {
  seriesKey: string;
  episodes: readonly AnomalyEpisode[];
  /** End of the window the episodes were found in: where an open episode runs to. */
  windowEndMs: number;
}

/** The episodes the detector would alert on, oldest first as the API sends them. */
export function EpisodeList({ seriesKey, episodes, windowEndMs }: Props) {
  if (episodes.length === 0) {
    return <Notice kind="empty" title="No anomaly episodes in this window">The detector found nothing here it would alert on.</Notice>;
  }
  return (
    <table className="table" data-testid="episode-list">
      <thead>
        <tr>
          <th>Direction</th>
          <th>Start</th>
          <th>End</th>
          <th>Lasted</th>
          <th>Peak score</th>
          <th>Summary</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {episodes.map((episode) => (
          <tr key={episode.startMs} data-testid="episode-row">
            <td>
              <span className="chip">{episode.direction === 'up' ? '↑ up' : '↓ down'}</span>
            </td>
            <td className="nowrap">{formatAbsolute(episode.startMs)}</td>
            <td className="nowrap">{episode.endMs === undefined ? <span className="badge status-firing">open</span> : formatAbsolute(episode.endMs)}</td>
            <td className="nowrap">
              {formatDuration((episode.endMs ?? windowEndMs) - episode.startMs)}
              {episode.endMs === undefined ? <span className="muted"> so far</span> : null}
            </td>
            <td>
              <ScoreBar score={episode.peakScore} />
            </td>
            <td>{episode.summary}</td>
            <td className="nowrap">
              <a href={explorerHrefFor(seriesKey, episodeWindow(episode, windowEndMs))} title="Show this episode with the normal around it">
                zoom
              </a>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
