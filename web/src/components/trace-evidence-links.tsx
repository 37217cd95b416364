import { traceEvidenceSearchHref, traceHref } from '../trace-query.js';
import type { TraceEvidence } from '../types.js';

interface Props {
  evidence: TraceEvidence;
  /** The alert's span: the search for similar spans covers it. */
  fromMs: number;
  toMs: number;
}

/** A trace anomaly alert's exemplar traces (opened at the offending span) and the search for spans like them. */
export function TraceEvidenceLinks({ evidence, fromMs, toMs }: Props) {
  return (
    <span data-testid="alert-trace-links">
      {evidence.exemplars.map((exemplar) => (
        <a
          key={`${exemplar.traceId}/${exemplar.spanId}`}
          className="explore-link mono"
          href={traceHref(exemplar.traceId, exemplar.spanId)}
          title={exemplar.calls !== undefined ? `${exemplar.calls} calls in this request` : 'Open this trace at the span'}
        >
          {exemplar.traceId.slice(0, 8)}… ↗
        </a>
      ))}{' '}
      <a className="explore-link" href={traceEvidenceSearchHref(evidence, { fromMs, toMs })} title="Trace search for spans like these">
        similar traces ↗
      </a>
    </span>
  );
}
