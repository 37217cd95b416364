import { formatAbsolute, formatMillis } from '../format.js';
import { traceLogsHref } from '../log-query.js';
import { serviceColour } from '../trace-layout.js';
import type { TraceSummary } from '../types.js';

/** What the trace was (its root), when, how long, how big, and its services in their waterfall colours. */
export function TraceHeader({ trace }: { trace: TraceSummary }) {
  return (
    <div className="panel">
      <div className="incident-title-row">
        <h1 className="incident-title" data-testid="trace-title">
          {trace.rootService}: {trace.rootOperation}
        </h1>
        <a className="button" href={traceLogsHref(trace.traceId)} data-testid="trace-logs-link">
          Logs of this trace
        </a>
      </div>
      <dl className="facts">
        <div>
          <dt>Trace</dt>
          <dd className="mono">{trace.traceId}</dd>
        </div>
        <div>
          <dt>Started</dt>
          <dd>{formatAbsolute(trace.startMs)}</dd>
        </div>
        <div>
          <dt>Duration</dt>
          <dd>{formatMillis(trace.durationMs)}</dd>
        </div>
        <div>
          <dt>Spans</dt>
          <dd>{trace.spanCount}</dd>
        </div>
        <div>
          <dt>Errors</dt>
          <dd>{trace.errorCount > 0 ? <span className="badge severity-error">{trace.errorCount}</span> : '0'}</dd>
        </div>
        <div>
          <dt>Services</dt>
          <dd className="service-legend">
            {trace.services.map((service) => (
              <span key={service} className="service-key">
                <span className="service-swatch" style={{ background: serviceColour(service, trace.services) }} />
                {service}
              </span>
            ))}
          </dd>
        </div>
      </dl>
    </div>
  );
}
