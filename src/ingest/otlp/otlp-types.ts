/**
 * The intermediate shape both OTLP encodings are normalised into before conversion to core
 * records. Protobuf and OTLP/JSON disagree on ids (bytes vs hex), int64 (Long vs string or
 * number), enums and key case; everything downstream of this shape sees one form only.
 *
 * Timestamps stay as bigint nanoseconds here (not ms) because span durations and rate
 * intervals are differences of two ~1.7e18 values: as doubles they would lose sub-µs
 * precision. Counts (int64 in the proto) become plain numbers.
 */

export type OtlpSignal = 'metrics' | 'traces' | 'logs';

/** An AnyValue as plain data; bytes are carried as base64 text. */
export type OtlpValue = string | number | boolean | null | OtlpValue[] | { [key: string]: OtlpValue };
export type OtlpAttributes = Record<string, OtlpValue>;

export interface OtlpScope {
  name: string;
  version: string;
}

export interface OtlpScopeGroup<T> {
  scope: OtlpScope;
  items: T[];
}

export interface OtlpResourceGroup<T> {
  resource: OtlpAttributes;
  scopes: OtlpScopeGroup<T>[];
}

export type AggregationTemporality = 'unspecified' | 'delta' | 'cumulative';

interface OtlpPointBase {
  attributes: OtlpAttributes;
  startTimeUnixNano: bigint;
  timeUnixNano: bigint;
  /** DataPointFlags; bit 0 is FLAG_NO_RECORDED_VALUE (a staleness marker). */
  flags: number;
}

export interface OtlpNumberPoint extends OtlpPointBase {
  /** undefined when neither asDouble nor asInt was set. */
  value: number | undefined;
}

export interface OtlpHistogramPoint extends OtlpPointBase {
  count: number;
  sum: number | undefined;
  bucketCounts: number[];
  explicitBounds: number[];
  min: number | undefined;
  max: number | undefined;
}

export interface OtlpExponentialBuckets {
  offset: number;
  bucketCounts: number[];
}

export interface OtlpExponentialHistogramPoint extends OtlpPointBase {
  count: number;
  sum: number | undefined;
  scale: number;
  zeroCount: number;
  positive: OtlpExponentialBuckets;
  negative: OtlpExponentialBuckets;
  min: number | undefined;
  max: number | undefined;
}

export interface OtlpSummaryPoint extends OtlpPointBase {
  count: number;
  sum: number;
  quantiles: { quantile: number; value: number }[];
}

export type OtlpMetricData =
  | { type: 'gauge'; points: OtlpNumberPoint[] }
  | { type: 'sum'; temporality: AggregationTemporality; monotonic: boolean; points: OtlpNumberPoint[] }
  | { type: 'histogram'; temporality: AggregationTemporality; points: OtlpHistogramPoint[] }
  | {
      type: 'exponentialHistogram';
      temporality: AggregationTemporality;
      points: OtlpExponentialHistogramPoint[];
    }
  | { type: 'summary'; points: OtlpSummaryPoint[] }
  /** A metric with no data field set: legal on the wire, carries nothing. */
  | { type: 'none' };

export interface OtlpMetric {
  name: string;
  unit: string;
  description: string;
  data: OtlpMetricData;
}

export interface OtlpSpan {
  /** Lowercase hex; '' when absent. */
  traceId: string;
  spanId: string;
  parentSpanId: string;
  name: string;
  /** SpanKind enum value (0 unspecified … 5 consumer). */
  kind: number;
  startTimeUnixNano: bigint;
  endTimeUnixNano: bigint;
  attributes: OtlpAttributes;
  /** StatusCode enum value (0 unset, 1 ok, 2 error). */
  statusCode: number;
  statusMessage: string;
  /**
   * The Span message's own bytes when it was read from OTLP/protobuf (a view into the request
   * body, not a copy): what the store keeps instead of re-encoding the attributes.
   */
  encoded?: Uint8Array;
}

export interface OtlpLog {
  timeUnixNano: bigint;
  observedTimeUnixNano: bigint;
  severityNumber: number;
  severityText: string;
  /** undefined when the record has no body. */
  body: OtlpValue | undefined;
  attributes: OtlpAttributes;
  traceId: string;
  spanId: string;
}

export type OtlpMetricsRequest = OtlpResourceGroup<OtlpMetric>[];
export type OtlpTracesRequest = OtlpResourceGroup<OtlpSpan>[];
export type OtlpLogsRequest = OtlpResourceGroup<OtlpLog>[];

export interface OtlpRequestBySignal {
  metrics: OtlpMetricsRequest;
  traces: OtlpTracesRequest;
  logs: OtlpLogsRequest;
}
