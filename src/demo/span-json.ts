/** Builds one OTLP/JSON span from simulated times and attributes. Pure. */
import type { SpanEventJson, SpanJson } from './otlp-json.js';
import { SPAN_KIND, STATUS_CODE, toKeyValues, toUnixNano } from './otlp-json.js';

export interface SpanInput {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: keyof typeof SPAN_KIND;
  startMs: number;
  endMs: number;
  attributes: Record<string, string | number | boolean>;
  /** Set when the span failed; becomes the status message. */
  error?: string;
  /** Recorded as a semconv `exception` event when the span failed with an exception. */
  exceptionType?: string;
}

export function makeSpan(input: SpanInput): SpanJson {
  const events: SpanEventJson[] = [];
  if (input.error !== undefined && input.exceptionType !== undefined) {
    events.push({
      timeUnixNano: toUnixNano(input.endMs),
      name: 'exception',
      attributes: toKeyValues({ 'exception.type': input.exceptionType, 'exception.message': input.error }),
    });
  }
  const span: SpanJson = {
    traceId: input.traceId,
    spanId: input.spanId,
    name: input.name,
    kind: SPAN_KIND[input.kind],
    startTimeUnixNano: toUnixNano(input.startMs),
    endTimeUnixNano: toUnixNano(input.endMs),
    attributes: toKeyValues(input.attributes),
    events,
    status: input.error === undefined ? { code: STATUS_CODE.unset } : { code: STATUS_CODE.error, message: input.error },
  };
  if (input.parentSpanId !== undefined) span.parentSpanId = input.parentSpanId;
  return span;
}
