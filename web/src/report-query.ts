/**
 * The reports page's address: `#/reports?from=…&to=…&weeks=…` for a period (RFC 3339 or epoch
 * ms, as the API takes them), `#/reports?id=…` for a stored weekly report. Pure.
 */

export interface ReportsQuery {
  from?: string;
  to?: string;
  weeks?: number;
  /** A stored report's id; wins over the period. */
  id?: string;
}

export function parseReportsQuery(search: string): ReportsQuery {
  const params = new URLSearchParams(search);
  const weeks = Number(params.get('weeks'));
  const query: ReportsQuery = {};
  for (const key of ['from', 'to', 'id'] as const) {
    const value = params.get(key)?.trim();
    if (value) query[key] = value;
  }
  if (Number.isInteger(weeks) && weeks >= 1 && weeks <= 52) query.weeks = weeks;
  return query;
}

/** The API path of the report the query asks for. */
export function reportApiPath(query: ReportsQuery): string {
  if (query.id !== undefined) return `/reports/${encodeURIComponent(query.id)}`;
  const params = new URLSearchParams();
  if (query.from !== undefined) params.set('from', query.from);
  if (query.to !== undefined) params.set('to', query.to);
  if (query.weeks !== undefined) params.set('weeks', String(query.weeks));
  return `/reports/improvement${params.size > 0 ? `?${params.toString()}` : ''}`;
}

export function reportsHref(query: ReportsQuery): string {
  const params = new URLSearchParams();
  for (const key of ['id', 'from', 'to'] as const) {
    const value = query[key];
    if (value !== undefined) params.set(key, value);
  }
  if (query.weeks !== undefined) params.set('weeks', String(query.weeks));
  return `#/reports${params.size > 0 ? `?${params.toString()}` : ''}`;
}
