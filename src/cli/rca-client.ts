/**
 * The HTTP call behind `opsloop rca`: POST /api/v1/rca on a running opsloop. Failures become
 * the CLI's two kinds: a mistake in what was asked (the server's 400) is an InputError (exit
 * 2); an unreachable or failing server is a plain Error (exit 1), each with one line saying what
 * to do about it.
 */
import { type RcaRequest, type RcaResponse, RcaResponseSchema } from '../core/rca-api.js';
import { InputError } from './input-error.js';

/** Ranking takes about a second at most; the rest is slack for a busy server. */
const TIMEOUT_MS = 30_000;

export async function requestRca(baseUrl: string, window: RcaRequest): Promise<RcaResponse> {
  const url = new URL('/api/v1/rca', baseUrl);
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(window),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    const reason = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
    throw new Error(`cannot reach opsloop at ${url.origin} (${reason}); is it running? Point --url at it`, { cause: error });
  }
  const text = await response.text();
  if (response.status === 400) throw new InputError(serverMessage(text) ?? `the server refused the window (400): ${text}`);
  if (!response.ok) {
    throw new Error(`opsloop at ${url.origin} answered ${response.status} to POST /api/v1/rca: ${serverMessage(text) ?? text.slice(0, 200)}`);
  }
  const parsed = RcaResponseSchema.safeParse(safeJson(text));
  if (!parsed.success) throw new Error(`${url.origin} did not answer like opsloop (POST /api/v1/rca gave ${text.slice(0, 80)}…); is --url right?`);
  return parsed.data;
}

/** The `message` of opsloop's error shape, when the body has one. */
function serverMessage(text: string): string | undefined {
  const body = safeJson(text);
  if (typeof body === 'object' && body !== null && 'message' in body && typeof body.message === 'string') return body.message;
  return undefined;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
