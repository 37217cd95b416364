/**
 * Synthetic spans of one request path, for the trace anomaly tests: `cart POST /cart` (server)
 * reads the cart from postgres once and charges payment once per request; durations are
 * log-normal, 0.5% of requests fail with HTTP 503. A fault switches on one change for a stretch
 * of event time. Seeded, so every run is the same.
 */
import type { SpanRecord } from '../../../../src/core/records.js';

export const T0 = Date.parse('2030-01-01T00:00:00Z');
export const MINUTE = 60_000;

export interface Fault {
  fromMs: number;
  toMs: number;
  /** Share of requests that take 10× longer. */
  slowShare?: number;
  /** Share of requests that fail with this exception type. */
  newError?: { type: string; share: number };
  /** Postgres queries per request instead of 1 (an N+1). */
  queries?: number;
  /** Share of requests that also call this peer. */
  newCall?: { peer: string; share: number };
  /** The instance the fault hits; all instances when absent. */
  instance?: string;
}

export interface Workload {
  fromMs: number;
  toMs: number;
  perSecond: number;
  faults?: Fault[];
  seed?: number;
}

/** mulberry32: a tiny seeded PRNG, enough for test traffic. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');

/** One batch per second of event time, children before their parent as SDKs export them. */
export function* shopBatches(workload: Workload): Generator<SpanRecord[]> {
  const rand = random(workload.seed ?? 1);
  const logNormal = (medianMs: number) => medianMs * Math.exp(0.3 * Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand()));
  let request = 0;
  for (let second = workload.fromMs; second < workload.toMs; second += 1000) {
    const batch: SpanRecord[] = [];
    for (let i = 0; i < workload.perSecond; i++) {
      request += 1;
      const startMs = second + Math.floor((i * 1000) / workload.perSecond);
      const instance = `cart-${request % 2}`;
      const faults = (workload.faults ?? []).filter((f) => startMs >= f.fromMs && startMs < f.toMs && (f.instance === undefined || f.instance === instance));
      const traceId = hex(request, 32);
      const parentId = hex(request * 4, 16);
      const base = { traceId, service: 'cart', instance, attributes: {} };
      const slow = faults.some((f) => f.slowShare !== undefined && rand() < f.slowShare);
      const queries = faults.find((f) => f.queries !== undefined)?.queries ?? 1;
      for (let q = 0; q < queries; q++) {
        batch.push({ ...base, spanId: hex(request * 4 + 1, 12) + hex(q, 4), parentSpanId: parentId, name: 'SELECT cart', kind: 'client', startMs, durationMs: logNormal(3), status: 'unset', peerService: 'postgres' });
      }
      batch.push({ ...base, spanId: hex(request * 4 + 2, 16), parentSpanId: parentId, name: 'POST /charge', kind: 'client', startMs, durationMs: logNormal(20), status: 'unset', peerService: 'payment' });
      const extra = faults.find((f) => f.newCall !== undefined && rand() < f.newCall.share)?.newCall;
      if (extra) batch.push({ ...base, spanId: hex(request * 4 + 3, 16), parentSpanId: parentId, name: 'GET /quote', kind: 'client', startMs, durationMs: logNormal(5), status: 'unset', peerService: extra.peer });
      const error = faults.find((f) => f.newError !== undefined && rand() < f.newError.share)?.newError;
      const failed = error !== undefined || rand() < 0.005;
      batch.push({
        ...base,
        spanId: parentId,
        name: 'POST /cart',
        kind: 'server',
        startMs,
        durationMs: logNormal(50) * (slow ? 10 : 1),
        status: failed ? 'error' : 'unset',
        attributes: error ? { 'exception.type': error.type } : failed ? { 'http.response.status_code': 503 } : {},
      });
    }
    yield batch;
  }
}

/** Every report of a detector fed the workload, batch by batch. */
export function run<T>(observe: (spans: SpanRecord[]) => T[], workload: Workload): T[] {
  const reports: T[] = [];
  for (const batch of shopBatches(workload)) reports.push(...observe(batch));
  return reports;
}
