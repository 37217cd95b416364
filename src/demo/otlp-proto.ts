/**
 * OTLP protobuf encoding of trace exports, through the protobufjs static module that
 * @opentelemetry/otlp-transformer ships, so the demo exercises the same wire format SDKs send.
 */
import root from '@opentelemetry/otlp-transformer/build/src/generated/root.js';
import type { ExportTraceRequestJson } from './otlp-json.js';

/** The generated message classes we use; root.d.ts types the module only as a bare Root. */
export interface ProtoMessageType {
  fromObject(object: Record<string, unknown>): object;
  encode(message: object): { finish(): Uint8Array };
  decode(bytes: Uint8Array): object;
  toObject(message: object, options?: Record<string, unknown>): Record<string, unknown>;
}

interface GeneratedRoot {
  opentelemetry: {
    proto: { collector: { trace: { v1: { ExportTraceServiceRequest: ProtoMessageType } } } };
  };
}

export const ExportTraceServiceRequest: ProtoMessageType = (root as unknown as GeneratedRoot).opentelemetry.proto
  .collector.trace.v1.ExportTraceServiceRequest;

export function encodeTraces(request: ExportTraceRequestJson): Uint8Array<ArrayBuffer> {
  // fromObject reads strings in bytes fields as base64, but OTLP/JSON ids are hex: pass Buffers.
  const resourceSpans = request.resourceSpans.map((rs) => ({
    ...rs,
    scopeSpans: rs.scopeSpans.map((ss) => ({
      ...ss,
      spans: ss.spans.map((span) => ({
        ...span,
        traceId: Buffer.from(span.traceId, 'hex'),
        spanId: Buffer.from(span.spanId, 'hex'),
        ...(span.parentSpanId === undefined ? {} : { parentSpanId: Buffer.from(span.parentSpanId, 'hex') }),
      })),
    })),
  }));
  const bytes = ExportTraceServiceRequest.encode(ExportTraceServiceRequest.fromObject({ resourceSpans })).finish();
  // protobufjs may return a view into a shared pool buffer; fetch wants its own ArrayBuffer.
  return new Uint8Array(bytes);
}
