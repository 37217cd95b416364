import type { Alert } from '../types.js';
import { SeverityBadge } from './severity-badge.js';
import { StatusBadge } from './status-badge.js';

/** The first cells of every alert row: status, severity, and the alert's name with what it says. */
export function AlertHeadCells({ alert, showResolution = false }: { alert: Alert; showResolution?: boolean }) {
  return (
    <>
      <td>
        <StatusBadge status={alert.status} />
      </td>
      <td>
        <SeverityBadge severity={alert.severity} />
      </td>
      <td>
        <strong>{alert.name}</strong>
        {alert.summary ? <div className="muted small">{alert.summary}</div> : null}
        {showResolution && alert.resolution ? <div className="muted small">{alert.resolution}</div> : null}
      </td>
    </>
  );
}
