import { useState } from 'react';
import { changeIncident } from '../api.js';
import { formatAbsolute, formatDuration } from '../format.js';
import { incidentEndMs, isOpen } from '../incident-window.js';
import type { Alert, Incident } from '../types.js';
import { SeverityBadge } from './severity-badge.js';
import { StatusBadge } from './status-badge.js';
import { TimeText } from './time-text.js';

type Action = 'acknowledge' | 'resolve' | 'close';

interface Props {
  incident: Incident;
  alerts: readonly Alert[];
  nowMs: number;
  /** Called after an action succeeded, so the page fetches the new state at once. */
  onChanged: () => void;
}

export function IncidentHeader({ incident, alerts, nowMs, onChanged }: Props) {
  const [pending, setPending] = useState<Action | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  // Shown until the next poll lands, so the click has a visible effect straight away.
  const [optimistic, setOptimistic] = useState<Incident | undefined>(undefined);
  const shown = optimistic && optimistic.updatedMs >= incident.updatedMs ? optimistic : incident;

  const act = async (action: Action): Promise<void> => {
    setPending(action);
    setError(undefined);
    try {
      setOptimistic(await changeIncident(incident.id, action));
      onChanged();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setPending(undefined);
    }
  };

  const open = isOpen(shown);
  const endMs = incidentEndMs(shown, alerts);
  const duration = formatDuration(endMs - shown.startedMs);
  return (
    <div className="incident-header panel">
      <div className="incident-title-row">
        <StatusBadge status={shown.status} testId="incident-status" />
        <SeverityBadge severity={shown.severity} />
        {shown.priority ? <span className="badge priority" data-testid="incident-priority">{shown.priority}</span> : null}
        <h1 className="incident-title">{shown.title}</h1>
        <div className="actions">
          <button className="button" disabled={shown.status !== 'triggered' || pending !== undefined} onClick={() => void act('acknowledge')}>
            {pending === 'acknowledge' ? 'Acknowledging…' : 'Acknowledge'}
          </button>
          <button className="button primary" disabled={!open || pending !== undefined} onClick={() => void act('resolve')}>
            {pending === 'resolve' ? 'Resolving…' : 'Resolve'}
          </button>
          <button
            className="button"
            disabled={shown.status !== 'resolved' || pending !== undefined}
            title="Closing is final: a closed incident never reopens"
            onClick={() => void act('close')}
          >
            {pending === 'close' ? 'Closing…' : 'Close'}
          </button>
        </div>
      </div>
      <dl className="facts">
        <div>
          <dt>Started</dt>
          <dd>
            <TimeText ms={shown.startedMs} nowMs={nowMs} inline />
          </dd>
        </div>
        <div>
          <dt>Duration</dt>
          <dd>
            {/* Open incidents are measured to their last event, not the viewer's clock, which
                may be hours away from replayed data: hence "at least". */}
            {open ? `≥ ${duration}` : duration}
            {open ? <span className="muted"> (ongoing; last activity {formatAbsolute(endMs)})</span> : null}
          </dd>
        </div>
        <div>
          <dt>Services</dt>
          <dd>{shown.services.join(', ') || '—'}</dd>
        </div>
        {shown.acknowledgedMs !== undefined ? (
          <div>
            <dt>Acknowledged</dt>
            <dd>
              <TimeText ms={shown.acknowledgedMs} nowMs={nowMs} inline />
            </dd>
          </div>
        ) : null}
        <div>
          <dt>Assignee</dt>
          <dd data-testid="incident-assignee">
            {shown.assignee ?? <span className="muted">unassigned</span>}
            {shown.team ? <span className="muted"> · {shown.team}</span> : null}
          </dd>
        </div>
        {shown.resolution ? (
          <div>
            <dt>Resolution</dt>
            <dd>{shown.resolution}</dd>
          </div>
        ) : null}
        <div>
          <dt>ID</dt>
          <dd className="mono">{shown.id}</dd>
        </div>
      </dl>
      {error ? (
        <p className="inline-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
