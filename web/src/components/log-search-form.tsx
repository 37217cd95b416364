import { useState, type FormEvent } from 'react';
import { LOG_SEVERITIES, logSearchHref, type LogSearchQuery } from '../log-query.js';
import { ServiceFilter } from './service-filter.js';

interface Props {
  query: LogSearchQuery;
  services: readonly string[];
}

/**
 * The search box and its filters. Submitting (Enter in any box) makes a new URL, so every
 * search is in the history; choosing a service or severity applies at once. Keyed by the URL in
 * its parent, so following a link resets what was typed.
 */
export function LogSearchForm({ query, services }: Props) {
  const [text, setText] = useState(query.text ?? '');
  const [templateId, setTemplateId] = useState(query.templateId ?? '');
  const [traceId, setTraceId] = useState(query.traceId ?? '');

  const go = (change: Partial<LogSearchQuery>): void => {
    const typed = { text: text.trim() || undefined, templateId: templateId.trim() || undefined, traceId: traceId.trim() || undefined };
    window.location.hash = logSearchHref({ ...query, ...typed, ...change });
  };
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    go({});
  };

  return (
    <form className="log-search-form" role="search" onSubmit={submit}>
      <div className="search-row">
        <input
          type="search"
          className="search-input"
          aria-label="Search log text"
          placeholder='Search log text: timeout, "connection refused", pay* NOT debug'
          value={text}
          onChange={(event) => setText(event.target.value)}
          autoFocus
        />
        <button type="submit" className="button primary">
          Search
        </button>
      </div>
      <p className="search-hint muted small">
        All words must occur · <code>"a phrase"</code> · <code>prefix*</code> · <code>OR</code> · <code>NOT</code> · <code>NEAR(a b, 5)</code> · quote
        punctuation: <code>"10.0.0.1"</code>
      </p>
      <div className="search-filters">
        <ServiceFilter selected={query.services} services={services} onChange={(chosen) => go({ services: chosen })} />
        <select
          aria-label="Minimum severity"
          value={query.minSeverity ?? ''}
          onChange={(event) => go({ minSeverity: LOG_SEVERITIES.find((range) => range.name === event.target.value)?.name })}
        >
          <option value="">Any severity</option>
          {LOG_SEVERITIES.map((range) => (
            <option key={range.name} value={range.name}>
              {range.name} and above
            </option>
          ))}
        </select>
        <input aria-label="Template id" className="mono" placeholder="template id" value={templateId} onChange={(event) => setTemplateId(event.target.value)} size={12} />
        <input aria-label="Trace id" className="mono" placeholder="trace id (32 hex digits)" value={traceId} onChange={(event) => setTraceId(event.target.value)} size={34} />
      </div>
    </form>
  );
}
