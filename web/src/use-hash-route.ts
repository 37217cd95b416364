import { useEffect, useState } from 'react';
import { parseExplorerQuery, type ExplorerQuery } from './explorer-query.js';
import { parseLogPatternsQuery, parseLogSearchQuery, type LogPatternsQuery, type LogSearchQuery } from './log-query.js';
import { parseMapQuery, type MapQuery } from './map-query.js';
import { parseReportsQuery, type ReportsQuery } from './report-query.js';
import { parseTraceSearchQuery, parseTraceSpan, type TraceSearchQuery } from './trace-query.js';

/** Hash routes, so the UI is plain static files: any server that serves index.html works. */
export type Route =
  | { page: 'incidents' }
  | { page: 'incident'; id: string }
  | { page: 'alerts' }
  | { page: 'silences' }
  | { page: 'services' }
  | { page: 'catalog' }
  | { page: 'map'; query: MapQuery }
  | { page: 'metrics'; query: ExplorerQuery }
  | { page: 'logs'; query: LogSearchQuery }
  | { page: 'log-patterns'; query: LogPatternsQuery }
  | { page: 'log-pattern'; templateId: string; query: LogPatternsQuery }
  | { page: 'traces'; query: TraceSearchQuery }
  | { page: 'trace'; traceId: string; spanId: string | undefined }
  | { page: 'oncall' }
  | { page: 'capacity' }
  | { page: 'findings' }
  | { page: 'finding'; id: string }
  | { page: 'escalation-policies' }
  | { page: 'notifications' }
  | { page: 'reports'; query: ReportsQuery }
  | { page: 'login' }
  | { page: 'setup'; token: string }
  | { page: 'tokens' }
  | { page: 'password' }
  | { page: 'users' }
  | { page: 'teams' }
  | { page: 'audit' }
  | { page: 'runbooks' }
  | { page: 'runbook'; id: string | undefined }
  | { page: 'runbook-execution'; id: string }
  | { page: 'not-found'; hash: string };

export function parseRoute(hash: string): Route {
  const { path, search } = splitHash(hash);
  if (path === '' || path === '/incidents') return { page: 'incidents' };
  if (path === '/services') return { page: 'services' };
  if (path === '/catalog') return { page: 'catalog' };
  if (path === '/oncall') return { page: 'oncall' };
  if (path === '/capacity') return { page: 'capacity' };
  if (path === '/findings') return { page: 'findings' };
  const finding = /^\/findings\/([^/]+)$/.exec(path);
  if (finding?.[1]) return { page: 'finding', id: decodeURIComponent(finding[1]) };
  if (path === '/escalation-policies') return { page: 'escalation-policies' };
  if (path === '/notifications') return { page: 'notifications' };
  if (path === '/reports') return { page: 'reports', query: parseReportsQuery(search) };
  if (path === '/login') return { page: 'login' };
  if (path === '/setup') return { page: 'setup', token: new URLSearchParams(search).get('token') ?? '' };
  if (path === '/tokens') return { page: 'tokens' };
  if (path === '/password') return { page: 'password' };
  if (path === '/users') return { page: 'users' };
  if (path === '/teams') return { page: 'teams' };
  if (path === '/alerts') return { page: 'alerts' };
  if (path === '/silences') return { page: 'silences' };
  if (path === '/audit') return { page: 'audit' };
  if (path === '/runbooks') return { page: 'runbooks' };
  if (path === '/runbooks/new') return { page: 'runbook', id: undefined };
  const runbook = /^\/runbooks\/([^/]+)$/.exec(path);
  if (runbook?.[1]) return { page: 'runbook', id: decodeURIComponent(runbook[1]) };
  const execution = /^\/runbook-executions\/([^/]+)$/.exec(path);
  if (execution?.[1]) return { page: 'runbook-execution', id: decodeURIComponent(execution[1]) };
  if (path === '/map') return { page: 'map', query: parseMapQuery(search) };
  if (path === '/metrics') return { page: 'metrics', query: parseExplorerQuery(search) };
  if (path === '/logs') return { page: 'logs', query: parseLogSearchQuery(search) };
  if (path === '/logs/patterns') return { page: 'log-patterns', query: parseLogPatternsQuery(search) };
  const pattern = /^\/logs\/patterns\/([^/]+)$/.exec(path);
  if (pattern?.[1]) return { page: 'log-pattern', templateId: decodeURIComponent(pattern[1]), query: parseLogPatternsQuery(search) };
  if (path === '/traces') return { page: 'traces', query: parseTraceSearchQuery(search) };
  const trace = /^\/traces\/([^/]+)$/.exec(path);
  if (trace?.[1]) return { page: 'trace', traceId: decodeURIComponent(trace[1]), spanId: parseTraceSpan(search) };
  const incident = /^\/incidents\/([^/]+)$/.exec(path);
  if (incident?.[1]) return { page: 'incident', id: decodeURIComponent(incident[1]) };
  return { page: 'not-found', hash };
}

/** `#/metrics?key=…` → path `/metrics`, search `key=…`; only the explorer, the log, the trace and the setup pages read the search. */
function splitHash(hash: string): { path: string; search: string } {
  const body = hash.replace(/^#/, '');
  const question = body.indexOf('?');
  const path = question < 0 ? body : body.slice(0, question);
  return { path: path.replace(/\/+$/, ''), search: question < 0 ? '' : body.slice(question + 1) };
}

export function incidentHref(id: string): string {
  return `#/incidents/${encodeURIComponent(id)}`;
}

export function useHashRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = (): void => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
