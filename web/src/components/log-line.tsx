import { formatAbsolute, formatPrecise } from '../format.js';
import { logPatternHref, severityName, traceLogsHref } from '../log-query.js';
import { traceHref } from '../trace-query.js';
import type { LogEntry } from '../types.js';
import { HighlightedText } from './highlighted-text.js';
import { LogSeverityBadge } from './log-severity-badge.js';

/** Long bodies are cut in the tooltip; the line itself wraps. */
const TOOLTIP_CHARS = 2000;

/**
 * One stored log: when, who, how bad, what (the search snippet with its matches marked, or the
 * whole body), and where it leads: its pattern, its trace's waterfall and every log of its trace.
 */
export function LogLine({ log }: { log: LogEntry }) {
  const shortened = log.snippet !== undefined && log.snippet.map((part) => part.text).join('') !== log.body;
  return (
    <li className={`log-line log-line-${severityName(log.severityNumber)}`} data-testid="log-line">
      <time className="log-time mono" dateTime={new Date(log.timeMs).toISOString()} title={formatAbsolute(log.timeMs)}>
        {formatPrecise(log.timeMs)}
      </time>
      <LogSeverityBadge severityNumber={log.severityNumber} severityText={log.severityText} />
      <span className="log-service" title={log.instance ? `instance ${log.instance}` : undefined}>
        {log.service}
      </span>
      <span className="log-body mono" title={shortened ? log.body.slice(0, TOOLTIP_CHARS) : undefined}>
        {log.snippet ? <HighlightedText parts={log.snippet} /> : log.body || <span className="muted">(empty body)</span>}
      </span>
      <span className="log-links">
        {log.templateId ? (
          <a href={logPatternHref(log.templateId, { service: log.service })} title="The pattern this line belongs to" data-testid="log-pattern-link">
            pattern
          </a>
        ) : null}
        {log.traceId ? (
          <>
            <a href={traceHref(log.traceId)} className="mono" title={`The spans of trace ${log.traceId}`} data-testid="log-trace-view-link">
              trace {log.traceId.slice(0, 8)}
            </a>
            <a href={traceLogsHref(log.traceId)} title={`Every log of trace ${log.traceId}`} data-testid="log-trace-link">
              its logs
            </a>
          </>
        ) : null}
      </span>
    </li>
  );
}
