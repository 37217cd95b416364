/**
 * The HTTP call behind the CLI commands that ask a running opsloop. Failures become the CLI's
 * two kinds: a mistake in what was asked (the server's 400) is an InputError (exit 2); an
 * unreachable or failing server is a plain Error (exit 1), each with one line saying what to do
 * about it.
 */
import type { z } from 'zod';
import { InputError } from './input-error.js';

/** Every call is quick; the rest is slack for a busy server. */
const TIMEOUT_MS = 30_000;

export interface ApiCall<T> {
  method: 'GET' | 'POST' | 'DELETE';
  /** Path and query, e.g. "/api/v1/silences?state=active". */
  path: string;
  body?: unknown;
  response: z.ZodType<T>;
  /** Said for a 400 whose body carries no message. */
  refused: string;
}

export async function callApi<T>(baseUrl: string, call: ApiCall<T>): Promise<T> {
  const url = new URL(call.path, baseUrl);
  const what = `${call.method} ${url.pathname}`;
  let response: Response;
  try {
    response = await fetch(url, {
      method: call.method,
      ...(call.body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(call.body) }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    const reason = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
    throw new Error(`cannot reach opsloop at ${url.origin} (${reason}); is it running? Point --url at it`, { cause: error });
  }
  const text = await response.text();
  if (response.status === 400) throw new InputError(serverMessage(text) ?? `${call.refused} (400): ${text}`);
  if (response.status === 404) throw new InputError(serverMessage(text) ?? `${what}: not found`);
  if (!response.ok) {
    throw new Error(`opsloop at ${url.origin} answered ${response.status} to ${what}: ${serverMessage(text) ?? text.slice(0, 200)}`);
  }
  const parsed = call.response.safeParse(safeJson(text));
  if (!parsed.success) throw new Error(`${url.origin} did not answer like opsloop (${what} gave ${text.slice(0, 80)}…); is --url right?`);
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
