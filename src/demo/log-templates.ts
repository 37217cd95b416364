/**
 * Log line templates that read like the services' real logs, per service and per situation.
 * A bad deploy uses templates that never appear otherwise, so a log-pattern detector can see a
 * new template arrive with the new version. Pure.
 */
import type { Instance } from './instances.js';
import type { Rng } from './prng.js';
import type { InfoCandidate } from './step-collector.js';
import { PRODUCT_IDS, SERVICE_PORT } from './topology.js';

function amount(rng: Rng): string {
  return rng.uniform(9, 420).toFixed(2);
}

/** One INFO line about a request that succeeded. */
export function infoLine(rng: Rng, c: InfoCandidate): string {
  switch (c.instance.service) {
    case 'frontend':
      return `request complete http.method=${c.operation.method ?? 'GET'} http.path=${c.path} http.status=${c.statusCode} duration=${c.durationMs.toFixed(1)}ms session=${c.userId}`;
    case 'cart':
      return c.operation.method === 'POST'
        ? `Added product ${c.productId} (quantity ${rng.int(1, 3)}) to cart of user ${c.userId}`
        : `Fetched cart for user ${c.userId}: ${rng.int(0, 6)} item(s)`;
    case 'catalog':
      return c.path.endsWith('/products')
        ? `served product list count=${PRODUCT_IDS.length} cache_age=${rng.int(1, 300)}s`
        : `served product id=${c.productId} source=cache`;
    case 'recommendation':
      return `[Recv ListRecommendations] product_ids=[${[0, 1, 2, 3].map(() => `'${rng.pick(PRODUCT_IDS)}'`).join(', ')}]`;
    case 'checkout':
      return `Order placed: order_id=${rng.hex(4)}-${rng.hex(2)} user_id=${c.userId} items=${rng.int(1, 5)} total=${amount(rng)} USD`;
    case 'inventory':
      return `Reserved ${rng.int(1, 3)} unit(s) of ${c.productId}; ${rng.int(4, 180)} left in stock`;
    case 'payment':
      return `Transaction processed: transaction_id=${rng.hex(8)} card_type=${rng.pick(['visa', 'mastercard', 'amex'])} amount=${amount(rng)} USD`;
    case 'shipping':
      return `shipment created tracking_id=${rng.hex(3).toUpperCase()}-${rng.int(10000, 99999)} carrier=${rng.pick(['ups', 'dhl', 'fedex'])} eta_days=${rng.int(1, 6)}`;
    default:
      return `handled ${c.operation.name} in ${c.durationMs.toFixed(1)}ms`;
  }
}

/** Housekeeping lines a runtime prints regardless of traffic. */
export function backgroundLine(rng: Rng, instance: Instance): string {
  switch (instance.language) {
    case 'java':
      return `HikariPool-1 - Pool stats (total=10, active=${rng.int(0, 4)}, idle=${rng.int(6, 10)}, waiting=0)`;
    case 'go':
      return `gc ${rng.int(100, 9000)} @${rng.uniform(10, 9000).toFixed(3)}s 0%: heap ${rng.int(8, 60)}MB goal ${rng.int(60, 120)}MB`;
    case 'python':
      return `model cache refreshed entries=${rng.int(900, 1100)} took=${rng.int(40, 140)}ms`;
    default:
      return `health check ok uptime=${rng.int(60, 90000)}s rss=${instance.memoryMb}MB`;
  }
}

/** The service's own failure in normal times and during an error burst. */
export function failureLine(rng: Rng, service: string, operation: string): string {
  switch (service) {
    case 'cart':
      return `Error handling ${operation}: CartStore operation failed: Connection terminated unexpectedly`;
    case 'catalog':
      return `failed to serve ${operation}: product cache read: unexpected EOF`;
    case 'recommendation':
      return `Exception in ${operation}: ValueError: ranking model returned no candidates`;
    case 'checkout':
      return `Exception handling ${operation}: java.lang.IllegalStateException: order ${rng.hex(4)} cannot move from PENDING to PAID`;
    case 'inventory':
      return `Exception handling ${operation}: org.hibernate.StaleObjectStateException: Row was updated or deleted by another transaction`;
    case 'payment':
      return `Error processing charge: card processor responded 502 Bad Gateway (request_id=${rng.hex(6)})`;
    case 'shipping':
      return `failed to process message topic=orders partition=${rng.int(0, 5)} offset=${rng.int(10000, 99999)}: rate quote invalid`;
    default:
      return `Internal error handling ${operation}`;
  }
}

/** Failures only a bad release produces: a new template, stamped with the new version. */
export function badDeployLine(rng: Rng, instance: Instance, operation: string): string {
  switch (instance.language) {
    case 'nodejs':
      return `Unhandled rejection in ${operation}: TypeError: Cannot read properties of undefined (reading 'currencyCode') at normalizeAmount (/app/dist/lib/money.js:${rng.int(80, 95)}:31) version=${instance.version}`;
    case 'java':
      return `Exception in ${operation}: java.lang.NullPointerException: Cannot invoke "com.shop.model.Address.getCountry()" because "order.shipping" is null (version=${instance.version})`;
    case 'go':
      return `panic recovered in ${operation}: runtime error: invalid memory address or nil pointer dereference [signal SIGSEGV: segmentation violation code=0x1 addr=0x18] version=${instance.version}`;
    default:
      return `Exception in ${operation}: KeyError: 'feature_vector_v2' (version=${instance.version})`;
  }
}

/** The exception type recorded on the span, matching badDeployLine / failureLine. */
export function exceptionType(instance: Instance, badDeploy: boolean): string {
  if (!badDeploy) return 'InternalError';
  const byLanguage = { nodejs: 'TypeError', java: 'java.lang.NullPointerException', go: 'runtime.Error', python: 'KeyError' };
  return byLanguage[instance.language];
}

export function connectionRefused(service: string): string {
  return `connect ECONNREFUSED ${service}:${SERVICE_PORT}`;
}

export function downstreamLine(callee: string, operation: string, reason: string): string {
  return `Request to ${callee} failed: ${operation}: ${reason}`;
}

export function slowLine(operation: string, durationMs: number): string {
  return `Slow request: ${operation} took ${Math.round(durationMs)}ms (threshold 300ms)`;
}

/** The complaint a saturated runtime logs once in a while. */
export function saturationLine(rng: Rng, instance: Instance): string {
  switch (instance.language) {
    case 'java':
      return `GC overhead: ${rng.int(35, 70)}% of time spent in GC over last 15s`;
    case 'nodejs':
      return `event loop delay p99=${rng.int(180, 900)}ms exceeds 100ms`;
    default:
      return `CPU throttled: ${rng.int(40, 90)}% of CFS periods throttled in the last minute`;
  }
}

/** An exception the caller's code raises on an answer that came back 200 but malformed. */
export interface CaughtException {
  type: string;
  /** The whole ERROR line, also the span's status message. */
  message: string;
}

/** How each runtime's JSON binding fails on a callee's malformed answer. */
export function invalidResponse(rng: Rng, caller: Instance, callee: string, handler: string): CaughtException {
  switch (caller.language) {
    case 'go':
      return {
        type: '*json.UnmarshalTypeError',
        message: `failed to handle ${handler}: decode ${callee} response: json: cannot unmarshal string into Go struct field Product.price_usd.units of type int64`,
      };
    case 'java':
      return {
        type: 'com.fasterxml.jackson.databind.exc.MismatchedInputException',
        message: `Exception handling ${handler}: com.fasterxml.jackson.databind.exc.MismatchedInputException: Cannot deserialize value of type \`java.util.ArrayList<com.shop.client.${pascal(callee)}Item>\` from Object value (token \`JsonToken.START_OBJECT\`) at [Source: (${callee} response); line: 1, column: ${rng.int(1, 40)}]`,
      };
    case 'python':
      return {
        type: 'pydantic_core.ValidationError',
        message: `Exception in ${handler}: pydantic_core._pydantic_core.ValidationError: 1 validation error for ${pascal(callee)}Response products.${rng.int(0, 8)}.price_usd Field required [type=missing]`,
      };
    case 'nodejs':
      return {
        type: 'TypeError',
        message: `Error handling ${handler}: TypeError: Cannot read properties of undefined (reading 'items') in ${callee}Client.parse (/app/dist/clients/${callee}.js:${rng.int(20, 60)}:18)`,
      };
  }
}

function pascal(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** What a runtime says while its collector struggles with a leaking heap. */
export function gcPressureLine(rng: Rng, instance: Instance, heapMb: number): string {
  const heap = Math.round(heapMb);
  switch (instance.language) {
    case 'java':
      return `[gc] Pause Full (G1 Compaction Pause) ${heap}M->${heap - rng.int(1, 6)}M(${Math.round(heap * 1.1)}M) ${rng.int(300, 1400)}.${rng.int(100, 999)}ms`;
    case 'nodejs':
      return `Mark-Compact ${heap}.${rng.int(0, 9)} (${heap + 40}.0) -> ${heap - 2}.${rng.int(0, 9)} (${heap + 42}.0) MB, ${rng.int(300, 1500)}.${rng.int(0, 9)} / 0.0 ms (average mu = 0.${rng.int(100, 300)}, current mu = 0.0${rng.int(10, 60)}) allocation failure; scavenge might not succeed`;
    case 'go':
      return `gc ${rng.int(9000, 20000)} @${rng.uniform(100, 9000).toFixed(3)}s ${rng.int(20, 60)}%: heap ${heap}MB goal ${heap + rng.int(1, 8)}MB, memory limit nearly reached`;
    case 'python':
      return `gc: collecting generation 2... ${rng.int(200_000, 900_000)} objects in generation 2, done, ${rng.uniform(0.3, 1.5).toFixed(4)}s elapsed`;
  }
}

/** The last line before the kernel or the runtime kills the process for running out of memory. */
export function outOfMemoryLine(instance: Instance): string {
  switch (instance.language) {
    case 'java':
      return 'Exception in thread "http-nio-8080-exec-7" java.lang.OutOfMemoryError: Java heap space';
    case 'nodejs':
      return 'FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory';
    case 'go':
      return 'fatal error: runtime: out of memory';
    case 'python':
      return 'MemoryError: Unable to allocate array with shape (4096, 512) and data type float64';
  }
}
