import { useMemo } from 'react';
import { ApiError, getTrace } from '../api.js';
import { traceLogsHref } from '../log-query.js';
import { waterfall } from '../trace-layout.js';
import { traceHref } from '../trace-query.js';
import type { TraceDetailResponse } from '../types.js';
import { usePoll } from '../use-poll.js';
import { Notice } from './notice.js';
import { SpanDetails } from './span-details.js';
import { TraceHeader } from './trace-header.js';
import { TraceWaterfall } from './trace-waterfall.js';

/** One trace: its waterfall, and the span picked in the URL (`?span=…`) in detail. Polled, so late spans appear. */
export function TracePage({ traceId, spanId }: { traceId: string; spanId: string | undefined }) {
  const poll = usePoll(`trace:${traceId}`, (signal) => getTrace(traceId, signal));
  if (!poll.data) {
    return (
      <section>
        <Crumbs />
        {poll.error ? <TraceFailure traceId={traceId} error={poll.error} /> : <Notice kind="loading" title="Loading trace…" />}
      </section>
    );
  }
  return (
    <section className="trace-page">
      <Crumbs />
      {poll.error ? <Notice kind="error" title="Live updates failing; showing the last good data">{poll.error.message}</Notice> : null}
      <TraceView detail={poll.data} spanId={spanId} />
    </section>
  );
}

function TraceView({ detail, spanId }: { detail: TraceDetailResponse; spanId: string | undefined }) {
  const layout = useMemo(() => waterfall(detail.spans), [detail.spans]);
  const { trace } = detail;
  const selected = detail.spans.find((span) => span.spanId === spanId);
  return (
    <>
      <TraceHeader trace={trace} />
      <div className="trace-grid">
        <div className="panel">
          <h2>
            Waterfall <span className="muted">· click a span for its attributes and self time</span>
          </h2>
          <TraceWaterfall layout={layout} services={trace.services} selectedSpanId={selected?.spanId} hrefFor={(span) => traceHref(trace.traceId, span)} />
        </div>
        <div className="panel span-panel">
          {selected ? (
            <SpanDetails span={selected} trace={trace} />
          ) : (
            <Notice kind="empty" title={spanId ? `Span ${spanId} is not in this trace` : 'No span picked'}>
              Click a span in the waterfall to see its attributes, self time and links to its logs and metrics.
            </Notice>
          )}
        </div>
      </div>
    </>
  );
}

function Crumbs() {
  return (
    <p className="crumbs">
      <a href="#/traces">← Traces</a>
    </p>
  );
}

/** 404 says what a missing trace usually means, and where its logs might still be. */
function TraceFailure({ traceId, error }: { traceId: string; error: Error }) {
  if (error instanceof ApiError && error.status === 404) {
    return (
      <Notice kind="empty" title={`No spans of trace ${traceId}`}>
        The trace is older than the retention, or its spans have not arrived yet. <a href={traceLogsHref(traceId)}>Search its logs</a>.
      </Notice>
    );
  }
  if (error instanceof ApiError && error.status === 400) {
    return <Notice kind="error" title={`${traceId} is not a trace id`}>{error.serverMessage ?? error.message}</Notice>;
  }
  return <Notice kind="error" title={`Could not load trace ${traceId}`}>{error.message}</Notice>;
}
