/**
 * The simulated shop: which services exist, what operations they serve, what each operation
 * calls, and how long its own work takes. Pure data, so the request simulator stays generic.
 *
 *   frontend ─► catalog, recommendation (─► catalog), cart (─► postgres)
 *   frontend ─► checkout ─► cart, inventory (─► postgres), payment, postgres,
 *                           kafka topic "orders" ─► shipping (consumer)
 *
 * postgres and kafka are uninstrumented: they appear only through their callers' CLIENT and
 * PRODUCER spans (postgres also exports its own metrics, as a database exporter would).
 */

export type Language = 'nodejs' | 'go' | 'java' | 'python';

export type Call =
  | { kind: 'http'; service: string; operation: string }
  | { kind: 'db'; operation: 'SELECT' | 'INSERT' | 'UPDATE'; table: string; query: string; medianMs: number }
  | { kind: 'publish'; topic: string; service: string; operation: string };

export interface Operation {
  /** Span name: `{method} {route}` for HTTP servers (semconv), `process {topic}` for consumers. */
  name: string;
  kind: 'http' | 'consumer';
  method?: string;
  /** http.route; `{id}` is replaced by the request's product id to form url.path. */
  route?: string;
  topic?: string;
  /** Median and log-normal shape of the service's own processing time, excluding calls. */
  selfMedianMs: number;
  selfSigma: number;
  calls: readonly Call[];
}

export interface ServiceSpec {
  name: string;
  language: Language;
  version: string;
  instances: 1 | 2;
  /** Resident memory baseline of one instance. */
  memoryMb: number;
  operations: readonly Operation[];
}

/** Every service listens here; it also forms the ECONNREFUSED message when one is down. */
export const SERVICE_PORT = 8080;
export const POSTGRES = { service: 'postgres', port: 5432, database: 'shop' } as const;
export const KAFKA = { service: 'kafka', port: 9092 } as const;

function http(method: string, route: string, selfMedianMs: number, calls: readonly Call[] = []): Operation {
  return { name: `${method} ${route}`, kind: 'http', method, route, selfMedianMs, selfSigma: 0.4, calls };
}

function db(operation: 'SELECT' | 'INSERT' | 'UPDATE', table: string, query: string, medianMs: number): Call {
  return { kind: 'db', operation, table, query, medianMs };
}

const call = (service: string, operation: string): Call => ({ kind: 'http', service, operation });

export const SERVICES: readonly ServiceSpec[] = [
  {
    name: 'frontend',
    language: 'go',
    version: '2.7.1',
    instances: 2,
    memoryMb: 96,
    operations: [
      http('GET', '/', 6, [call('catalog', 'GET /api/products'), call('recommendation', 'GET /api/recommendations')]),
      http('GET', '/product/{id}', 5, [
        call('catalog', 'GET /api/products/{id}'),
        call('recommendation', 'GET /api/recommendations'),
      ]),
      http('GET', '/cart', 4, [call('cart', 'GET /api/cart')]),
      http('POST', '/cart', 4, [call('cart', 'POST /api/cart/items')]),
      http('POST', '/checkout', 7, [call('checkout', 'POST /api/checkout')]),
    ],
  },
  {
    name: 'cart',
    language: 'nodejs',
    version: '1.12.0',
    instances: 2,
    memoryMb: 180,
    operations: [
      http('GET', '/api/cart', 3, [db('SELECT', 'cart_items', 'SELECT product_id, quantity FROM cart_items WHERE user_id = $1', 1.6)]),
      http('POST', '/api/cart/items', 4, [
        db('INSERT', 'cart_items', 'INSERT INTO cart_items (user_id, product_id, quantity) VALUES ($1, $2, $3)', 2.4),
      ]),
    ],
  },
  {
    name: 'catalog',
    language: 'go',
    version: '3.2.4',
    instances: 2,
    memoryMb: 64,
    // Served from an in-memory cache refreshed in the background, hence no database calls.
    operations: [http('GET', '/api/products', 9), http('GET', '/api/products/{id}', 3)],
  },
  {
    name: 'recommendation',
    language: 'python',
    version: '0.9.3',
    instances: 1,
    memoryMb: 310,
    operations: [http('GET', '/api/recommendations', 14, [call('catalog', 'GET /api/products')])],
  },
  {
    name: 'checkout',
    language: 'java',
    version: '4.1.0',
    instances: 1,
    memoryMb: 512,
    operations: [
      http('POST', '/api/checkout', 12, [
        call('cart', 'GET /api/cart'),
        call('inventory', 'POST /api/reserve'),
        call('payment', 'POST /charge'),
        db('INSERT', 'orders', 'INSERT INTO orders (id, user_id, total_cents, currency) VALUES ($1, $2, $3, $4)', 2.8),
        { kind: 'publish', topic: 'orders', service: 'shipping', operation: 'process orders' },
      ]),
    ],
  },
  {
    name: 'inventory',
    language: 'java',
    version: '2.0.6',
    instances: 1,
    memoryMb: 420,
    operations: [
      http('POST', '/api/reserve', 4, [
        db('SELECT', 'stock', 'SELECT quantity FROM stock WHERE product_id = $1 FOR UPDATE', 1.8),
        db('UPDATE', 'stock', 'UPDATE stock SET quantity = quantity - $2 WHERE product_id = $1', 2.2),
      ]),
    ],
  },
  {
    name: 'payment',
    language: 'nodejs',
    version: '1.8.2',
    instances: 1,
    memoryMb: 150,
    // Own time includes the card network round trip, which is why it dominates checkout.
    operations: [http('POST', '/charge', 55)],
  },
  {
    name: 'shipping',
    language: 'go',
    version: '1.3.7',
    instances: 1,
    memoryMb: 72,
    operations: [{ name: 'process orders', kind: 'consumer', topic: 'orders', selfMedianMs: 20, selfSigma: 0.45, calls: [] }],
  },
];

/** Entry points at the frontend and their share of traffic. */
export const ENTRY_POINTS: readonly { operation: string; weight: number }[] = [
  { operation: 'GET /', weight: 30 },
  { operation: 'GET /product/{id}', weight: 35 },
  { operation: 'GET /cart', weight: 12 },
  { operation: 'POST /cart', weight: 13 },
  { operation: 'POST /checkout', weight: 10 },
];

/** Product ids in the style of the OpenTelemetry/Online Boutique demo catalogue. */
export const PRODUCT_IDS: readonly string[] = [
  'OLJCESPC7Z', '66VCHSJNUP', '1YMWWN1N4O', 'L9ECAV7KIM', '2ZYFJ3GM2N',
  '0PUK6V6EV0', 'LS4PSXUNUM', '9SIQT8TOJO', '6E92ZMYYFZ',
];

export function serviceSpec(name: string): ServiceSpec {
  const spec = SERVICES.find((s) => s.name === name);
  if (!spec) throw new RangeError(`Unknown demo service "${name}"`);
  return spec;
}

export function operationSpec(service: string, name: string): Operation {
  const operation = serviceSpec(service).operations.find((o) => o.name === name);
  if (!operation) throw new RangeError(`Unknown operation "${name}" of demo service "${service}"`);
  return operation;
}

/** Services somebody calls (the frontend is the entry point): the ones faults may hit. */
export function faultableServices(): string[] {
  const called = new Set<string>();
  for (const spec of SERVICES) {
    for (const operation of spec.operations) {
      for (const c of operation.calls) if (c.kind !== 'db') called.add(c.service);
    }
  }
  return SERVICES.map((s) => s.name).filter((name) => called.has(name));
}

/** Services some caller waits on over HTTP (shipping only consumes messages, so it is not one). */
export function answersCallers(service: string): boolean {
  return SERVICES.some((spec) => spec.operations.some((o) => o.calls.some((c) => c.kind === 'http' && c.service === service)));
}
