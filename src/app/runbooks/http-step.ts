/**
 * The `http` step's I/O: one request with the step's method, headers and body, aborted by the
 * runner's signal. A status outside `expectStatus` fails the step with the status and the start
 * of the body. The output (status, body text up to 64 KiB, JSON when it parses) is what later
 * templates read as `steps.<id>.status`, `.body` and `.json`.
 */
import type { RunbookStep } from '../../core/runbook.js';

const MAX_BODY_CHARS = 65_536;

export async function runHttpStep(step: RunbookStep, signal: AbortSignal): Promise<Record<string, unknown>> {
  if (step.type !== 'http') throw new Error(`not an http step: ${step.type}`);
  const response = await fetch(step.url, {
    method: step.method,
    headers: { ...(step.body !== undefined ? { 'content-type': 'application/json' } : {}), ...step.headers },
    ...(step.body !== undefined ? { body: step.body } : {}),
    signal,
    redirect: 'manual',
  });
  const body = (await response.text()).slice(0, MAX_BODY_CHARS);
  if (!step.expectStatus.includes(response.status)) {
    throw new Error(`${step.method} ${step.url} answered ${response.status}${body ? `: ${body.slice(0, 200)}` : ''}`);
  }
  return { status: response.status, body, ...parsedJson(body) };
}

function parsedJson(body: string): { json?: unknown } {
  try {
    return { json: JSON.parse(body) as unknown };
  } catch {
    return {};
  }
}
