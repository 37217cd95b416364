/**
 * ExportMetricsServiceRequest (decoded protobuf or parsed OTLP/JSON) → OtlpMetricsRequest.
 */
import {
  fieldOf,
  readBool,
  readCount,
  readCountList,
  readDoubleList,
  readEnum,
  readInt64,
  readList,
  readMessage,
  readOptionalDouble,
  readString,
  toDouble,
  toInt64,
  asMessage,
  type Message,
} from './field-readers.js';
import { readAttributes } from './read-any-value.js';
import { readResourceGroups } from './read-resource-groups.js';
import type {
  AggregationTemporality,
  OtlpExponentialBuckets,
  OtlpExponentialHistogramPoint,
  OtlpHistogramPoint,
  OtlpMetric,
  OtlpMetricData,
  OtlpMetricsRequest,
  OtlpNumberPoint,
  OtlpSummaryPoint,
} from './otlp-types.js';

const TEMPORALITY_NAMES: Readonly<Record<string, number>> = {
  AGGREGATION_TEMPORALITY_UNSPECIFIED: 0,
  AGGREGATION_TEMPORALITY_DELTA: 1,
  AGGREGATION_TEMPORALITY_CUMULATIVE: 2,
};

function readTemporality(message: Message): AggregationTemporality {
  const value = readEnum(message, 'aggregationTemporality', TEMPORALITY_NAMES);
  if (value === 1) return 'delta';
  if (value === 2) return 'cumulative';
  return 'unspecified';
}

function readPointBase(point: Message) {
  return {
    attributes: readAttributes(point),
    startTimeUnixNano: readInt64(point, 'startTimeUnixNano'),
    timeUnixNano: readInt64(point, 'timeUnixNano'),
    flags: Number(readInt64(point, 'flags')),
  };
}

function readNumberPoint(raw: unknown): OtlpNumberPoint {
  const point = asMessage(raw, '');
  const asDouble = fieldOf(point, 'asDouble');
  const asInt = fieldOf(point, 'asInt');
  let value: number | undefined;
  if (asDouble !== undefined) value = toDouble(asDouble, 'asDouble');
  else if (asInt !== undefined) value = Number(toInt64(asInt, 'asInt'));
  return { ...readPointBase(point), value };
}

function readHistogramPoint(raw: unknown): OtlpHistogramPoint {
  const point = asMessage(raw, '');
  return {
    ...readPointBase(point),
    count: readCount(point, 'count'),
    sum: readOptionalDouble(point, 'sum'),
    bucketCounts: readCountList(point, 'bucketCounts'),
    explicitBounds: readDoubleList(point, 'explicitBounds'),
    min: readOptionalDouble(point, 'min'),
    max: readOptionalDouble(point, 'max'),
  };
}

function readBuckets(point: Message, field: string): OtlpExponentialBuckets {
  return readMessage(point, field, (buckets) => ({
    offset: Number(readInt64(buckets, 'offset')),
    bucketCounts: readCountList(buckets, 'bucketCounts'),
  })) ?? { offset: 0, bucketCounts: [] };
}

function readExponentialPoint(raw: unknown): OtlpExponentialHistogramPoint {
  const point = asMessage(raw, '');
  return {
    ...readPointBase(point),
    count: readCount(point, 'count'),
    sum: readOptionalDouble(point, 'sum'),
    scale: Number(readInt64(point, 'scale')),
    zeroCount: readCount(point, 'zeroCount'),
    positive: readBuckets(point, 'positive'),
    negative: readBuckets(point, 'negative'),
    min: readOptionalDouble(point, 'min'),
    max: readOptionalDouble(point, 'max'),
  };
}

function readSummaryPoint(raw: unknown): OtlpSummaryPoint {
  const point = asMessage(raw, '');
  return {
    ...readPointBase(point),
    count: readCount(point, 'count'),
    sum: readOptionalDouble(point, 'sum') ?? 0,
    quantiles: readList(point, 'quantileValues', (item) => {
      const quantile = asMessage(item, '');
      return { quantile: readOptionalDouble(quantile, 'quantile') ?? 0, value: readOptionalDouble(quantile, 'value') ?? 0 };
    }),
  };
}

/** The data oneof: whichever of gauge/sum/histogram/… is set. */
function readData(metric: Message): OtlpMetricData {
  const gauge = readMessage(metric, 'gauge', (data) => readList(data, 'dataPoints', readNumberPoint));
  if (gauge) return { type: 'gauge', points: gauge };
  const sum = readMessage(metric, 'sum', (data): OtlpMetricData => ({
    type: 'sum',
    temporality: readTemporality(data),
    monotonic: readBool(data, 'isMonotonic'),
    points: readList(data, 'dataPoints', readNumberPoint),
  }));
  if (sum) return sum;
  const histogram = readMessage(metric, 'histogram', (data): OtlpMetricData => ({
    type: 'histogram',
    temporality: readTemporality(data),
    points: readList(data, 'dataPoints', readHistogramPoint),
  }));
  if (histogram) return histogram;
  const exponential = readMessage(metric, 'exponentialHistogram', (data): OtlpMetricData => ({
    type: 'exponentialHistogram',
    temporality: readTemporality(data),
    points: readList(data, 'dataPoints', readExponentialPoint),
  }));
  if (exponential) return exponential;
  const summary = readMessage(metric, 'summary', (data) => readList(data, 'dataPoints', readSummaryPoint));
  if (summary) return { type: 'summary', points: summary };
  return { type: 'none' };
}

function readMetric(metric: Message): OtlpMetric {
  // A nameless metric is bad data, not a bad shape: its points are rejected one by one later.
  return {
    name: readString(metric, 'name'),
    unit: readString(metric, 'unit'),
    description: readString(metric, 'description'),
    data: readData(metric),
  };
}

export function normaliseMetrics(request: unknown): OtlpMetricsRequest {
  return readResourceGroups(
    request,
    { resources: 'resourceMetrics', scopes: 'scopeMetrics', items: 'metrics' },
    readMetric,
  );
}
