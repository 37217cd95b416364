import { formatAbsolute, formatClock } from '../format.js';
import { incidentHref } from '../use-hash-route.js';
import type { Alert } from '../types.js';
import { AlertHeadCells } from './alert-cells.js';

interface Props {
  alerts: readonly Alert[];
  onSilence: (alert: Alert) => void;
}

/** Every alert with what holds it back (a silence, flapping) and a way to silence it. */
export function AlertListTable({ alerts, onSilence }: Props) {
  return (
    <table className="table">
      <thead>
        <tr>
          <th>Status</th>
          <th>Severity</th>
          <th>Alert</th>
          <th>Service</th>
          <th>Source</th>
          <th>Held</th>
          <th>First / last seen</th>
          <th className="num">Count</th>
          <th>Incident</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {alerts.map((alert) => (
          <tr key={alert.id} data-testid="alert-row">
            <AlertHeadCells alert={alert} showResolution />
            <td>{alert.service ?? <span className="muted">—</span>}</td>
            <td className="muted">{alert.source}</td>
            <td>
              {alert.flapping ? (
                <span className="chip" title={alert.flapReason} data-testid="alert-flapping">
                  flapping
                </span>
              ) : null}{' '}
              {alert.silencedBy ? (
                <a className="chip" href="#/silences" title={alert.silencedBy.join(', ')} data-testid="alert-silenced">
                  silenced
                </a>
              ) : null}
            </td>
            <td className="small nowrap" title={`${formatAbsolute(alert.startsMs)} → ${formatAbsolute(alert.lastSeenMs)}`}>
              {formatClock(alert.startsMs)} <span className="muted">→ {formatClock(alert.lastSeenMs)}</span>
            </td>
            <td className="num">{alert.count}</td>
            <td>{alert.incidentId ? <a href={incidentHref(alert.incidentId)}>open</a> : <span className="muted">—</span>}</td>
            <td>
              <button className="link-button" onClick={() => onSilence(alert)}>
                Silence…
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
