/** The HTTP call behind `opsloop rca`: POST /api/v1/rca on a running opsloop. */
import { type RcaRequest, type RcaResponse, RcaResponseSchema } from '../core/rca-api.js';
import { callApi } from './api-client.js';

export function requestRca(baseUrl: string, window: RcaRequest): Promise<RcaResponse> {
  return callApi(baseUrl, { method: 'POST', path: '/api/v1/rca', body: window, response: RcaResponseSchema, refused: 'the server refused the window' });
}
