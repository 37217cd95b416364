/**
 * The caller's side of each call: an HTTP CLIENT span with the callee's span as its child, a
 * database CLIENT span (postgres is uninstrumented), or a Kafka PRODUCER span whose consumer
 * runs later. A crashed callee refuses the connection at once. A pod with a network fault
 * delays what it sends: its requests here, its answers in the callee's ServeResult. Pure.
 */
import { egressDelayMs } from './fault-effects.js';
import { connectionRefused, downstreamLine } from './log-templates.js';
import type { Instance } from './instances.js';
import type { RequestEnv, ServeResult, TraceContext } from './request-sim.js';
import { makeSpan } from './span-json.js';
import type { Call } from './topology.js';
import { KAFKA, POSTGRES, SERVICE_PORT, operationSpec } from './topology.js';

const DB_ERROR_RATIO = 0.0002;

export interface CallResult {
  endMs: number;
  ok: boolean;
  reason?: string;
  /** The callee answered 200 with a body the caller cannot use. */
  malformedFrom?: string;
}

/** The callee side, passed in so calls.ts imports only types from request-sim.ts (no import cycle). */
export type Serve = (
  env: RequestEnv,
  trace: TraceContext,
  service: string,
  operationName: string,
  parentSpanId: string | undefined,
  startMs: number,
) => ServeResult;

/** Where a call is made from: the request, the calling instance and span, and when. */
export interface CallSite {
  env: RequestEnv;
  trace: TraceContext;
  caller: Instance;
  parentSpanId: string;
  startMs: number;
  serve: Serve;
}

function isDown(env: RequestEnv, service: string, timeMs: number): boolean {
  return env.faults.activeFor(service, timeMs)?.kind === 'crash';
}

/** How long the caller's request sits in its own pod's delayed network before leaving. */
function requestDelayMs(site: CallSite): number {
  return egressDelayMs(site.env.rng, site.env.faults.activeOn(site.caller, site.startMs));
}

export function performCall(site: CallSite, call: Call): CallResult {
  switch (call.kind) {
    case 'http':
      return callHttp(site, call);
    case 'db':
      return callDatabase(site, call);
    case 'publish':
      return publish(site, call);
  }
}

function callHttp(site: CallSite, call: Extract<Call, { kind: 'http' }>): CallResult {
  const { env, trace, caller, parentSpanId, startMs, serve } = site;
  const { rng, out } = env;
  const target = operationSpec(call.service, call.operation);
  const spanId = rng.hex(8);
  const path = target.route?.replace('{id}', trace.productId) ?? '/';
  const attributes: Record<string, string | number | boolean> = {
    'http.request.method': target.method ?? 'GET',
    'url.full': `http://${call.service}:${SERVICE_PORT}${path}`,
    'server.address': call.service,
    'server.port': SERVICE_PORT,
    'peer.service': call.service,
  };
  let endMs: number;
  let reason: string | undefined;
  let malformed = false;
  const sentMs = startMs + requestDelayMs(site);
  if (isDown(env, call.service, sentMs)) {
    // Nothing listens: the connection is refused within a couple of milliseconds.
    endMs = sentMs + rng.uniform(0.3, 2.5);
    reason = connectionRefused(call.service);
    attributes['error.type'] = 'ECONNREFUSED';
  } else {
    const served = serve(env, trace, call.service, call.operation, spanId, sentMs + rng.uniform(0.2, 0.9));
    endMs = served.endMs + served.answerDelayMs + rng.uniform(0.1, 0.5);
    attributes['http.response.status_code'] = served.statusCode;
    if (served.bodyBytes !== undefined) attributes['http.response.body.size'] = served.bodyBytes;
    if (!served.ok) {
      reason = `${call.service} responded ${served.statusCode}`;
      attributes['error.type'] = String(served.statusCode);
    }
    malformed = served.malformed;
  }
  out.addSpan(
    caller,
    makeSpan({
      traceId: trace.traceId,
      spanId,
      parentSpanId,
      name: target.name,
      kind: 'client',
      startMs,
      endMs,
      attributes,
      ...(reason === undefined ? {} : { error: reason }),
    }),
  );
  if (reason !== undefined) {
    const body = downstreamLine(call.service, target.name, reason);
    out.logs.push({ instance: caller, timeMs: endMs, severity: 'ERROR', body, traceId: trace.traceId, spanId });
  }
  // The HTTP exchange itself succeeded (the client span stays OK); the caller's code fails on it.
  if (malformed) return { endMs, ok: false, malformedFrom: call.service };
  return reason === undefined ? { endMs, ok: true } : { endMs, ok: false, reason };
}

function callDatabase(site: CallSite, call: Extract<Call, { kind: 'db' }>): CallResult {
  const { env, trace, caller, parentSpanId, startMs } = site;
  const { rng, out } = env;
  const spanId = rng.hex(8);
  const endMs = startMs + requestDelayMs(site) + rng.logNormal(call.medianMs, 0.35);
  const failed = rng.chance(DB_ERROR_RATIO);
  out.dbQueries++;
  if (call.operation !== 'SELECT') out.dbWrites++;
  const attributes: Record<string, string | number | boolean> = {
    'db.system': 'postgresql',
    'db.system.name': 'postgresql',
    'db.namespace': POSTGRES.database,
    'db.operation': call.operation,
    'db.operation.name': call.operation,
    'db.collection.name': call.table,
    'db.query.text': call.query,
    'server.address': POSTGRES.service,
    'server.port': POSTGRES.port,
  };
  const reason = failed ? 'canceling statement due to lock timeout' : undefined;
  if (failed) attributes['error.type'] = '55P03';
  out.addSpan(
    caller,
    makeSpan({
      traceId: trace.traceId,
      spanId,
      parentSpanId,
      name: `${call.operation} ${call.table}`,
      kind: 'client',
      startMs,
      endMs,
      attributes,
      ...(reason === undefined ? {} : { error: reason }),
    }),
  );
  if (reason === undefined) return { endMs, ok: true };
  const body = downstreamLine(POSTGRES.service, `${call.operation} ${call.table}`, `ERROR: ${reason}`);
  out.logs.push({ instance: caller, timeMs: endMs, severity: 'ERROR', body, traceId: trace.traceId, spanId });
  return { endMs, ok: false, reason };
}

function publish(site: CallSite, call: Extract<Call, { kind: 'publish' }>): CallResult {
  const { env, trace, caller, parentSpanId, startMs, serve } = site;
  const { rng, out } = env;
  const spanId = rng.hex(8);
  const endMs = startMs + requestDelayMs(site) + rng.uniform(0.8, 3.5);
  out.addSpan(
    caller,
    makeSpan({
      traceId: trace.traceId,
      spanId,
      parentSpanId,
      name: `publish ${call.topic}`,
      kind: 'producer',
      startMs,
      endMs,
      attributes: {
        'messaging.system': 'kafka',
        'messaging.destination.name': call.topic,
        'messaging.operation.type': 'publish',
        'messaging.operation.name': 'send',
        'messaging.kafka.message.key': trace.userId,
        'server.address': KAFKA.service,
        'server.port': KAFKA.port,
      },
    }),
  );
  // Asynchronous: the consumer runs after some queue lag, after the producer span ended, and
  // its outcome never reaches the producer. A crashed consumer leaves the message unconsumed.
  const consumeAtMs = endMs + rng.logNormal(12, 0.6);
  if (!isDown(env, call.service, consumeAtMs)) serve(env, trace, call.service, call.operation, spanId, consumeAtMs);
  return { endMs, ok: true };
}
