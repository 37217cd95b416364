import { Fragment } from 'react';
import { explorerHrefFor, type TimeWindow } from '../explorer-query.js';
import { formatAbsolute, formatClock, formatValue } from '../format.js';
import type { ChartSelection } from '../incident-window.js';
import { logEvidenceHref } from '../log-query.js';
import type { Alert } from '../types.js';
import { AlertHeadCells } from './alert-cells.js';
import { Notice } from './notice.js';
import { TraceEvidenceLinks } from './trace-evidence-links.js';
import { WhyGrouped } from './why-grouped.js';

/** Checkboxes for choosing alerts to split off; absent when the incident cannot be regrouped. */
export interface AlertPicking {
  picked: ReadonlySet<string>;
  onPick: (alertId: string, picked: boolean) => void;
}

interface Props {
  alerts: readonly Alert[];
  selection: ChartSelection | undefined;
  onSelect: (selection: ChartSelection) => void;
  /** The incident's chart window, which the metric explorer links open on. */
  explorerWindow: TimeWindow;
  picking: AlertPicking | undefined;
}

/** Column count of an alert's row, which its why-grouped row spans. */
const ALERT_COLUMNS = 8;

export function AlertsTable({ alerts, selection, onSelect, explorerWindow, picking }: Props) {
  if (alerts.length === 0) return <Notice kind="empty" title="No alerts attached" />;
  return (
    <table className="table">
      <thead>
        <tr>
          {picking ? <th aria-label="Split off" /> : null}
          <th>Status</th>
          <th>Severity</th>
          <th>Alert</th>
          <th>Service</th>
          <th>Source</th>
          <th>Evidence</th>
          <th>First / last seen</th>
          <th className="num">Count</th>
        </tr>
      </thead>
      <tbody>
        {alerts.map((alert) => {
          const charted = selection?.kind === 'alert' && selection.id === alert.id;
          return (
            <Fragment key={alert.id}>
              <tr className={charted ? 'row-selected alert-row' : 'alert-row'}>
                {picking ? (
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`Split off ${alert.name}`}
                      data-testid="split-pick"
                      checked={picking.picked.has(alert.id)}
                      onChange={(e) => picking.onPick(alert.id, e.target.checked)}
                    />
                  </td>
                ) : null}
                <AlertHeadCells alert={alert} />
                <td>
                  {alert.service ?? <span className="muted">—</span>}
                  {alert.instance ? <div className="muted mono small">{alert.instance}</div> : null}
                </td>
                <td className="muted">{alert.source}</td>
                <td>
                  {alert.evidence ? (
                    <>
                      <button className="link-button" onClick={() => onSelect({ kind: 'alert', id: alert.id })} title={alert.evidence.series}>
                        {alert.evidence.metric} {alert.evidence.direction === 'up' ? '↑' : '↓'} {formatValue(alert.evidence.value)}
                        <span className="muted"> vs {formatValue(alert.evidence.expected)} (z {formatValue(alert.evidence.score)})</span>
                      </button>{' '}
                      <a className="explore-link" href={explorerHrefFor(alert.evidence.series, explorerWindow)} title="Open in the metric explorer: band, anomaly score and episodes">
                        explore ↗
                      </a>
                    </>
                  ) : null}
                  {alert.logs ? (
                    <a
                      className="explore-link"
                      href={logEvidenceHref(alert.logs, alert.endsMs ?? alert.lastSeenMs)}
                      title={alert.logs.templates.map((template) => template.template).join('\n')}
                      data-testid="alert-logs-link"
                    >
                      {alert.logs.templates.length === 1 ? 'its log lines ↗' : `log lines of ${alert.logs.templates.length} templates ↗`}
                    </a>
                  ) : null}
                  {alert.traces ? <TraceEvidenceLinks evidence={alert.traces} fromMs={alert.startsMs} toMs={alert.endsMs ?? alert.lastSeenMs} /> : null}
                  {!alert.evidence && !alert.logs && !alert.traces ? <span className="muted">—</span> : null}
                </td>
                <td className="small nowrap" title={`${formatAbsolute(alert.startsMs)} → ${formatAbsolute(alert.lastSeenMs)}`}>
                  {formatClock(alert.startsMs)} <span className="muted">→ {formatClock(alert.lastSeenMs)}</span>
                </td>
                <td className="num">{alert.count}</td>
              </tr>
              {alert.correlation ? (
                <tr className={charted ? 'row-selected why-row' : 'why-row'}>
                  <td colSpan={ALERT_COLUMNS + (picking ? 1 : 0)}>
                    <WhyGrouped correlation={alert.correlation} />
                  </td>
                </tr>
              ) : null}
            </Fragment>
          );
        })}
      </tbody>
    </table>
  );
}
