/** The HTTP call behind `opsloop rca`: POST /api/v1/rca on a running opsloop (errors as in api-client.ts). */
import { type RcaRequest, type RcaResponse, RcaResponseSchema } from '../core/rca-api.js';
import { callOpsloop } from './api-client.js';
import type { ServerOptions } from './server-options.js';

/** Ranking takes about a second at most; the rest is slack for a busy server. */
const TIMEOUT_MS = 30_000;

export async function requestRca(server: ServerOptions, window: RcaRequest): Promise<RcaResponse> {
  return callOpsloop(server, { method: 'POST', path: '/api/v1/rca', body: window, schema: RcaResponseSchema, timeoutMs: TIMEOUT_MS });
}
