/**
 * A small typed client for /api/v1 on the page's own origin. Every non-2xx answer becomes an
 * ApiError whose message a person can read in an error box as-is. Every call of the UI goes
 * through request(), so every change carries the session's CSRF token and every 401 signs out.
 */
import type {
  CapacityForecastsResponse,
  RightsizingResponse,
  CatalogEntry,
  CatalogListResponse,
  CatalogService,
  AlertListResponse,
  Fault,
  FaultListResponse,
  Incident,
  IncidentDetailResponse,
  IncidentEditBody,
  IncidentListResponse,
  IncidentStatus,
  LogPatternDetailResponse,
  LogPatternsResponse,
  LogSearchResponse,
  Postmortem,
  Problem,
  ProblemListResponse,
  SeriesListResponse,
  SeriesResponse,
  SeriesScoresResponse,
  SilenceInput,
  SilencePreviewResponse,
  SilenceState,
  SilenceView,
  AuditEntry,
  ServiceDetailResponse,
  ServiceGraphResponse,
  ServiceListResponse,
  SimilarIncidentsResponse,
  TimelineEntry,
  TraceDetailResponse,
  TraceSearchResponse,
} from './types.js';
import { AUDIT_PAGE_SIZE, type AuditFilters } from './audit-view.js';
import type { TimeWindow } from './explorer-query.js';
import type { LogSearchQuery, SearchWindow } from './log-query.js';
import type { TraceSearchQuery } from './trace-query.js';
import { csrfToken, sessionEnded, webActor } from './auth-session.js';

const BASE = '/api/v1';

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    message: string,
    /** HTTP status, or 0 when the server could not be reached at all. */
    readonly status: number,
    /** The server's OPS_ERR_* code when it sent one. */
    readonly code?: string,
    /** The server's own message without the request line, for showing next to the input it names. */
    readonly serverMessage?: string,
  ) {
    super(message);
  }
}

/** The server's error body (ErrorResponseSchema); read loosely because proxies send their own. */
function describeFailure(body: unknown): { message?: string; code?: string } {
  if (typeof body !== 'object' || body === null) return {};
  const { message, code } = body as Record<string, unknown>;
  return {
    message: typeof message === 'string' ? message : undefined,
    code: typeof code === 'string' ? code : undefined,
  };
}

export async function request<T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, options: { body?: unknown; signal?: AbortSignal } = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const csrf = csrfToken();
  // The server refuses a change made with the session cookie unless this header matches it.
  if (method !== 'GET' && csrf !== undefined) headers['x-csrf-token'] = csrf;
  const init: RequestInit = { method, headers, signal: options.signal };
  if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    init.body = JSON.stringify(options.body);
  }
  let response: Response;
  try {
    response = await fetch(BASE + path, init);
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new ApiError(`Cannot reach the opsloop API (${method} ${BASE}${path}): ${String(error)}`, 0);
  }
  const text = await response.text();
  let body: unknown = undefined;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // A non-JSON body (an HTML error page from a proxy) is reported by status below.
  }
  if (!response.ok) {
    const { message, code } = describeFailure(body);
    if (response.status === 401) sessionEnded();
    const detail = message ?? (response.statusText || 'request failed');
    throw new ApiError(`${method} ${BASE}${path} → ${response.status}: ${detail}`, response.status, code, message);
  }
  if (body === undefined) throw new ApiError(`${method} ${BASE}${path} returned no JSON body`, response.status);
  return body as T;
}

export function listIncidents(statuses: readonly IncidentStatus[] | undefined, signal?: AbortSignal): Promise<IncidentListResponse> {
  const query = new URLSearchParams({ limit: '100' });
  if (statuses && statuses.length > 0) query.set('status', statuses.join(','));
  return request('GET', `/incidents?${query.toString()}`, { signal });
}

export function getIncident(id: string, signal?: AbortSignal): Promise<IncidentDetailResponse> {
  return request('GET', `/incidents/${encodeURIComponent(id)}`, { signal });
}

export async function changeIncident(id: string, action: 'acknowledge' | 'resolve' | 'close', resolution?: string): Promise<Incident> {
  const body = await request<{ incident: Incident }>('POST', `/incidents/${encodeURIComponent(id)}/${action}`, {
    body: { by: webActor(), ...(resolution ? { resolution } : {}) },
  });
  return body.incident;
}

export async function editIncident(id: string, edit: Omit<IncidentEditBody, 'by'>): Promise<Incident> {
  const body = await request<{ incident: Incident }>('PATCH', `/incidents/${encodeURIComponent(id)}`, { body: { ...edit, by: webActor() } });
  return body.incident;
}

export async function writeOnTimeline(id: string, kind: 'notes' | 'status-updates', text: string): Promise<TimelineEntry> {
  const body = await request<{ entry: TimelineEntry }>('POST', `/incidents/${encodeURIComponent(id)}/${kind}`, { body: { text, by: webActor() } });
  return body.entry;
}

/** Moves every alert of `id` into the open incident `into` and closes `id`; answers the target. */
export async function mergeIncident(id: string, into: string): Promise<Incident> {
  return (await request<{ incident: Incident }>('POST', `/incidents/${encodeURIComponent(id)}/merge`, { body: { into, by: webActor() } })).incident;
}

/** Moves the given alerts of `id` into a new incident, which it answers. */
export async function splitIncident(id: string, alertIds: readonly string[]): Promise<Incident> {
  return (await request<{ incident: Incident }>('POST', `/incidents/${encodeURIComponent(id)}/split`, { body: { alertIds, by: webActor() } })).incident;
}

export function getSimilarIncidents(id: string, signal?: AbortSignal): Promise<SimilarIncidentsResponse> {
  return request('GET', `/incidents/${encodeURIComponent(id)}/similar?limit=5`, { signal });
}

/** The incident's postmortem, or null when none was drafted yet. */
export async function getPostmortem(id: string, signal?: AbortSignal): Promise<Postmortem | null> {
  try {
    return (await request<{ postmortem: Postmortem }>('GET', `/incidents/${encodeURIComponent(id)}/postmortem`, { signal })).postmortem;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

export async function createPostmortem(id: string): Promise<Postmortem> {
  return (await request<{ postmortem: Postmortem }>('POST', `/incidents/${encodeURIComponent(id)}/postmortem`, { body: { by: webActor() } })).postmortem;
}

export async function savePostmortem(id: string, markdown: string, status: Postmortem['status']): Promise<Postmortem> {
  return (await request<{ postmortem: Postmortem }>('PUT', `/incidents/${encodeURIComponent(id)}/postmortem`, { body: { markdown, status, by: webActor() } })).postmortem;
}

export function listProblems(signal?: AbortSignal): Promise<ProblemListResponse> {
  return request('GET', '/problems?limit=200', { signal });
}

export async function createProblem(title: string, incidentIds: readonly string[]): Promise<Problem> {
  return (await request<{ problem: Problem }>('POST', '/problems', { body: { title, incidentIds, by: webActor() } })).problem;
}

export async function updateProblem(id: string, fields: Partial<Pick<Problem, 'status' | 'knownError' | 'workaround'>>): Promise<Problem> {
  return (await request<{ problem: Problem }>('PATCH', `/problems/${encodeURIComponent(id)}`, { body: fields })).problem;
}

export async function linkProblem(problemId: string, incidentId: string): Promise<Problem> {
  return (await request<{ problem: Problem }>('POST', `/problems/${encodeURIComponent(problemId)}/incidents`, { body: { incidentId, by: webActor() } })).problem;
}

export async function unlinkProblem(problemId: string, incidentId: string): Promise<Problem> {
  const path = `/problems/${encodeURIComponent(problemId)}/incidents/${encodeURIComponent(incidentId)}?by=${encodeURIComponent(webActor())}`;
  return (await request<{ problem: Problem }>('DELETE', path)).problem;
}

export function getCatalog(signal?: AbortSignal): Promise<CatalogListResponse> {
  return request('GET', '/catalog', { signal });
}

export async function putCatalogEntry(service: string, entry: CatalogEntry): Promise<CatalogService> {
  return (await request<{ service: CatalogService }>('PUT', `/catalog/${encodeURIComponent(service)}`, { body: entry })).service;
}

export interface AlertListFilter {
  status?: 'firing' | 'resolved';
  silenced?: boolean;
  flapping?: boolean;
}

export function listAlerts(filter: AlertListFilter, signal?: AbortSignal): Promise<AlertListResponse> {
  const query = new URLSearchParams({ limit: '200' });
  if (filter.status) query.set('status', filter.status);
  if (filter.silenced !== undefined) query.set('silenced', String(filter.silenced));
  if (filter.flapping !== undefined) query.set('flapping', String(filter.flapping));
  return request('GET', `/alerts?${query.toString()}`, { signal });
}

/** One page of the audit trail, newest first; `cursor` is the previous page's nextCursor. */
export async function listAudit(filters: AuditFilters, cursor: string | undefined, signal?: AbortSignal): Promise<{ entries: AuditEntry[]; nextCursor?: number }> {
  const query = new URLSearchParams({ limit: String(AUDIT_PAGE_SIZE) });
  for (const [name, value] of Object.entries(filters)) if (value.trim() !== '') query.set(name, value.trim());
  if (cursor !== undefined) query.set('cursor', cursor);
  return request('GET', `/audit?${query.toString()}`, { signal });
}

export async function listSilences(state: SilenceState | undefined, signal?: AbortSignal): Promise<SilenceView[]> {
  const query = new URLSearchParams({ limit: '200' });
  if (state) query.set('state', state);
  return (await request<{ silences: SilenceView[] }>('GET', `/silences?${query.toString()}`, { signal })).silences;
}

export function previewSilence(input: Pick<SilenceInput, 'matchers'>, signal?: AbortSignal): Promise<SilencePreviewResponse> {
  return request('POST', '/silences/preview', { body: { matchers: input.matchers }, signal });
}

export async function createSilence(input: SilenceInput): Promise<SilenceView> {
  return (await request<{ silence: SilenceView }>('POST', '/silences', { body: input })).silence;
}

export async function expireSilence(id: string, by: string): Promise<SilenceView> {
  const query = new URLSearchParams({ by });
  return (await request<{ silence: SilenceView }>('DELETE', `/silences/${encodeURIComponent(id)}?${query.toString()}`)).silence;
}

export function listServices(signal?: AbortSignal): Promise<ServiceListResponse> {
  return request('GET', '/services', { signal });
}

export function getSeries(key: string, fromMs: number, toMs: number, signal?: AbortSignal): Promise<SeriesResponse> {
  const query = new URLSearchParams({ key, from: String(Math.floor(fromMs)), to: String(Math.ceil(toMs)) });
  return request('GET', `/series?${query.toString()}`, { signal });
}

export function listSeries(signal?: AbortSignal): Promise<SeriesListResponse> {
  return request('GET', '/series/list', { signal });
}

/** The series replayed through the detector: per-point score, expected value, band, and episodes. */
export function getSeriesScores(key: string, fromMs: number, toMs: number, signal?: AbortSignal): Promise<SeriesScoresResponse> {
  const query = new URLSearchParams({ key, from: String(Math.floor(fromMs)), to: String(Math.ceil(toMs)) });
  return request('GET', `/series/scores?${query.toString()}`, { signal });
}

/** The saturation series soonest to run out, with history and forecast points for charts. */
export function getCapacityForecasts(limit: number, signal?: AbortSignal): Promise<CapacityForecastsResponse> {
  return request('GET', `/capacity/forecasts?points=true&limit=${limit}`, { signal });
}

/** CPU and memory right-sizing over the last day of data. */
export function getRightsizing(signal?: AbortSignal): Promise<RightsizingResponse> {
  return request('GET', '/capacity/rightsizing', { signal });
}

/** The demo's injected faults, or null when no demo runs (the API answers 404 then). */
export async function listDemoFaults(signal?: AbortSignal): Promise<Fault[] | null> {
  try {
    const body = await request<FaultListResponse>('GET', '/demo/faults', { signal });
    return body.faults;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

export interface LogSearchRequest extends Omit<LogSearchQuery, 'range'> {
  window?: SearchWindow;
  limit: number;
  /** nextCursor of the previous page. */
  cursor?: string;
}

/** Full-text log search, newest first; a malformed `text` answers 400 with SQLite's reason. */
export function searchLogs(search: LogSearchRequest, signal?: AbortSignal): Promise<LogSearchResponse> {
  const query = new URLSearchParams({ limit: String(search.limit) });
  if (search.text) query.set('q', search.text);
  for (const service of search.services) query.append('service', service);
  if (search.minSeverity) query.set('minSeverity', search.minSeverity);
  if (search.templateId) query.set('templateId', search.templateId);
  if (search.traceId) query.set('traceId', search.traceId);
  if (search.window) setWindow(query, search.window);
  if (search.cursor) query.set('cursor', search.cursor);
  return request('GET', `/logs?${query.toString()}`, { signal });
}

export interface LogPatternsRequest {
  service?: string;
  /** The window of the count series. */
  window: TimeWindow;
  buckets: number;
  /** Newest lines per pattern. */
  samples: number;
}

export function listLogPatterns(patterns: LogPatternsRequest, signal?: AbortSignal): Promise<LogPatternsResponse> {
  return request('GET', `/log-patterns?${patternsQuery(patterns).toString()}`, { signal });
}

export function getLogPattern(templateId: string, pattern: LogPatternsRequest, signal?: AbortSignal): Promise<LogPatternDetailResponse> {
  return request('GET', `/log-patterns/${encodeURIComponent(templateId)}?${patternsQuery(pattern).toString()}`, { signal });
}

function patternsQuery(patterns: LogPatternsRequest): URLSearchParams {
  const query = new URLSearchParams({ buckets: String(patterns.buckets), samples: String(patterns.samples) });
  if (patterns.service) query.set('service', patterns.service);
  setWindow(query, patterns.window);
  return query;
}

export interface TraceSearchRequest extends Omit<TraceSearchQuery, 'range'> {
  window?: SearchWindow;
  limit: number;
  /** nextCursor of the previous page. */
  cursor?: string;
}

/** Traces with a span matching every filter, newest first. */
export function searchTraces(search: TraceSearchRequest, signal?: AbortSignal): Promise<TraceSearchResponse> {
  const query = new URLSearchParams({ limit: String(search.limit) });
  for (const service of search.services) query.append('service', service);
  if (search.operation) query.set('operation', search.operation);
  if (search.status) query.set('status', search.status);
  if (search.minDurationMs !== undefined) query.set('minDuration', String(search.minDurationMs));
  if (search.maxDurationMs !== undefined) query.set('maxDuration', String(search.maxDurationMs));
  if (search.window) setWindow(query, search.window);
  if (search.cursor) query.set('cursor', search.cursor);
  return request('GET', `/traces?${query.toString()}`, { signal });
}

/** Every span of one trace with its self time; 404 when no span of it is stored. */
export function getTrace(traceId: string, signal?: AbortSignal): Promise<TraceDetailResponse> {
  return request('GET', `/traces/${encodeURIComponent(traceId)}`, { signal });
}

function setWindow(query: URLSearchParams, window: SearchWindow): void {
  query.set('from', String(Math.floor(window.fromMs)));
  if (window.toMs !== undefined) query.set('to', String(Math.ceil(window.toMs)));
}

export function getServiceGraph(window: TimeWindow, signal?: AbortSignal): Promise<ServiceGraphResponse> {
  const query = new URLSearchParams({ from: String(Math.floor(window.fromMs)), to: String(Math.ceil(window.toMs)) });
  return request('GET', `/service-graph?${query.toString()}`, { signal });
}

export function getServiceDetail(service: string, window: TimeWindow, signal?: AbortSignal): Promise<ServiceDetailResponse> {
  const query = new URLSearchParams({ from: String(Math.floor(window.fromMs)), to: String(Math.ceil(window.toMs)) });
  return request('GET', `/services/${encodeURIComponent(service)}?${query.toString()}`, { signal });
}
