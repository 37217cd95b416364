/**
 * The trace pages keep their state in the URL, so a search or a span can be bookmarked, shared
 * and linked to:
 *   #/traces?service=a&service=b&operation=…&status=error&min=…&max=…&range=1h (or from=…&to=…;
 *     no range means any time within retention; min/max are span durations in ms)
 *   #/traces/<traceId>?span=<spanId>
 * Pure.
 */
import { seriesKey } from '../../src/core/series.js';
import { DERIVED } from '../../src/observe/traces/derived-series.js';
import { explorerHrefFor, readRange, writeRange, type ExplorerRange, type TimeWindow } from './explorer-query.js';
import { compact } from './log-query.js';
import type { TraceEvidence } from './types.js';

/** Around a span, the RED series show what its service was doing before and after it. */
const METRICS_MARGIN_MS = 15 * 60_000;

export const TRACE_STATUSES = ['error', 'ok'] as const;
export type TraceStatus = (typeof TRACE_STATUSES)[number];

export interface TraceSearchQuery {
  /** Traces with a span of any of these; empty means every service. */
  services: readonly string[];
  /** Span name. */
  operation?: string;
  status?: TraceStatus;
  /** Span duration bounds, ms. */
  minDurationMs?: number;
  maxDurationMs?: number;
  /** Undefined: any time within retention. */
  range?: ExplorerRange;
}

export function parseTraceSearchQuery(search: string): TraceSearchQuery {
  const params = new URLSearchParams(search);
  const status = params.get('status');
  return compact({
    services: [...new Set(params.getAll('service').filter((name) => name !== ''))],
    operation: params.get('operation')?.trim() || undefined,
    status: TRACE_STATUSES.find((known) => known === status),
    minDurationMs: parseDurationMs(params.get('min')),
    maxDurationMs: parseDurationMs(params.get('max')),
    range: readRange(params),
  });
}

export function traceSearchHref(query: Partial<TraceSearchQuery>): string {
  const params = new URLSearchParams();
  for (const service of query.services ?? []) params.append('service', service);
  if (query.operation) params.set('operation', query.operation);
  if (query.status) params.set('status', query.status);
  if (query.minDurationMs !== undefined) params.set('min', String(query.minDurationMs));
  if (query.maxDurationMs !== undefined) params.set('max', String(query.maxDurationMs));
  if (query.range) writeRange(params, query.range);
  const search = params.toString();
  return search ? `#/traces?${search}` : '#/traces';
}

/** Traces in which a span of one of an incident's services failed, in the incident's window. */
export function incidentTracesHref(services: readonly string[], window: TimeWindow): string {
  return traceSearchHref({ services, status: 'error', range: { kind: 'fixed', ...window } });
}

/**
 * The spans like those behind a trace anomaly alert (src/observe/traces/anomalies), from its onset
 * on: the operation's spans past its usual p99, its failed spans, or all of them (call patterns).
 */
export function traceEvidenceSearchHref(evidence: TraceEvidence, window: TimeWindow): string {
  return traceSearchHref({
    services: [evidence.service],
    operation: evidence.operation,
    ...(evidence.kind === 'new_error_type' ? { status: 'error' as const } : {}),
    ...(evidence.kind === 'latency_outliers' && evidence.threshold !== undefined ? { minDurationMs: Math.ceil(evidence.threshold) } : {}),
    range: { kind: 'fixed', ...window },
  });
}

/** One trace's waterfall, with a span picked when given. */
export function traceHref(traceId: string, spanId?: string): string {
  const base = `#/traces/${encodeURIComponent(traceId)}`;
  return spanId ? `${base}?span=${encodeURIComponent(spanId)}` : base;
}

/** The span picked in a trace page's URL (`?span=…`). */
export function parseTraceSpan(search: string): string | undefined {
  return new URLSearchParams(search).get('span') || undefined;
}

export interface RedSeriesLink {
  label: string;
  href: string;
}

/** The metric explorer on a service's request rate, error ratio and p95 latency (derived from its spans) around `timeMs`. */
export function redSeriesLinks(service: string, timeMs: number): RedSeriesLink[] {
  const window = { fromMs: timeMs - METRICS_MARGIN_MS, toMs: timeMs + METRICS_MARGIN_MS };
  const series: Array<[string, string]> = [
    ['request rate', DERIVED.requestRate],
    ['error ratio', DERIVED.errorRatio],
    ['p95 latency', DERIVED.latencyP95],
  ];
  return series.map(([label, name]) => ({ label, href: explorerHrefFor(seriesKey({ name, service, labels: {} }), window) }));
}

/** A duration in ms from the URL or a form; undefined when empty, negative or not a number. */
export function parseDurationMs(text: string | null): number | undefined {
  if (text === null || text.trim() === '') return undefined;
  const value = Number(text);
  return Number.isFinite(value) && value >= 0 ? value : undefined;
}
