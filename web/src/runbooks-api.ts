/** Runbook calls of the UI (docs/runbooks.md "API"), on the shared request() of api.ts; shapes by z.infer from src/core. */
import type { z } from 'zod';
import type {
  Execution,
  ExecutionListResponseSchema,
  ExecutionStartBody,
  RunbookDetail,
  RunbookListResponseSchema,
  RunbookValidateResponseSchema,
  RunbookVersionResponseSchema,
} from '../../src/core/runbook-api.js';
import type { RunbookRecommendationsResponse } from '../../src/core/runbook-recommendation-api.js';
import { request } from './api.js';

export type { Execution, RunbookDetail };
export type { RunbookSummary, RunbookProblemView, StepRecordView } from '../../src/core/runbook-api.js';
export type { RunbookRecommendationView } from '../../src/core/runbook-recommendation-api.js';
export type RunbookList = z.infer<typeof RunbookListResponseSchema>;
export type RunbookValidation = z.infer<typeof RunbookValidateResponseSchema>;

const id = (value: string) => encodeURIComponent(value);

export function listRunbooks(signal?: AbortSignal): Promise<RunbookList> {
  return request('GET', '/runbooks', { signal });
}

export async function getRunbook(runbookId: string, signal?: AbortSignal): Promise<RunbookDetail> {
  return (await request<{ runbook: RunbookDetail }>('GET', `/runbooks/${id(runbookId)}`, { signal })).runbook;
}

export async function getRunbookVersion(runbookId: string, version: number, signal?: AbortSignal): Promise<string> {
  return (await request<z.infer<typeof RunbookVersionResponseSchema>>('GET', `/runbooks/${id(runbookId)}/versions/${version}`, { signal })).source;
}

export function validateRunbook(source: string): Promise<RunbookValidation> {
  return request('POST', '/runbooks/validate', { body: { source } });
}

/** Creates the runbook, or (with an id) saves a new version of it. */
export async function saveRunbook(source: string, runbookId?: string): Promise<RunbookDetail> {
  const body = { source };
  const answer = runbookId === undefined ? await request<{ runbook: RunbookDetail }>('POST', '/runbooks', { body }) : await request<{ runbook: RunbookDetail }>('PUT', `/runbooks/${id(runbookId)}`, { body });
  return answer.runbook;
}

export async function startExecution(runbookId: string, body: ExecutionStartBody): Promise<Execution> {
  return (await request<{ execution: Execution }>('POST', `/runbooks/${id(runbookId)}/executions`, { body })).execution;
}

export async function listExecutions(query: { status?: string; incident?: string; runbook?: string }, signal?: AbortSignal): Promise<Execution[]> {
  const params = new URLSearchParams({ limit: '50' });
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, value);
  return (await request<z.infer<typeof ExecutionListResponseSchema>>('GET', `/runbook-executions?${params.toString()}`, { signal })).executions;
}

export async function getExecution(executionId: string, signal?: AbortSignal): Promise<Execution> {
  return (await request<{ execution: Execution }>('GET', `/runbook-executions/${id(executionId)}`, { signal })).execution;
}

export async function decideExecution(executionId: string, decision: 'approve' | 'reject' | 'cancel', comment?: string): Promise<Execution> {
  const body = comment === undefined ? {} : { comment };
  return (await request<{ execution: Execution }>('POST', `/runbook-executions/${id(executionId)}/${decision}`, { body })).execution;
}

export function getRecommendations(incidentId: string, signal?: AbortSignal): Promise<RunbookRecommendationsResponse> {
  return request('GET', `/incidents/${id(incidentId)}/runbook-recommendations`, { signal });
}

export function runbookHref(runbookId: string): string {
  return `#/runbooks/${id(runbookId)}`;
}

export function executionHref(executionId: string): string {
  return `#/runbook-executions/${id(executionId)}`;
}
