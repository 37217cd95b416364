import { formatScore } from '../format.js';
import type { Incident } from '../types.js';
import { incidentHref } from '../use-hash-route.js';
import { SeverityBadge } from './severity-badge.js';
import { StatusBadge } from './status-badge.js';
import { TimeText } from './time-text.js';

export function IncidentsTable({ incidents, nowMs }: { incidents: readonly Incident[]; nowMs: number }) {
  return (
    <table className="table incidents-table">
      <thead>
        <tr>
          <th>Status</th>
          <th>Severity</th>
          <th>Title</th>
          <th>Services</th>
          <th>Started</th>
          <th>Top cause</th>
        </tr>
      </thead>
      <tbody>
        {incidents.map((incident) => {
          const top = incident.causes[0];
          return (
            <tr key={incident.id} data-testid="incident-row">
              <td>
                <StatusBadge status={incident.status} />
              </td>
              <td>
                <SeverityBadge severity={incident.severity} />
              </td>
              <td className="title-cell">
                <a href={incidentHref(incident.id)}>{incident.title}</a>
              </td>
              <td>{incident.services.join(', ') || <span className="muted">—</span>}</td>
              <td>
                <TimeText ms={incident.startedMs} nowMs={nowMs} />
              </td>
              <td>
                {top ? (
                  <span className="top-cause-cell">
                    <strong>{top.service}</strong> <span className="muted">{formatScore(top.score)} · {top.indicator}</span>
                  </span>
                ) : (
                  <span className="muted">analysing…</span>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
