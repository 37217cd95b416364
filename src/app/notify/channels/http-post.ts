import { DeliveryError } from './delivery-error.js';

/** POSTs a JSON body with a timeout; non-2xx answers become DeliveryErrors (5xx and 429 retryable). */
export async function postJson(url: string, body: string, options: { headers?: Record<string, string>; timeoutMs: number }): Promise<void> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'opsloop-notify/1', ...options.headers },
      body,
      signal: AbortSignal.timeout(options.timeoutMs),
      redirect: 'error',
    });
  } catch (error) {
    const reason = error instanceof Error && error.name === 'TimeoutError' ? `no answer within ${options.timeoutMs} ms` : describe(error);
    throw new DeliveryError(`POST ${redact(url)} failed: ${reason}`, true, { cause: error });
  }
  if (response.ok) {
    await response.body?.cancel();
    return;
  }
  const text = (await response.text()).slice(0, 200);
  const retryable = response.status >= 500 || response.status === 429 || response.status === 408;
  throw new DeliveryError(`POST ${redact(url)} answered HTTP ${response.status}${text ? `: ${text}` : ''}`, retryable);
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.cause instanceof Error ? error.cause.message : error.message;
  return String(error);
}

/** Webhook URLs often carry their secret in the path (Slack's do): the log shows the host only. */
function redact(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.host}/…`;
}
