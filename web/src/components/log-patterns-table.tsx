import type { LogPatternsQuery } from '../log-query.js';
import { logPatternHref } from '../log-query.js';
import type { LogPattern, LogPatternsResponse } from '../types.js';
import { LogSeverityBadge } from './log-severity-badge.js';
import { Sparkline } from './sparkline.js';
import { TemplateText } from './template-text.js';
import { TimeText } from './time-text.js';

interface Props {
  response: LogPatternsResponse;
  query: LogPatternsQuery;
  nowMs: number;
}

export function LogPatternsTable({ response, query, nowMs }: Props) {
  return (
    <table className="table patterns-table" data-testid="patterns-table">
      <thead>
        <tr>
          <th>Pattern</th>
          <th>Service</th>
          <th>Highest severity</th>
          <th className="num">Count</th>
          <th>Over the window</th>
          <th>First seen</th>
          <th>Last seen</th>
        </tr>
      </thead>
      <tbody>
        {response.patterns.map((pattern) => (
          <PatternRow key={`${pattern.service}/${pattern.templateId}`} pattern={pattern} response={response} query={query} nowMs={nowMs} />
        ))}
      </tbody>
    </table>
  );
}

function PatternRow({ pattern, response, query, nowMs }: { pattern: LogPattern } & Props) {
  return (
    <tr data-testid="pattern-row" data-template-id={pattern.templateId}>
      <td className="pattern-cell">
        <a href={logPatternHref(pattern.templateId, { service: pattern.service, range: query.range })} data-testid="pattern-link">
          <TemplateText template={pattern.template} />
        </a>
        {pattern.changeCount > 0 ? (
          <span className="chip" title="Widened as new lines arrived (same id); the detail shows how">
            refined {pattern.changeCount}×
          </span>
        ) : null}
        {pattern.samples.length > 0 ? (
          <details className="samples">
            <summary>
              {pattern.samples.length} newest {pattern.samples.length === 1 ? 'line' : 'lines'}
            </summary>
            <ul>
              {pattern.samples.map((sample) => (
                <li key={sample.id} className="mono">
                  {sample.body}
                </li>
              ))}
            </ul>
          </details>
        ) : null}
      </td>
      <td>{pattern.service}</td>
      <td>
        <LogSeverityBadge severityNumber={pattern.maxSeverityNumber} severityText={pattern.maxSeverityText} />
      </td>
      <td className="num" data-testid="pattern-count">
        {pattern.count.toLocaleString()}
      </td>
      <td>
        <Sparkline counts={pattern.series} fromMs={response.from} bucketMs={response.bucketMs} />
      </td>
      <td>
        <TimeText ms={pattern.firstSeenMs} nowMs={nowMs} />
      </td>
      <td>
        <TimeText ms={pattern.lastSeenMs} nowMs={nowMs} />
      </td>
    </tr>
  );
}
