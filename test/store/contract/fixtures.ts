/** Record builders for the store contract tests: a valid record, overridable field by field. */
import type {
  Alert,
  Change,
  Incident,
  LogRecord,
  MetricPoint,
  SpanRecord,
} from '../../../src/core/records.js';
import type { Store } from '../../../src/store/store.js';

/** Opens a fresh, empty store; each engine's test file passes its own. */
export type OpenStore = () => Store;

export const T0 = 1_700_000_000_000;

export function metricPoint(overrides: Partial<MetricPoint> = {}): MetricPoint {
  return {
    name: 'http.server.duration.p95',
    service: 'cart',
    instance: 'cart-1',
    labels: { method: 'GET', route: '/add' },
    timeMs: T0,
    value: 12.5,
    ...overrides,
  };
}

export function span(overrides: Partial<SpanRecord> = {}): SpanRecord {
  return {
    traceId: 'trace-1',
    spanId: 'span-1',
    service: 'cart',
    name: 'GET /add',
    kind: 'server',
    startMs: T0,
    durationMs: 3.25,
    status: 'ok',
    attributes: { 'http.route': '/add', 'http.status_code': 200, retried: false },
    ...overrides,
  };
}

export function log(overrides: Partial<LogRecord> = {}): LogRecord {
  return {
    timeMs: T0,
    service: 'cart',
    severityNumber: 9,
    severityText: 'INFO',
    body: 'added item',
    attributes: { item: 'sku-1' },
    ...overrides,
  };
}

export function alert(overrides: Partial<Alert> = {}): Alert {
  return {
    id: 'alt_1',
    fingerprint: 'fp-1',
    source: 'anomaly',
    name: 'error ratio up',
    service: 'cart',
    status: 'firing',
    severity: 'warning',
    summary: 'cart error ratio is 12%',
    labels: { team: 'shop' },
    startsMs: T0,
    lastSeenMs: T0,
    count: 1,
    evidence: {
      series: 'opsloop.service.error_ratio{service="cart"}',
      metric: 'opsloop.service.error_ratio',
      value: 0.12,
      expected: 0.01,
      score: 7.5,
      direction: 'up',
    },
    ...overrides,
  };
}

export function incident(overrides: Partial<Incident> = {}): Incident {
  return {
    id: 'inc_1',
    title: 'cart errors',
    status: 'triggered',
    severity: 'error',
    services: ['cart', 'payments'],
    startedMs: T0,
    updatedMs: T0,
    alertIds: ['alt_1'],
    causes: [
      { service: 'payments', score: 0.8, indicator: 'error ratio up', evidence: 'payments fails first' },
    ],
    ...overrides,
  };
}

export function change(overrides: Partial<Change> = {}): Change {
  return {
    id: 'chg_1',
    service: 'cart',
    kind: 'deploy',
    timeMs: T0,
    description: 'cart v1.2.3',
    version: '1.2.3',
    source: 'ci',
    ...overrides,
  };
}
