/**
 * The log pages keep their state in the URL, so a search can be bookmarked, shared and linked
 * from an incident or a trace:
 *   #/logs?q=…&service=a&service=b&severity=error&template=…&trace=…&range=1h (or from=…&to=…;
 *     no range means any time within retention)
 *   #/logs/patterns?service=…&range=…
 *   #/logs/patterns/<templateId>?service=…&range=…
 * Pure.
 */
import { DEFAULT_PRESET, readRange, resolveRange, writeRange, type ExplorerRange, type TimeWindow } from './explorer-query.js';
import type { LogEvidence } from './types.js';

/** Room after an open-ended signal's last line, for the lines that kept coming. */
const OPEN_END_MARGIN_MS = 5 * 60_000;

/** Named severity ranges of the OTLP logs data model, each starting at its first number. */
export const LOG_SEVERITIES = [
  { name: 'trace', floor: 1 },
  { name: 'debug', floor: 5 },
  { name: 'info', floor: 9 },
  { name: 'warn', floor: 13 },
  { name: 'error', floor: 17 },
  { name: 'fatal', floor: 21 },
] as const;

export type LogSeverityName = (typeof LOG_SEVERITIES)[number]['name'];

/** The range a severity number falls in; 0 (unspecified) or out of range is 'unspecified'. */
export function severityName(severityNumber: number): LogSeverityName | 'unspecified' {
  if (!(severityNumber >= 1 && severityNumber <= 24)) return 'unspecified';
  let name: LogSeverityName = 'trace';
  for (const range of LOG_SEVERITIES) if (severityNumber >= range.floor) name = range.name;
  return name;
}

export interface LogSearchQuery {
  /** Full-text query in FTS5 syntax. */
  text?: string;
  /** Logs of any of these; empty means every service. */
  services: readonly string[];
  minSeverity?: LogSeverityName;
  templateId?: string;
  traceId?: string;
  /** Undefined: any time within retention. */
  range?: ExplorerRange;
}

export interface LogPatternsQuery {
  service?: string;
  /** The window of the count sparklines. */
  range: ExplorerRange;
}

/** The event-time bounds a search sends; `toMs` absent means up to the newest log. */
export interface SearchWindow {
  fromMs: number;
  toMs?: number;
}

/**
 * "Last 1 h" searches from an hour before `nowMs` with no upper bound, so lines stamped ahead
 * of the viewer's clock (the demo's simulated time, skewed hosts) are still found; pages after
 * the first continue by cursor, so the open end never makes them slide.
 */
export function searchWindow(range: ExplorerRange, nowMs: number): SearchWindow {
  return range.kind === 'fixed' ? { fromMs: range.fromMs, toMs: range.toMs } : { fromMs: resolveRange(range, nowMs).fromMs };
}

export function parseLogSearchQuery(search: string): LogSearchQuery {
  const params = new URLSearchParams(search);
  const severity = params.get('severity');
  return compact({
    text: params.get('q')?.trim() || undefined,
    services: [...new Set(params.getAll('service').filter((name) => name !== ''))],
    minSeverity: LOG_SEVERITIES.find((range) => range.name === severity)?.name,
    templateId: params.get('template') || undefined,
    traceId: params.get('trace')?.trim() || undefined,
    range: readRange(params),
  });
}

export function logSearchHref(query: Partial<LogSearchQuery>): string {
  const params = new URLSearchParams();
  if (query.text) params.set('q', query.text);
  for (const service of query.services ?? []) params.append('service', service);
  if (query.minSeverity) params.set('severity', query.minSeverity);
  if (query.templateId) params.set('template', query.templateId);
  if (query.traceId) params.set('trace', query.traceId);
  if (query.range) writeRange(params, query.range);
  const search = params.toString();
  return search ? `#/logs?${search}` : '#/logs';
}

/** Every log of one trace, whenever it was written. */
export function traceLogsHref(traceId: string): string {
  return logSearchHref({ traceId });
}

/** An incident's logs: its services over its window, errors only unless told otherwise (the severity filter is one click to widen). */
export function incidentLogsHref(services: readonly string[], window: TimeWindow, options: { errorsOnly?: boolean } = {}): string {
  const errorsOnly = options.errorsOnly ?? true;
  return logSearchHref({ services, range: { kind: 'fixed', ...window }, ...(errorsOnly ? { minSeverity: 'error' as const } : {}) });
}

/**
 * The lines behind a log signal's alert: its service, its template when it names just one (an
 * error burst names several), its severity floor, its window (`endMs`, the alert's last sighting,
 * when the signal is open-ended). Built from the evidence's fields, not from its API `query`.
 */
export function logEvidenceHref(evidence: LogEvidence, endMs: number): string {
  const severity = evidence.minSeverity === undefined ? 'unspecified' : severityName(evidence.minSeverity);
  const [only, ...others] = evidence.templates;
  const toMs = evidence.toMs ?? Math.max(endMs, evidence.fromMs) + OPEN_END_MARGIN_MS;
  return logSearchHref({
    services: [evidence.service],
    ...(only && others.length === 0 ? { templateId: only.templateId } : {}),
    ...(severity !== 'unspecified' ? { minSeverity: severity } : {}),
    range: { kind: 'fixed', fromMs: evidence.fromMs, toMs },
  });
}

export function parseLogPatternsQuery(search: string): LogPatternsQuery {
  const params = new URLSearchParams(search);
  return compact({ service: params.get('service') || undefined, range: readRange(params) ?? { kind: 'last', preset: DEFAULT_PRESET } });
}

export function logPatternsHref(query: Partial<LogPatternsQuery>): string {
  return `#/logs/patterns${patternsSearch(query)}`;
}

/** One pattern; `service` picks it when two services share the template id. */
export function logPatternHref(templateId: string, query: Partial<LogPatternsQuery>): string {
  return `#/logs/patterns/${encodeURIComponent(templateId)}${patternsSearch(query)}`;
}

function patternsSearch(query: Partial<LogPatternsQuery>): string {
  const params = new URLSearchParams();
  if (query.service) params.set('service', query.service);
  if (query.range) writeRange(params, query.range);
  const search = params.toString();
  return search ? `?${search}` : '';
}

/** Drops undefined fields, so parsed queries compare equal to hand-written ones. */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}
