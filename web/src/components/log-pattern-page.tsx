import { getLogPattern } from '../api.js';
import { rangeId, resolveRange } from '../explorer-query.js';
import { logPatternHref, logPatternsHref, logSearchHref, type LogPatternsQuery } from '../log-query.js';
import { useKnownServices } from '../use-known-services.js';
import { usePoll } from '../use-poll.js';
import { LogLine } from './log-line.js';
import { LogSeverityBadge } from './log-severity-badge.js';
import { Notice } from './notice.js';
import { PatternChanges } from './pattern-changes.js';
import { PatternParameters } from './pattern-parameters.js';
import { RangePicker } from './range-picker.js';
import { Sparkline } from './sparkline.js';
import { TemplateText } from './template-text.js';
import { TimeText } from './time-text.js';

const BUCKETS = 60;
const SAMPLES = 10;

/** One template: what varies in it, how it changed, its newest lines, and the way to all of them. */
export function LogPatternPage({ templateId, query }: { templateId: string; query: LogPatternsQuery }) {
  const services = useKnownServices();
  const poll = usePoll(`log-pattern:${templateId}:${query.service ?? ''}:${rangeId(query.range)}`, (signal) =>
    getLogPattern(templateId, { service: query.service, window: resolveRange(query.range, services.nowMs()), buckets: BUCKETS, samples: SAMPLES }, signal),
  );
  const crumbs = (
    <p className="crumbs">
      <a href={logPatternsHref({ service: query.service, range: query.range })}>← Log patterns</a>
    </p>
  );
  if (!poll.data) {
    return (
      <section>
        {crumbs}
        {poll.error ? <Notice kind="error" title={`Could not load log pattern ${templateId}`}>{poll.error.message}</Notice> : <Notice kind="loading" title="Loading log pattern…" />}
      </section>
    );
  }

  const { pattern, parameters, linesExamined, changes, from, bucketMs } = poll.data;
  const nowMs = services.nowMs();
  return (
    <section className="log-pattern-page">
      {crumbs}
      {poll.error ? <Notice kind="error" title="Live updates failing; showing the last good data">{poll.error.message}</Notice> : null}
      <div className="panel">
        <h1 className="pattern-title" data-testid="pattern-template">
          <TemplateText template={pattern.template} numbered />
        </h1>
        <dl className="facts">
          <div>
            <dt>Service</dt>
            <dd>{pattern.service}</dd>
          </div>
          <div>
            <dt>Highest severity</dt>
            <dd>
              <LogSeverityBadge severityNumber={pattern.maxSeverityNumber} severityText={pattern.maxSeverityText} />
            </dd>
          </div>
          <div>
            <dt>Count</dt>
            <dd data-testid="pattern-count">{pattern.count.toLocaleString()}</dd>
          </div>
          <div>
            <dt>First seen</dt>
            <dd>
              <TimeText ms={pattern.firstSeenMs} nowMs={nowMs} inline />
            </dd>
          </div>
          <div>
            <dt>Last seen</dt>
            <dd>
              <TimeText ms={pattern.lastSeenMs} nowMs={nowMs} inline />
            </dd>
          </div>
          <div>
            <dt>ID</dt>
            <dd className="mono">{pattern.templateId}</dd>
          </div>
        </dl>
        <p className="pattern-actions">
          <a className="button" href={logSearchHref({ services: [pattern.service], templateId: pattern.templateId })} data-testid="pattern-search-link">
            Search its logs →
          </a>
        </p>
      </div>
      <div className="panel">
        <div className="panel-head">
          <h2>Count over time</h2>
          <RangePicker range={query.range} hrefFor={(range) => logPatternHref(templateId, { service: query.service, range })} />
        </div>
        <Sparkline counts={pattern.series} fromMs={from} bucketMs={bucketMs} height={80} wide />
      </div>
      <div className="pattern-grid">
        <div className="panel">
          <h2>Parameters</h2>
          <PatternParameters parameters={parameters} linesExamined={linesExamined} />
        </div>
        <div className="panel">
          <h2>
            Change history <span className="muted">· {changes.length}</span>
          </h2>
          <PatternChanges changes={changes} />
        </div>
      </div>
      <div className="panel">
        <h2>
          Newest lines <span className="muted">· {pattern.samples.length}</span>
        </h2>
        {pattern.samples.length === 0 ? (
          <Notice kind="empty" title="No lines kept">Its lines were pruned by retention.</Notice>
        ) : (
          <ul className="log-lines">
            {pattern.samples.map((log) => (
              <LogLine key={log.id} log={log} />
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
