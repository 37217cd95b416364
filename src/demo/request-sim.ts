/**
 * Simulates one user request through the shop: the frontend's SERVER span, then per call (see
 * calls.ts) the callee's SERVER or CONSUMER span, recursively. Parents always enclose their
 * synchronous children; a service's self-time is the gaps between them. Active faults change
 * what each service does. Pure: all randomness comes from env.rng.
 */
import type { FaultSchedule } from './fault-schedule.js';
import type { Fleet } from './instances.js';
import { performCall } from './calls.js';
import { egressDelayMs, gcPauseMs, memoryLeakAt, WRONG_RESPONSE_RATIO } from './fault-effects.js';
import type { CaughtException } from './log-templates.js';
import { badDeployLine, exceptionType, failureLine, invalidResponse, slowLine } from './log-templates.js';
import type { Rng } from './prng.js';
import { makeSpan } from './span-json.js';
import type { StepCollector } from './step-collector.js';
import { ENTRY_POINTS, PRODUCT_IDS, SERVICE_PORT, operationSpec } from './topology.js';

/**
 * Per service and operation. Requests cross 2–7 services and queries, so this keeps the
 * frontend's end-to-end error ratio around 0.2 % (measured: 0.1–0.4 % depending on the route).
 */
const BASELINE_ERROR_RATIO = 0.0005;
const SLOW_REQUEST_MS = 300;

export interface RequestEnv {
  rng: Rng;
  fleet: Fleet;
  faults: FaultSchedule;
  out: StepCollector;
}

export interface TraceContext {
  traceId: string;
  productId: string;
  userId: string;
}

export interface ServeResult {
  endMs: number;
  ok: boolean;
  statusCode: number;
  /** Delay the answer picks up leaving the serving pod (network fault); the caller waits for it. */
  answerDelayMs: number;
  /** http.response.body.size of an HTTP answer. */
  bodyBytes?: number;
  /** A 200 whose body the caller cannot use (wrong-response fault). */
  malformed: boolean;
}

export function simulateRequest(env: RequestEnv, startMs: number): void {
  const { rng } = env;
  const total = ENTRY_POINTS.reduce((sum, e) => sum + e.weight, 0);
  let draw = rng.uniform(0, total);
  const entry = ENTRY_POINTS.find((e) => (draw -= e.weight) < 0) ?? ENTRY_POINTS[0];
  if (!entry) return;
  const trace: TraceContext = { traceId: rng.hex(16), productId: rng.pick(PRODUCT_IDS), userId: `u-${rng.hex(3)}` };
  serve(env, trace, 'frontend', entry.operation, undefined, startMs);
}

export function serve(
  env: RequestEnv,
  trace: TraceContext,
  service: string,
  operationName: string,
  parentSpanId: string | undefined,
  startMs: number,
): ServeResult {
  const { rng, out } = env;
  const operation = operationSpec(service, operationName);
  const instance = rng.pick(env.fleet.byService.get(service) ?? []);
  const fault = env.faults.activeOn(instance, startMs);
  const spanId = rng.hex(8);

  let cpuMs = rng.logNormal(operation.selfMedianMs, operation.selfSigma);
  if (fault?.kind === 'cpu_saturation') cpuMs *= rng.uniform(2, 3);
  // Latency faults are waiting (a slow lock, a slow dependency the shop does not trace), not
  // CPU; so is a GC pause, which stops the request while the collector runs.
  const waitMs = (fault?.kind === 'latency' ? rng.uniform(300, 800) : 0) + gcPauseMs(rng, memoryLeakAt(fault, startMs).gcPressure);

  const badDeploy = fault?.kind === 'bad_deploy' && rng.chance(0.25);
  const ownFailure = badDeploy || (fault?.kind === 'error_burst' && rng.chance(0.4)) || rng.chance(BASELINE_ERROR_RATIO);
  // A failing request gives up part-way: it makes only the calls before its failure point.
  const callsMade = ownFailure ? rng.int(0, operation.calls.length) : operation.calls.length;
  const gapMs = cpuMs / (callsMade + 1);

  let cursor = startMs + waitMs + gapMs;
  let downstream: string | undefined;
  // An unusable answer fails in this service's own code, as an exception of its own runtime.
  let caught: CaughtException | undefined;
  for (const call of operation.calls.slice(0, callsMade)) {
    const result = performCall({ env, trace, caller: instance, parentSpanId: spanId, startMs: cursor, serve }, call);
    cursor = result.endMs;
    if (!result.ok) {
      if (result.malformedFrom === undefined) downstream = result.reason ?? 'downstream error';
      else caught = invalidResponse(rng, instance, result.malformedFrom, operation.name);
      cursor += rng.uniform(0.1, 0.6);
      break;
    }
    cursor += gapMs;
  }
  const endMs = cursor;
  const failed = ownFailure || downstream !== undefined || caught !== undefined;
  const statusCode = failed ? 500 : 200;
  const message = ownFailure
    ? badDeploy
      ? badDeployLine(rng, instance, operation.name)
      : failureLine(rng, service, operation.name)
    : (caught?.message ?? downstream);
  const thrown = ownFailure ? exceptionType(instance, badDeploy) : caught?.type;
  const malformed = !failed && fault?.kind === 'wrong_response' && rng.chance(WRONG_RESPONSE_RATIO);
  // A spoilt answer is typically an empty or truncated object, far smaller than a real one.
  const bodyBytes = operation.kind === 'http' ? Math.round(malformed ? rng.uniform(2, 60) : rng.logNormal(1200, 0.3)) : undefined;

  const path = operation.route?.replace('{id}', trace.productId) ?? '';
  const attributes: Record<string, string | number | boolean> =
    operation.kind === 'http'
      ? {
          'http.request.method': operation.method ?? 'GET',
          'http.route': operation.route ?? '/',
          'url.path': path,
          'url.scheme': 'http',
          'server.address': service,
          'server.port': SERVICE_PORT,
          'network.protocol.version': '1.1',
          'http.response.status_code': statusCode,
          ...(bodyBytes === undefined ? {} : { 'http.response.body.size': bodyBytes }),
        }
      : {
          'messaging.system': 'kafka',
          'messaging.destination.name': operation.topic ?? '',
          'messaging.operation.type': 'process',
          'messaging.operation.name': 'process',
          'messaging.consumer.group.name': service,
          'messaging.destination.partition.id': String(rng.int(0, 5)),
          'messaging.kafka.offset': rng.int(100_000, 999_999),
        };
  if (failed) attributes['error.type'] = operation.kind === 'http' ? '500' : (thrown ?? 'downstream_error');
  out.addSpan(
    instance,
    makeSpan({
      traceId: trace.traceId,
      spanId,
      ...(parentSpanId === undefined ? {} : { parentSpanId }),
      name: operation.name,
      kind: operation.kind === 'http' ? 'server' : 'consumer',
      startMs,
      endMs,
      attributes,
      ...(failed ? { error: message } : {}),
      ...(thrown === undefined ? {} : { exceptionType: thrown }),
    }),
  );

  const durationMs = endMs - startMs;
  out.served.push({ instance, operation, statusCode: operation.kind === 'http' ? statusCode : 0, error: failed, durationMs, cpuMs });
  const ids = { traceId: trace.traceId, spanId };
  if (thrown !== undefined) out.logs.push({ instance, timeMs: endMs, severity: 'ERROR', body: message ?? '', ...ids });
  if (durationMs > SLOW_REQUEST_MS && rng.chance(0.25)) {
    out.logs.push({ instance, timeMs: endMs, severity: 'WARN', body: slowLine(operation.name, durationMs), ...ids });
  }
  if (!failed) {
    out.addInfoCandidate({ instance, operation, timeMs: endMs, ...ids, productId: trace.productId, userId: trace.userId, path, statusCode, durationMs });
  }
  return {
    endMs,
    ok: !failed,
    statusCode,
    answerDelayMs: egressDelayMs(rng, fault),
    ...(bodyBytes === undefined ? {} : { bodyBytes }),
    malformed,
  };
}
