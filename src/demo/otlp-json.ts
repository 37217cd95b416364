/**
 * The subset of OTLP/JSON (opentelemetry-proto, JSON mapping) the demo emits: ids are
 * lowercase hex, 64-bit integers and nanosecond times are decimal strings, enums are numbers.
 * Pure helpers only.
 */

export type AnyValueJson =
  | { stringValue: string }
  | { intValue: string }
  | { doubleValue: number }
  | { boolValue: boolean };

export interface KeyValueJson {
  key: string;
  value: AnyValueJson;
}

export interface ResourceJson {
  attributes: KeyValueJson[];
}

export interface ScopeJson {
  name: string;
  version: string;
}

/** OTLP SpanKind numbers. */
export const SPAN_KIND = { internal: 1, server: 2, client: 3, producer: 4, consumer: 5 } as const;
/** OTLP Status.code numbers. */
export const STATUS_CODE = { unset: 0, ok: 1, error: 2 } as const;

export interface SpanEventJson {
  timeUnixNano: string;
  name: string;
  attributes: KeyValueJson[];
}

export interface SpanJson {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  attributes: KeyValueJson[];
  events: SpanEventJson[];
  status: { code: number; message?: string };
}

export interface ExportTraceRequestJson {
  resourceSpans: { resource: ResourceJson; scopeSpans: { scope: ScopeJson; spans: SpanJson[] }[] }[];
}

export interface NumberPointJson {
  attributes: KeyValueJson[];
  startTimeUnixNano?: string;
  timeUnixNano: string;
  asDouble?: number;
  asInt?: string;
}

export interface HistogramPointJson {
  attributes: KeyValueJson[];
  startTimeUnixNano: string;
  timeUnixNano: string;
  count: string;
  sum: number;
  bucketCounts: string[];
  explicitBounds: number[];
}

/** OTLP AggregationTemporality: 2 = cumulative. */
export const CUMULATIVE = 2;

export type MetricJson = { name: string; unit: string; description: string } & (
  | { gauge: { dataPoints: NumberPointJson[] } }
  | { sum: { aggregationTemporality: number; isMonotonic: boolean; dataPoints: NumberPointJson[] } }
  | { histogram: { aggregationTemporality: number; dataPoints: HistogramPointJson[] } }
);

export interface ExportMetricsRequestJson {
  resourceMetrics: { resource: ResourceJson; scopeMetrics: { scope: ScopeJson; metrics: MetricJson[] }[] }[];
}

export interface LogRecordJson {
  timeUnixNano: string;
  observedTimeUnixNano: string;
  severityNumber: number;
  severityText: string;
  body: { stringValue: string };
  attributes: KeyValueJson[];
  traceId?: string;
  spanId?: string;
}

export interface ExportLogsRequestJson {
  resourceLogs: { resource: ResourceJson; scopeLogs: { scope: ScopeJson; logRecords: LogRecordJson[] }[] }[];
}

/** Epoch milliseconds (fractional) to OTLP nanoseconds as a decimal string, microsecond precision. */
export function toUnixNano(ms: number): string {
  return (BigInt(Math.round(ms * 1000)) * 1000n).toString();
}

/** Attributes as OTLP key-values; integers become intValue, other numbers doubleValue. */
export function toKeyValues(attributes: Record<string, string | number | boolean>): KeyValueJson[] {
  return Object.entries(attributes).map(([key, value]) => ({ key, value: toAnyValue(value) }));
}

function toAnyValue(value: string | number | boolean): AnyValueJson {
  if (typeof value === 'string') return { stringValue: value };
  if (typeof value === 'boolean') return { boolValue: value };
  return Number.isInteger(value) ? { intValue: String(value) } : { doubleValue: value };
}
