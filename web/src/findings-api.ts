/** Calls of the findings pages (docs/findings.md); shapes from src/core/findings-api.ts through z.infer. */
import type { z } from 'zod';
import type { FindingDetailResponseSchema, FindingListResponseSchema, FindingPatchBody, OverviewResponseSchema, PrioritisedFinding } from '../../src/core/findings-api.js';
import { request } from './api.js';

export type FindingList = z.infer<typeof FindingListResponseSchema>;
export type FindingDetail = z.infer<typeof FindingDetailResponseSchema>;
export type FindingsOverview = z.infer<typeof OverviewResponseSchema>;

export interface FindingFilters {
  status: string;
  decision: string;
  service: string;
  q: string;
  kev: boolean;
}

export const NO_FINDING_FILTERS: FindingFilters = { status: '', decision: '', service: '', q: '', kev: false };

export function listFindings(filters: FindingFilters, signal?: AbortSignal): Promise<FindingList> {
  const query = new URLSearchParams({ limit: '200' });
  for (const key of ['status', 'decision', 'service', 'q'] as const) if (filters[key] !== '') query.set(key, filters[key]);
  if (filters.kev) query.set('kev', 'true');
  return request<FindingList>('GET', `/findings?${query.toString()}`, { signal });
}

export function getFindingsOverview(signal?: AbortSignal): Promise<FindingsOverview> {
  return request<FindingsOverview>('GET', '/findings/overview', { signal });
}

export function getFinding(id: string, signal?: AbortSignal): Promise<FindingDetail> {
  return request<FindingDetail>('GET', `/findings/${encodeURIComponent(id)}`, { signal });
}

export async function patchFinding(id: string, body: Omit<FindingPatchBody, 'by' | 'expiresAt'> & { expiresAt?: number }): Promise<PrioritisedFinding> {
  return (await request<{ finding: PrioritisedFinding }>('PATCH', `/findings/${encodeURIComponent(id)}`, { body })).finding;
}

export function findingHref(id: string): string {
  return `#/findings/${encodeURIComponent(id)}`;
}
