/**
 * One node of the map in detail: its stats, operations, instances, callers and callees, firing
 * alerts and open incidents, with jumps to its metrics and its logs over the same window.
 */
import { getServiceDetail } from '../api.js';
import { explorerHrefFor, type ExplorerRange, type TimeWindow } from '../explorer-query.js';
import { formatMillis } from '../format.js';
import { logSearchHref } from '../log-query.js';
import { formatRate, formatRatio } from '../map-format.js';
import type { Neighbour, ServiceDetailResponse } from '../types.js';
import { incidentHref } from '../use-hash-route.js';
import { MAP_POLL_MS } from '../map-query.js';
import { usePoll } from '../use-poll.js';
import { HealthBadge } from './health-badge.js';
import { MapStatsCells, MapStatsHeads } from './map-stats-cells.js';
import { Notice } from './notice.js';

interface Props {
  service: string;
  range: ExplorerRange;
  /** Resolves the range at each poll, so "last 15 min" moves with the clock. */
  windowOf: () => TimeWindow;
  onSelect: (name: string) => void;
  onClose: () => void;
}

export function ServiceDrilldown({ service, range, windowOf, onSelect, onClose }: Props) {
  const poll = usePoll(`service:${service}:${JSON.stringify(range)}`, (signal) => getServiceDetail(service, windowOf(), signal), { intervalMs: MAP_POLL_MS });
  return (
    <aside className="panel drilldown" data-testid="service-drilldown" aria-label={`Details of ${service}`}>
      <div className="panel-head">
        <h2>{service}</h2>
        <button className="link-button" onClick={onClose} aria-label="Close details">
          ✕ Close
        </button>
      </div>
      {poll.error ? <Notice kind="error" title={`Could not load ${service}`}>{poll.error.message}</Notice> : null}
      {poll.loading ? <Notice kind="loading" title={`Loading ${service}…`} /> : null}
      {poll.data ? <DrilldownBody detail={poll.data} range={range} onSelect={onSelect} /> : null}
    </aside>
  );
}

function DrilldownBody({ detail, range, onSelect }: { detail: ServiceDetailResponse; range: ExplorerRange; onSelect: (name: string) => void }) {
  const { node } = detail;
  const window = { fromMs: detail.from, toMs: detail.to };
  const series = (name: string) => explorerHrefFor(`${name}{service="${node.name}"}`, window);
  return (
    <>
      <p className="drilldown-facts">
        <HealthBadge health={node.health} /> <span className="muted">{node.kind}{node.system ? ` · ${node.system}` : ''}</span>
      </p>
      {node.health.reasons.length > 0 ? (
        <ul className="small">
          {node.health.reasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      ) : null}
      <dl className="facts" data-testid="drilldown-stats">
        <div><dt>Rate</dt><dd>{formatRate(node.stats.ratePerSec)}</dd></div>
        <div><dt>Errors</dt><dd>{formatRatio(node.stats.errorRatio)}</dd></div>
        <div><dt>p50 / p95 / p99</dt><dd>{formatMillis(node.stats.p50Ms)} / {formatMillis(node.stats.p95Ms)} / {formatMillis(node.stats.p99Ms)}</dd></div>
      </dl>
      <p className="series-links">
        {node.kind === 'service' ? (
          <>
            <a className="explore-link" href={series('opsloop.service.latency_p95')} data-testid="drilldown-metrics-link">p95 latency in the explorer</a>
            <a className="explore-link" href={series('opsloop.service.error_ratio')}>error ratio</a>
            <a className="explore-link" href={series('opsloop.service.request_rate')}>request rate</a>
          </>
        ) : null}
        <a className="explore-link" href={logSearchHref({ services: [node.name], range })} data-testid="drilldown-logs-link">its logs</a>
      </p>
      {detail.truncated ? <p className="muted small">The window held more spans than one answer reads; these stats cover its newest.</p> : null}

      <h3>Operations</h3>
      {detail.operations.length === 0 ? (
        <p className="muted small">{node.kind === 'service' ? 'No server or consumer spans in this window.' : 'Not instrumented: known only from its callers’ spans.'}</p>
      ) : (
        <table className="table" data-testid="drilldown-operations">
          <thead>
            <tr><th>Operation</th><MapStatsHeads /></tr>
          </thead>
          <tbody>
            {detail.operations.map((operation) => (
              <tr key={`${operation.kind}:${operation.name}`}>
                <td>{operation.name}{operation.kind === 'consumer' ? <span className="muted"> · consumer</span> : null}</td>
                <MapStatsCells stats={operation.stats} />
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {node.instances.length > 0 ? (
        <>
          <h3>Instances</h3>
          <table className="table" data-testid="drilldown-instances">
            <thead>
              <tr><th>Instance</th><th>Host</th><MapStatsHeads /></tr>
            </thead>
            <tbody>
              {node.instances.map((instance) => (
                <tr key={instance.name}>
                  <td className="mono">{instance.name}</td>
                  <td className="mono">{instance.host ?? <span className="muted">—</span>}</td>
                  <MapStatsCells stats={instance.stats} />
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}

      <Neighbours title="Callers" neighbours={detail.callers} onSelect={onSelect} />
      <Neighbours title="Callees" neighbours={detail.callees} onSelect={onSelect} />

      <h3>Firing alerts</h3>
      {detail.alerts.length === 0 ? (
        <p className="muted small">None.</p>
      ) : (
        <ul className="small">
          {detail.alerts.map((alert) => (
            <li key={alert.id}>
              <span className={`badge severity-${alert.severity}`}>{alert.severity}</span> {alert.summary}
              {alert.incidentId ? <> · <a href={incidentHref(alert.incidentId)}>incident</a></> : null}
            </li>
          ))}
        </ul>
      )}
      {detail.incidents.length > 0 ? (
        <>
          <h3>Open incidents</h3>
          <ul className="small">
            {detail.incidents.map((incident) => (
              <li key={incident.id}>
                <a href={incidentHref(incident.id)}>{incident.title}</a> <span className="muted">· {incident.status}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

function Neighbours({ title, neighbours, onSelect }: { title: string; neighbours: readonly Neighbour[]; onSelect: (name: string) => void }) {
  return (
    <>
      <h3>{title}</h3>
      {neighbours.length === 0 ? (
        <p className="muted small">None in this window.</p>
      ) : (
        <ul className="neighbours small">
          {neighbours.map(({ name, kind, edge }) => (
            <li key={name}>
              <button className="link-button" onClick={() => onSelect(name)}>{name}</button>{' '}
              <span className="muted">
                {kind} · {formatRate(edge.stats.ratePerSec)} · {formatRatio(edge.stats.errorRatio)} errors · p95 {formatMillis(edge.stats.p95Ms)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
