/**
 * The API view of a stored log template: its row, its count series over a window and its
 * newest lines. Shared by the pattern list and the pattern detail.
 */
import type { LogPattern } from '../core/api.js';
import { OpsError } from '../core/errors.js';
import { severityTextFor } from '../ingest/otlp/severity-text.js';
import type { LogTemplateRow, Store } from '../store/store.js';

/** Window of the count series when the client gives none: the last hour. */
const DEFAULT_WINDOW_MS = 3_600_000;

export interface PatternWindow {
  from: number;
  to: number;
  bucketMs: number;
  buckets: number;
}

/** [from, to] from the query (last hour before `now` by default) cut into `buckets`; 400 if reversed. */
export function patternWindow(query: { from?: number | undefined; to?: number | undefined; buckets: number }, now: number): PatternWindow {
  const to = query.to ?? (query.from !== undefined ? query.from + DEFAULT_WINDOW_MS : now);
  const from = query.from ?? to - DEFAULT_WINDOW_MS;
  if (from > to) throw new OpsError('OPS_ERR_VALIDATION', [`querystring.from (${from}) is after querystring.to (${to})`]);
  // +1: `to` is included, and buckets are half-open.
  return { from, to, buckets: query.buckets, bucketMs: Math.max(1, Math.ceil((to - from + 1) / query.buckets)) };
}

export function patternView(store: Store, row: LogTemplateRow, window: PatternWindow, samples: number): LogPattern {
  const key = { service: row.service, templateId: row.templateId };
  return {
    ...key,
    template: row.template,
    count: row.count,
    firstSeenMs: row.firstSeenMs,
    lastSeenMs: row.lastSeenMs,
    maxSeverityNumber: row.maxSeverity,
    maxSeverityText: severityTextFor(row.maxSeverity),
    changeCount: row.changes.length,
    series: store.logs.templateCounts(key, { fromMs: window.from, bucketMs: window.bucketMs, buckets: window.buckets }),
    samples: samples > 0 ? store.logs.search({ ...key, limit: samples }).logs : [],
  };
}
