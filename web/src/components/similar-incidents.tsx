import { getSimilarIncidents } from '../api.js';
import { formatAbsolute } from '../format.js';
import { incidentHref } from '../use-hash-route.js';
import { usePoll } from '../use-poll.js';
import { Notice } from './notice.js';
import { StatusBadge } from './status-badge.js';

/** Similar incidents change only when incidents do: poll slowly. */
const SIMILAR_POLL_MS = 30_000;

export function SimilarIncidents({ incidentId }: { incidentId: string }) {
  const poll = usePoll(`similar:${incidentId}`, (signal) => getSimilarIncidents(incidentId, signal), { intervalMs: SIMILAR_POLL_MS });
  return (
    <div className="panel" data-testid="similar-incidents">
      <h2>
        Similar incidents <span className="muted">· BM25 over titles, alerts, log templates, services and labels</span>
      </h2>
      {poll.error ? <Notice kind="error" title="Could not load similar incidents">{poll.error.message}</Notice> : null}
      {poll.loading ? <Notice kind="loading" title="Looking for similar incidents…" /> : null}
      {poll.data && poll.data.similar.length === 0 ? <Notice kind="empty" title="Nothing similar yet" /> : null}
      {poll.data && poll.data.similar.length > 0 ? (
        <ul className="similar-list">
          {poll.data.similar.map(({ incident, score, terms, postmortem, problemId }) => (
            <li key={incident.id} className="similar-item">
              <div className="cause-line">
                <StatusBadge status={incident.status} />
                <a href={incidentHref(incident.id)} data-testid="similar-link">
                  {incident.title}
                </a>
                <span className="muted small">{formatAbsolute(incident.startedMs)}</span>
                <span className="score-value" title="BM25 score">
                  {score.toFixed(1)}
                </span>
              </div>
              <div className="small">
                {incident.resolution ? <span>Resolved: {incident.resolution}</span> : <span className="muted">No resolution note</span>}
                {postmortem ? (
                  <>
                    {' · '}
                    <a href={incidentHref(incident.id)}>postmortem</a>
                  </>
                ) : null}
                {problemId ? <span className="muted"> · problem {problemId}</span> : null}
              </div>
              <div className="muted small">shares: {terms.join(', ')}</div>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
