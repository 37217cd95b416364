import { formatAbsolute, formatDuration } from '../format.js';
import type { Change } from '../types.js';
import { Notice } from './notice.js';

/** Deploys and config changes near the incident: what root-cause analysis weighs, including those before it started. */
export function IncidentChanges({ changes, startedMs }: { changes: readonly Change[]; startedMs: number }) {
  return (
    <div className="panel" data-testid="incident-changes">
      <h2>
        Changes <span className="muted">· its services and their neighbours, from 30 min before the start</span>
      </h2>
      {changes.length === 0 ? (
        <Notice kind="empty" title="No changes near this incident">Send deploys and config changes to POST /api/v1/changes.</Notice>
      ) : (
        <ul className="timeline">
          {changes.map((change) => (
            <li key={change.id} className="timeline-entry kind-change">
              <span className="timeline-time mono">{formatAbsolute(change.timeMs)}</span>
              <span className="chip">{change.kind.replaceAll('_', ' ')}</span>
              <span className="timeline-message">
                <strong>{change.service}</strong>
                {change.version ? ` ${change.version}` : ''} {change.description}
                <span className="muted">
                  {' '}
                  — {change.timeMs < startedMs ? `${formatDuration(startedMs - change.timeMs)} before the start` : `${formatDuration(change.timeMs - startedMs)} after the start`}
                </span>
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
