/**
 * One HTTP call to a running opsloop for CLI commands. Failures become the CLI's two kinds: a
 * mistake in what was asked (the server's 400) is an InputError (exit 2); an unreachable or
 * failing server is a plain Error (exit 1), each with one line saying what to do about it.
 */
import type { z } from 'zod';
import { InputError } from './input-error.js';

export interface ApiCall<S extends z.ZodType> {
  method: 'GET' | 'POST' | 'DELETE';
  /** Path and query, e.g. /api/v1/oncall/now?schedule=primary */
  path: string;
  body?: unknown;
  schema: S;
  timeoutMs: number;
  /** Statuses that mean the user asked for something wrong (exit 2). @default [400] */
  inputStatuses?: readonly number[];
}

export async function callOpsloop<S extends z.ZodType>(baseUrl: string, call: ApiCall<S>): Promise<z.infer<S>> {
  const url = new URL(call.path, baseUrl);
  const what = `${call.method} ${url.pathname}`;
  let response: Response;
  try {
    response = await fetch(url, {
      method: call.method,
      ...(call.body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(call.body) }),
      signal: AbortSignal.timeout(call.timeoutMs),
    });
  } catch (error) {
    const reason = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
    throw new Error(`cannot reach opsloop at ${url.origin} (${reason}); is it running? Point --url at it`, { cause: error });
  }
  const text = await response.text();
  if ((call.inputStatuses ?? [400]).includes(response.status)) throw new InputError(serverMessage(text) ?? `the server refused the request (${response.status}): ${text}`);
  if (!response.ok) throw new Error(`opsloop at ${url.origin} answered ${response.status} to ${what}: ${serverMessage(text) ?? text.slice(0, 200)}`);
  const parsed = call.schema.safeParse(safeJson(text));
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
