/**
 * The service map keeps its state in the URL: `#/map?highlight=a,b&service=cart&range=15m` (or
 * `&from=…&to=…` for an incident's window), so an incident can link to its services on the map
 * and a drill-down can be shared. Pure.
 */
import { readRange, writeRange, type ExplorerRange, type TimeWindow } from './explorer-query.js';

export interface MapQuery {
  range: ExplorerRange;
  /** Services drawn emphasised (an incident's). */
  highlight: readonly string[];
  /** The node whose drill-down is open. */
  service?: string;
}

/** A map sums every span of its window: refreshed less often than the 2 s of lighter pages. */
export const MAP_POLL_MS = 10_000;

export const DEFAULT_MAP_RANGE: ExplorerRange = { kind: 'last', preset: '15m' };

export function parseMapQuery(search: string): MapQuery {
  const params = new URLSearchParams(search);
  const highlight = [...new Set((params.get('highlight') ?? '').split(',').map((name) => name.trim()).filter((name) => name !== ''))];
  const service = params.get('service')?.trim() || undefined;
  return { range: readRange(params) ?? DEFAULT_MAP_RANGE, highlight, ...(service ? { service } : {}) };
}

export function mapHref(query: Partial<MapQuery>): string {
  const params = new URLSearchParams();
  if (query.highlight?.length) params.set('highlight', query.highlight.join(','));
  if (query.service) params.set('service', query.service);
  if (query.range) writeRange(params, query.range);
  const search = params.toString().replaceAll('%2C', ',');
  return search ? `#/map?${search}` : '#/map';
}

/** An incident's services on the map over the incident's window. */
export function incidentMapHref(services: readonly string[], window: TimeWindow): string {
  return mapHref({ highlight: services, range: { kind: 'fixed', ...window } });
}
