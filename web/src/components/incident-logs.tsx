import { useRef } from 'react';
import { searchLogs } from '../api.js';
import type { TimeWindow } from '../explorer-query.js';
import { incidentLogsHref } from '../log-query.js';
import { incidentTracesHref } from '../trace-query.js';
import { usePoll } from '../use-poll.js';
import { LogLine } from './log-line.js';
import { Notice } from './notice.js';

/** Enough to see what went wrong; the link has the rest. */
const PREVIEW = 5;

interface Props {
  incidentId: string;
  services: readonly string[];
  /** The incident's chart window: some normal before it, a little after. */
  window: TimeWindow;
}

/** The newest error logs of the incident's services in its window, and the jump to all of its logs. */
export function IncidentLogs({ incidentId, services, window }: Props) {
  // The window grows while the incident is open; each poll reads the newest one.
  const windowRef = useRef(window);
  windowRef.current = window;
  const poll = usePoll(`incident-logs:${incidentId}:${services.join(',')}`, (signal) =>
    services.length === 0 ? Promise.resolve(undefined) : searchLogs({ services, minSeverity: 'error', window: windowRef.current, limit: PREVIEW }, signal),
  );
  const logs = poll.data?.logs;
  return (
    <div className="panel incident-logs">
      <div className="panel-head">
        <h2>
          Error logs <span className="muted">· {services.join(', ') || 'no services'} in the incident window</span>
        </h2>
        {services.length > 0 ? (
          <span className="series-links">
            <a className="explore-link" href={incidentLogsHref(services, window)} data-testid="incident-logs-link">
              error logs ↗
            </a>
            <a className="explore-link" href={incidentLogsHref(services, window, { errorsOnly: false })}>
              all logs ↗
            </a>
            <a className="explore-link" href={incidentTracesHref(services, window)} data-testid="incident-traces-link">
              failed traces ↗
            </a>
          </span>
        ) : null}
      </div>
      {services.length === 0 ? <Notice kind="empty" title="No services to search">This incident names no service.</Notice> : null}
      {poll.error ? <Notice kind="error" title="Could not load the incident's logs">{poll.error.message}</Notice> : null}
      {services.length > 0 && poll.loading ? <Notice kind="loading" title="Loading logs…" /> : null}
      {logs && logs.length === 0 ? (
        <Notice kind="empty" title="No error logs from these services in the window">
          <a href={incidentLogsHref(services, window, { errorsOnly: false })}>See their logs of any severity</a>.
        </Notice>
      ) : null}
      {logs && logs.length > 0 ? (
        <ul className="log-lines">
          {logs.map((log) => (
            <LogLine key={log.id} log={log} />
          ))}
        </ul>
      ) : null}
    </div>
  );
}
