/**
 * One HTTP call to a running opsloop for CLI commands, with the API token of --token or
 * OPSLOOP_TOKEN. Failures become the CLI's two kinds: a mistake in what was asked (the server's
 * 400) is an InputError (exit 2); an unreachable or failing server, or a missing or too narrow
 * token, is a plain Error (exit 1), each with one line saying what to do about it.
 */
import type { z } from 'zod';
import { InputError } from './input-error.js';
import { TOKEN_ENV, type ServerOptions } from './server-options.js';

export interface ApiCall<S extends z.ZodType> {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path and query, e.g. /api/v1/oncall/now?schedule=primary */
  path: string;
  body?: unknown;
  schema: S;
  timeoutMs: number;
  /** Statuses that mean the user asked for something wrong (exit 2). @default [400] */
  inputStatuses?: readonly number[];
  /** Sent as they are, e.g. a session cookie and its CSRF token (`opsloop tokens login`). */
  headers?: Readonly<Record<string, string>>;
}

export async function callOpsloop<S extends z.ZodType>(server: ServerOptions, call: ApiCall<S>): Promise<z.infer<S>> {
  return (await callOpsloopWithHeaders(server, call)).body;
}

/** callOpsloop, also answering the reply's headers (a login's Set-Cookie). */
export async function callOpsloopWithHeaders<S extends z.ZodType>(server: ServerOptions, call: ApiCall<S>): Promise<{ body: z.infer<S>; headers: Headers }> {
  const url = new URL(call.path, server.url);
  const what = `${call.method} ${url.pathname}`;
  const headers: Record<string, string> = { ...call.headers };
  if (server.token !== undefined && server.token !== '') headers['authorization'] = `Bearer ${server.token}`;
  if (call.body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(url, {
      method: call.method,
      headers,
      ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
      signal: AbortSignal.timeout(call.timeoutMs),
    });
  } catch (error) {
    const reason = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
    throw new Error(`cannot reach opsloop at ${url.origin} (${reason}); is it running? Point --url at it`, { cause: error });
  }
  const text = await response.text();
  if (response.status === 401 || response.status === 403) throw new Error(refusal(response.status, serverMessage(text) ?? text.slice(0, 200), server.token !== undefined));
  if ((call.inputStatuses ?? [400]).includes(response.status)) throw new InputError(serverMessage(text) ?? `the server refused the request (${response.status}): ${text}`);
  if (!response.ok) throw new Error(`opsloop at ${url.origin} answered ${response.status} to ${what}: ${serverMessage(text) ?? text.slice(0, 200)}`);
  const parsed = call.schema.safeParse(safeJson(text));
  if (!parsed.success) throw new Error(`${url.origin} did not answer like opsloop (${what} gave ${text.slice(0, 80)}…); is --url right?`);
  return { body: parsed.data, headers: response.headers };
}

/** One line: what the server said, and how to get a token that works (docs/access.md). */
function refusal(status: 401 | 403, message: string, sentToken: boolean): string {
  if (status === 403) return `${message}; use a token with that scope, or ask an admin for a wider role (docs/access.md#roles)`;
  const how = `get one with \`opsloop tokens login --user <you>\` (your password) or in the web UI (your name → API tokens) and pass it as ${TOKEN_ENV} or --token (docs/access.md#tokens)`;
  return sentToken ? `${message}; the token was refused: ${how}` : `${message}; this opsloop needs an API token: ${how}`;
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
