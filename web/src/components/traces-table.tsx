import { formatMillis } from '../format.js';
import { traceHref } from '../trace-query.js';
import type { TraceSummary } from '../types.js';
import { TimeText } from './time-text.js';

/** One row per trace: its root, when, how long, how big, whether anything failed, who took part. */
export function TracesTable({ traces, nowMs }: { traces: readonly TraceSummary[]; nowMs: number }) {
  return (
    <table className="table traces-table">
      <thead>
        <tr>
          <th>Trace</th>
          <th>Started</th>
          <th className="num">Duration</th>
          <th className="num">Spans</th>
          <th className="num">Errors</th>
          <th>Services</th>
        </tr>
      </thead>
      <tbody>
        {traces.map((trace) => (
          <tr key={trace.traceId} data-testid="trace-row" className={trace.errorCount > 0 ? 'trace-failed' : undefined}>
            <td className="title-cell">
              <a href={traceHref(trace.traceId)} data-testid="trace-link">
                {trace.rootService}: {trace.rootOperation}
              </a>
              <div className="muted mono small">{trace.traceId}</div>
            </td>
            <td>
              <TimeText ms={trace.startMs} nowMs={nowMs} />
            </td>
            <td className="num nowrap">{formatMillis(trace.durationMs)}</td>
            <td className="num">{trace.spanCount}</td>
            <td className="num">{trace.errorCount > 0 ? <span className="badge severity-error">{trace.errorCount}</span> : <span className="muted">0</span>}</td>
            <td>
              {trace.services.map((service) => (
                <span key={service} className="chip trace-service">
                  {service}
                </span>
              ))}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
