import { ApiError } from '../api.js';
import { logSearchHref, type LogSearchQuery } from '../log-query.js';
import { useLogSearch } from '../use-log-search.js';
import { LogLine } from './log-line.js';
import { Notice } from './notice.js';
import { PagedResults } from './paged-results.js';

const PAGE_SIZE = 100;

/** The lines a search found, newest first, a page at a time. */
export function LogResults({ query, nowMs }: { query: LogSearchQuery; nowMs: () => number }) {
  const search = useLogSearch(query, { nowMs, pageSize: PAGE_SIZE });
  if (search.error) return <SearchFailure error={search.error} />;
  if (search.loading) return <Notice kind="loading" title="Searching logs…" />;
  if (search.logs.length === 0) return <NoLogs query={query} />;
  return (
    <PagedResults search={search} count={search.logs.length} noun="log" pageSize={PAGE_SIZE} className="log-results">
      <ul className="log-lines" data-testid="log-results">
        {search.logs.map((log) => (
          <LogLine key={log.id} log={log} />
        ))}
      </ul>
    </PagedResults>
  );
}

/** A 400 is the query's fault: say what SQLite said, next to how to write it. */
function SearchFailure({ error }: { error: Error }) {
  if (error instanceof ApiError && error.status === 400) {
    const message = error.serverMessage ?? error.message;
    return (
      <Notice kind="error" title="The search could not run">
        <p className="mono" data-testid="search-error">
          {message}
        </p>
        {/* The syntax help only when the text query was the problem (not, say, a short trace id). */}
        {message.includes('querystring.q') ? <SyntaxHelp /> : null}
      </Notice>
    );
  }
  return <Notice kind="error" title="Could not search the logs">{error.message}</Notice>;
}

function SyntaxHelp() {
  return (
    <p>
      Queries use SQLite FTS5 syntax: put terms with punctuation in double quotes (<code>"10.0.0.1"</code>, <code>"blk_-42"</code>), close every quote and
      parenthesis, and give <code>AND</code>, <code>OR</code>, <code>NOT</code> a term on each side.
    </p>
  );
}

/** Nothing found: offer the widenings that most often help. */
function NoLogs({ query }: { query: LogSearchQuery }) {
  const filtered = query.text || query.services.length > 0 || query.minSeverity || query.templateId || query.traceId || query.range;
  if (!filtered) {
    return <Notice kind="empty" title="No logs yet">Logs appear once services send them to the OTLP endpoint (POST /v1/logs on port 4318).</Notice>;
  }
  return (
    <Notice kind="empty" title="No logs match">
      <ul className="widen-list">
        {query.minSeverity ? (
          <li>
            <a href={logSearchHref({ ...query, minSeverity: undefined })}>Show every severity</a>, not only {query.minSeverity} and above
          </li>
        ) : null}
        {query.range ? (
          <li>
            <a href={logSearchHref({ ...query, range: undefined })}>Search any time</a>
          </li>
        ) : null}
        {query.text ? <li>Fewer words, or a prefix (<code>pay*</code>): every word must occur</li> : null}
      </ul>
    </Notice>
  );
}
