/**
 * Realistic OTLP/protobuf ExportTraceServiceRequest bodies for bench:ingest-spans, built the
 * way a collector batches them: many (service, pod) resources per request, each with its
 * spans. Traffic is a shop of 36 services in three tiers plus four uninstrumented backends
 * (databases and a queue known only from client spans' peer attributes). A trace enters at a
 * gateway (server span + internal span), calls 2–4 services below it (client span in the
 * caller with peer attributes, server span in the callee), which may call a leaf and a
 * backend in turn. Spans carry 10–20 attributes, as HTTP, RPC and database instrumentation
 * emit. Deterministic for a seed: the load process and the in-process passes build the same
 * bodies.
 */
import { createRng, type Rng } from '../../src/demo/prng.js';
import { ExportTraceServiceRequest } from '../../src/demo/otlp-proto.js';

export interface BatchPlan {
  /** Spans per request body (traces are not split across bodies, so it is a floor + one trace). */
  spansPerBatch: number;
  batches: number;
  seed: number;
  /** Event time of the first span; each body advances event time by `batchSpanMs`. */
  startMs: number;
  batchSpanMs: number;
}

export interface TraceBatches {
  bodies: Uint8Array<ArrayBuffer>[];
  spans: number;
  bytes: number;
}

interface Service {
  name: string;
  tier: 0 | 1 | 2;
  pods: string[];
  version: string;
}

const GATEWAYS = ['web-gateway', 'mobile-gateway', 'partner-api', 'admin-portal'];
const MIDDLE = ['cart', 'checkout', 'catalog', 'search', 'pricing', 'orders', 'payments', 'shipping', 'accounts', 'reviews', 'recommendations', 'promotions'];
const LEAVES = ['inventory', 'tax', 'currency', 'fraud', 'email', 'sms', 'auth', 'sessions', 'images', 'ads', 'loyalty', 'ledger', 'geo', 'quotes', 'warehouse', 'audit', 'config', 'flags', 'rates', 'labels'];
const BACKENDS = [
  { peer: 'postgres-main', system: 'postgresql', port: 5432 },
  { peer: 'redis-cache', system: 'redis', port: 6379 },
  { peer: 'mongo-catalog', system: 'mongodb', port: 27017 },
];
const QUEUE = 'order-events';
const ROUTES = ['/api/v1/items/{id}', '/api/v1/cart', '/api/v1/checkout', '/api/v1/search', '/api/v1/orders/{id}', '/healthz'];
const METHODS = ['GET', 'GET', 'GET', 'POST', 'PUT'];

function services(rng: Rng): Service[] {
  const make = (name: string, tier: 0 | 1 | 2): Service => ({
    name,
    tier,
    pods: [0, 1, 2].map(() => `${name}-${rng.hex(5)}-${rng.hex(3)}`),
    version: `1.${rng.int(0, 20)}.${rng.int(0, 9)}`,
  });
  return [...GATEWAYS.map((n) => make(n, 0)), ...MIDDLE.map((n) => make(n, 1)), ...LEAVES.map((n) => make(n, 2))];
}

/** Attribute values as the generated protobuf classes take them (AnyValue oneofs). */
type AnyValue = { stringValue: string } | { intValue: number } | { boolValue: boolean } | { doubleValue: number };
interface KeyValue {
  key: string;
  value: AnyValue;
}
interface ProtoSpan {
  traceId: Uint8Array;
  spanId: Uint8Array;
  parentSpanId?: Uint8Array;
  name: string;
  kind: number;
  startTimeUnixNano: bigint;
  endTimeUnixNano: bigint;
  attributes: KeyValue[];
  status: { code: number; message?: string };
}

const KIND = { internal: 1, server: 2, client: 3, producer: 4 } as const;
const str = (key: string, value: string): KeyValue => ({ key, value: { stringValue: value } });
const int = (key: string, value: number): KeyValue => ({ key, value: { intValue: value } });
const bool = (key: string, value: boolean): KeyValue => ({ key, value: { boolValue: value } });
const dbl = (key: string, value: number): KeyValue => ({ key, value: { doubleValue: value } });

function resourceAttributes(service: Service, pod: string): KeyValue[] {
  return [
    str('service.name', service.name),
    str('service.namespace', 'shop'),
    str('service.version', service.version),
    str('deployment.environment.name', 'production'),
    str('k8s.namespace.name', 'shop'),
    str('k8s.pod.name', pod),
    str('k8s.deployment.name', service.name),
    str('k8s.node.name', `node-${pod.length % 5}`),
    str('host.name', pod),
    str('telemetry.sdk.language', 'nodejs'),
    str('telemetry.sdk.name', 'opentelemetry'),
    str('telemetry.sdk.version', '2.6.1'),
  ];
}

function httpAttributes(rng: Rng, route: string, status: number): KeyValue[] {
  return [
    str('http.request.method', rng.pick(METHODS)),
    str('http.route', route),
    str('url.path', route.replace('{id}', String(rng.int(1, 99_999)))),
    str('url.scheme', 'http'),
    int('http.response.status_code', status),
    str('network.protocol.version', '1.1'),
    str('user_agent.original', 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36'),
    str('client.address', `10.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`),
    int('thread.id', rng.int(1, 64)),
    str('app.customer.id', `c-${rng.int(1, 50_000)}`),
    int('app.cart.items', rng.int(0, 12)),
    bool('app.feature.new_checkout', rng.chance(0.3)),
  ];
}

/** Spans of one service instance, in the body's resourceSpans order. */
class ResourceSpans {
  readonly spans: ProtoSpan[] = [];
  constructor(readonly service: Service, readonly pod: string) {}
}

class BatchBuilder {
  readonly #groups = new Map<string, ResourceSpans>();
  count = 0;

  constructor(private readonly rng: Rng) {}

  add(service: Service, pod: string, span: ProtoSpan): void {
    const key = `${service.name}/${pod}`;
    let group = this.#groups.get(key);
    if (group === undefined) {
      group = new ResourceSpans(service, pod);
      this.#groups.set(key, group);
    }
    group.spans.push(span);
    this.count += 1;
  }

  encode(): Uint8Array<ArrayBuffer> {
    const resourceSpans = [...this.#groups.values()].map((group) => ({
      resource: { attributes: resourceAttributes(group.service, group.pod) },
      scopeSpans: [{ scope: { name: '@opentelemetry/instrumentation-http', version: '0.214.0' }, spans: group.spans.map(toWire) }],
    }));
    // encode takes plain objects whose fields already have wire types (Buffers, int64 as text),
    // which skips fromObject's copy; slice() detaches the bytes from protobufjs' shared pool.
    return ExportTraceServiceRequest.encode({ resourceSpans }).finish().slice();
  }

  id(bytes: number): Uint8Array {
    return Buffer.from(this.rng.hex(bytes), 'hex');
  }
}

/** protobufjs takes int64 as a decimal string (or Long), not a bigint. */
function toWire(span: ProtoSpan): Record<string, unknown> {
  return { ...span, startTimeUnixNano: String(span.startTimeUnixNano), endTimeUnixNano: String(span.endTimeUnixNano) };
}

const NANOS_PER_MS = 1_000_000n;

function nanos(ms: number): bigint {
  return BigInt(Math.round(ms * 1000)) * (NANOS_PER_MS / 1000n);
}

/** One trace: gateway → 2–4 middle services → maybe a leaf and a backend each. */
function addTrace(builder: BatchBuilder, rng: Rng, all: Service[], startMs: number): void {
  const byTier = (tier: number) => all.filter((s) => s.tier === tier);
  const traceId = builder.id(16);
  const failed = rng.chance(0.02);
  const route = rng.pick(ROUTES);

  const serverSpan = (service: Service, parent: Uint8Array | undefined, atMs: number, durationMs: number, name: string): Uint8Array => {
    const spanId = builder.id(8);
    builder.add(service, rng.pick(service.pods), {
      traceId,
      spanId,
      ...(parent ? { parentSpanId: parent } : {}),
      name,
      kind: KIND.server,
      startTimeUnixNano: nanos(atMs),
      endTimeUnixNano: nanos(atMs + durationMs),
      attributes: [...httpAttributes(rng, route, failed ? 500 : 200), str('server.address', service.name), int('server.port', 8080)],
      status: failed ? { code: 2, message: 'upstream failed' } : { code: 0 },
    });
    return spanId;
  };
  const clientSpan = (caller: Service, pod: string, parent: Uint8Array, atMs: number, durationMs: number, peer: KeyValue[], name: string): Uint8Array => {
    const spanId = builder.id(8);
    builder.add(caller, pod, {
      traceId,
      spanId,
      parentSpanId: parent,
      name,
      kind: KIND.client,
      startTimeUnixNano: nanos(atMs),
      endTimeUnixNano: nanos(atMs + durationMs),
      attributes: [...httpAttributes(rng, route, failed ? 500 : 200).slice(0, 8), ...peer, dbl('app.retry.backoff_ms', rng.uniform(0, 5))],
      status: { code: failed ? 2 : 0 },
    });
    return spanId;
  };

  const gateway = rng.pick(byTier(0));
  const total = 5 + rng.logNormal(35, 0.5);
  const root = serverSpan(gateway, undefined, startMs, total, `${rng.pick(METHODS)} ${route}`);
  const gatewayPod = rng.pick(gateway.pods);
  const handler = builder.id(8);
  builder.add(gateway, gatewayPod, {
    traceId,
    spanId: handler,
    parentSpanId: root,
    name: 'handle request',
    kind: KIND.internal,
    startTimeUnixNano: nanos(startMs + 0.2),
    endTimeUnixNano: nanos(startMs + total - 0.2),
    attributes: [str('code.function', 'handle'), str('code.namespace', 'app.routes'), int('thread.id', rng.int(1, 64)), str('app.tenant', `t-${rng.int(1, 40)}`), bool('app.cache.hit', rng.chance(0.6)), str('app.request.id', rng.hex(8)), int('app.items', rng.int(0, 30)), dbl('app.score', rng.next()), str('app.region', 'eu-west-1'), str('app.zone', 'eu-west-1a')],
    status: { code: 0 },
  });
  let atMs = startMs + 1;
  for (let call = rng.int(2, 4); call > 0; call--) {
    const callee = rng.pick(byTier(1));
    // At least 2 ms, so the nested spans below (offsets of up to 1 ms) end after they start.
    const durationMs = 2 + rng.logNormal(6, 0.6);
    const client = clientSpan(gateway, gatewayPod, handler, atMs, durationMs, [str('server.address', callee.name), int('server.port', 8080), str('peer.service', callee.name)], `${rng.pick(METHODS)}`);
    const server = serverSpan(callee, client, atMs + 0.3, durationMs - 0.6, `${rng.pick(METHODS)} ${route}`);
    const calleePod = rng.pick(callee.pods);
    if (rng.chance(0.6)) {
      const leaf = rng.pick(byTier(2));
      const leafClient = clientSpan(callee, calleePod, server, atMs + 0.5, durationMs / 3, [str('server.address', leaf.name), int('server.port', 8080), str('rpc.system', 'grpc')], `grpc.${leaf.name}/Get`);
      serverSpan(leaf, leafClient, atMs + 0.7, durationMs / 3 - 0.4, `grpc.${leaf.name}/Get`);
    }
    if (rng.chance(0.5)) {
      const backend = rng.pick(BACKENDS);
      clientSpan(callee, calleePod, server, atMs + 1, durationMs / 4, [str('db.system', backend.system), str('server.address', backend.peer), int('server.port', backend.port), str('db.namespace', 'shop'), str('db.query.text', 'SELECT id, price, stock FROM items WHERE id = $1')], `SELECT shop.items`);
    } else if (rng.chance(0.2)) {
      clientSpan(callee, calleePod, server, atMs + 1, 0.8, [str('messaging.system', 'kafka'), str('messaging.destination.name', QUEUE), str('messaging.operation.type', 'publish')], `publish ${QUEUE}`);
    }
    atMs += durationMs;
  }
}

/** All bodies of a plan, and the spans they hold. */
export function buildTraceBatches(plan: BatchPlan): TraceBatches {
  const rng = createRng(plan.seed);
  const all = services(rng.fork('services'));
  const bodies: Uint8Array<ArrayBuffer>[] = [];
  let spans = 0;
  let bytes = 0;
  for (let b = 0; b < plan.batches; b++) {
    const builder = new BatchBuilder(rng);
    const batchStart = plan.startMs + b * plan.batchSpanMs;
    while (builder.count < plan.spansPerBatch) {
      addTrace(builder, rng, all, batchStart + rng.uniform(0, plan.batchSpanMs));
    }
    const body = builder.encode();
    bodies.push(body);
    spans += builder.count;
    bytes += body.byteLength;
  }
  return { bodies, spans, bytes };
}
