/** Report calls of the UI, on the shared request() of api.ts. */
import type { ImprovementReport, StoredReport, StoredReportSummary } from '../../src/core/report-api.js';
import { request } from './api.js';
import { reportApiPath, type ReportsQuery } from './report-query.js';

export type { ImprovementReport, StoredReportSummary };

/** The report a page address asks for: made for its period, or a stored one. */
export async function fetchReport(query: ReportsQuery, signal?: AbortSignal): Promise<ImprovementReport> {
  if (query.id === undefined) return request('GET', reportApiPath(query), { signal });
  const stored = await request<StoredReport>('GET', reportApiPath(query), { signal });
  return stored.report;
}

export function listStoredReports(signal?: AbortSignal): Promise<{ reports: StoredReportSummary[] }> {
  return request('GET', '/reports?limit=26', { signal });
}
