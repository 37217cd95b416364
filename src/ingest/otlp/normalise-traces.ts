/**
 * ExportTraceServiceRequest (decoded protobuf or parsed OTLP/JSON) → OtlpTracesRequest.
 */
import { readEnum, readId, readInt64, readMessage, readString, type Message } from './field-readers.js';
import { readAttributes } from './read-any-value.js';
import { readResourceGroups } from './read-resource-groups.js';
import type { OtlpSpan, OtlpTracesRequest } from './otlp-types.js';

const SPAN_KIND_NAMES: Readonly<Record<string, number>> = {
  SPAN_KIND_UNSPECIFIED: 0,
  SPAN_KIND_INTERNAL: 1,
  SPAN_KIND_SERVER: 2,
  SPAN_KIND_CLIENT: 3,
  SPAN_KIND_PRODUCER: 4,
  SPAN_KIND_CONSUMER: 5,
};

const STATUS_CODE_NAMES: Readonly<Record<string, number>> = {
  STATUS_CODE_UNSET: 0,
  STATUS_CODE_OK: 1,
  STATUS_CODE_ERROR: 2,
};

function readSpan(span: Message): OtlpSpan {
  const status = readMessage(span, 'status', (message) => ({
    code: readEnum(message, 'code', STATUS_CODE_NAMES),
    message: readString(message, 'message'),
  }));
  return {
    traceId: readId(span, 'traceId'),
    spanId: readId(span, 'spanId'),
    parentSpanId: readId(span, 'parentSpanId'),
    name: readString(span, 'name'),
    kind: readEnum(span, 'kind', SPAN_KIND_NAMES),
    startTimeUnixNano: readInt64(span, 'startTimeUnixNano'),
    endTimeUnixNano: readInt64(span, 'endTimeUnixNano'),
    attributes: readAttributes(span),
    statusCode: status?.code ?? 0,
    statusMessage: status?.message ?? '',
  };
}

export function normaliseTraces(request: unknown): OtlpTracesRequest {
  return readResourceGroups(request, { resources: 'resourceSpans', scopes: 'scopeSpans', items: 'spans' }, readSpan);
}
