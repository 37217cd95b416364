import { formatMillis, formatPrecise } from '../format.js';
import { traceLogsHref } from '../log-query.js';
import { redSeriesLinks } from '../trace-query.js';
import type { TraceSpan, TraceSummary } from '../types.js';

/** One span: what, who, how long and how much of it was its own, its attributes, and where to look next. */
export function SpanDetails({ span, trace }: { span: TraceSpan; trace: TraceSummary }) {
  const failed = span.status === 'error';
  const attributes = Object.entries(span.attributes).sort(([a], [b]) => a.localeCompare(b));
  return (
    <div className="span-details" data-testid="span-details">
      <h2>
        {span.service} <span className="muted">· {span.name}</span>
      </h2>
      {failed ? (
        <p className="span-status-error" role="note">
          <span className="badge severity-error">error</span> {span.statusMessage ?? 'no status message'}
        </p>
      ) : null}
      <dl className="span-facts">
        <dt>Duration</dt>
        <dd>{formatMillis(span.durationMs)}</dd>
        <dt title="Duration minus the time covered by its children: where this span spent time itself">Self time</dt>
        <dd data-testid="span-self-time">{formatMillis(span.selfTimeMs)}</dd>
        <dt>Starts</dt>
        <dd>
          +{formatMillis(span.startMs - trace.startMs)} <span className="muted">({formatPrecise(span.startMs)})</span>
        </dd>
        <dt>Kind</dt>
        <dd>{span.kind}</dd>
        <dt>Status</dt>
        <dd>{span.status}</dd>
        {span.instance ? (
          <>
            <dt>Instance</dt>
            <dd className="mono">{span.instance}</dd>
          </>
        ) : null}
        {span.peerService ? (
          <>
            <dt>Calls</dt>
            <dd>{span.peerService}</dd>
          </>
        ) : null}
        <dt>Span id</dt>
        <dd className="mono">{span.spanId}</dd>
        {span.parentSpanId ? (
          <>
            <dt>Parent</dt>
            <dd className="mono">{span.parentSpanId}</dd>
          </>
        ) : null}
      </dl>
      <div className="span-links">
        <a href={traceLogsHref(trace.traceId)} data-testid="span-logs-link">
          Logs of this trace
        </a>
        <span className="muted">{span.service} around this span:</span>
        {redSeriesLinks(span.service, span.startMs).map((link) => (
          <a key={link.label} href={link.href} data-testid="span-metrics-link">
            {link.label} ↗
          </a>
        ))}
      </div>
      <h2 className="span-attributes-title">Attributes</h2>
      {attributes.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <table className="table attributes-table" data-testid="span-attributes">
          <tbody>
            {attributes.map(([key, value]) => (
              <tr key={key}>
                <th className="mono">{key}</th>
                <td className="mono">{String(value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
