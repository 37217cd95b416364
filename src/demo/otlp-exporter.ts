/**
 * Sends the simulation's output over HTTP with global fetch: traces as OTLP protobuf, metrics
 * and logs as OTLP/JSON (so opsloop's receiver sees both encodings), changes as JSON to the
 * changes API. Back-pressure (429/503) is waited out, never dropped; any other failure throws.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { ExportLogsRequestJson, ExportMetricsRequestJson, ExportTraceRequestJson } from './otlp-json.js';
import { encodeTraces } from './otlp-proto.js';
import type { DemoChange } from './simulation.js';

/** A non-retryable answer from opsloop; carries what the server said so the cause is visible. */
export class ExportRejectedError extends Error {
  constructor(
    readonly url: string,
    readonly status: number,
    readonly body: string,
  ) {
    super(`POST ${url} answered ${status}: ${body.slice(0, 2000)}`);
    this.name = 'ExportRejectedError';
  }
}

export interface ExporterOptions {
  otlpUrl: string;
  apiUrl: string;
  /** Sent as a Bearer token when opsloop requires authentication (docs/access.md). */
  ingestToken?: string;
  /** Longest single wait before a retry, whatever Retry-After asks. @default 30000 */
  maxRetryDelayMs?: number;
  /** Connection failures are retried this many times (the server may still be starting). @default 5 */
  maxNetworkRetries?: number;
  log?: (line: string) => void;
}

export interface Exporter {
  sendTraces(request: ExportTraceRequestJson, signal?: AbortSignal): Promise<void>;
  sendMetrics(request: ExportMetricsRequestJson, signal?: AbortSignal): Promise<void>;
  sendLogs(request: ExportLogsRequestJson, signal?: AbortSignal): Promise<void>;
  postChange(change: DemoChange, signal?: AbortSignal): Promise<void>;
}

const BACKOFF_START_MS = 250;
const BACKOFF_MAX_MS = 5_000;

export function createExporter(options: ExporterOptions): Exporter {
  const maxDelayMs = options.maxRetryDelayMs ?? 30_000;
  const maxNetworkRetries = options.maxNetworkRetries ?? 5;
  const otlp = options.otlpUrl.replace(/\/+$/, '');
  const api = options.apiUrl.replace(/\/+$/, '');
  const authorization: Record<string, string> = options.ingestToken ? { authorization: `Bearer ${options.ingestToken}` } : {};

  async function post(url: string, contentType: string, body: Uint8Array<ArrayBuffer> | string, signal?: AbortSignal): Promise<void> {
    let networkFailures = 0;
    for (let attempt = 0; ; attempt++) {
      const backoffMs = Math.min(BACKOFF_MAX_MS, BACKOFF_START_MS * 2 ** attempt);
      let response: Response;
      try {
        // No abort signal on the request itself: a send in flight when the demo stops completes.
        response = await fetch(url, { method: 'POST', headers: { 'content-type': contentType, ...authorization }, body });
      } catch (error) {
        if (++networkFailures > maxNetworkRetries) throw error;
        options.log?.(`demo: POST ${url} failed (${String(error)}); retrying in ${backoffMs} ms`);
        await sleep(backoffMs, undefined, signal ? { signal } : {});
        continue;
      }
      if (response.ok) {
        await response.arrayBuffer();
        return;
      }
      const text = await response.text();
      if (response.status !== 429 && response.status !== 503) throw new ExportRejectedError(url, response.status, text);
      const waitMs = Math.min(maxDelayMs, retryAfterMs(response.headers.get('retry-after')) ?? backoffMs);
      options.log?.(`demo: ${url} answered ${response.status}; retrying in ${waitMs} ms`);
      await sleep(waitMs, undefined, signal ? { signal } : {});
    }
  }

  return {
    sendTraces: (request, signal) => post(`${otlp}/v1/traces`, 'application/x-protobuf', encodeTraces(request), signal),
    sendMetrics: (request, signal) => post(`${otlp}/v1/metrics`, 'application/json', JSON.stringify(request), signal),
    sendLogs: (request, signal) => post(`${otlp}/v1/logs`, 'application/json', JSON.stringify(request), signal),
    postChange: (change, signal) => post(`${api}/api/v1/changes`, 'application/json', JSON.stringify(change), signal),
  };
}

/** Retry-After as delta-seconds or an HTTP date (RFC 9110 §10.2.3); undefined when absent or bad. */
export function retryAfterMs(header: string | null): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  // Wall clock is right here: the server's date refers to real time, not simulated time.
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}
