/**
 * ExportTraceServiceRequest bytes → OtlpTracesRequest, read straight from the wire. Traces are
 * the bulk of OTLP traffic, and going through protobufjs' message objects (a Long per
 * timestamp, two objects per attribute) and then the tolerant field readers cost more than
 * storing the spans; this builds the intermediate shape in one pass. The result is the same
 * as decodeOtlpProtobuf('traces', bytes) (test/ingest/otlp/decode-traces-wire.test.ts checks
 * it on SDK payloads, apart from `encoded`: each span's own bytes, which only this path has),
 * and fields it does not use (events, links, trace state) are skipped.
 */
import { OpsError } from '../../core/errors.js';
import { readKeyValueIfWanted, readKeyValueInto } from './decode-any-value-wire.js';
import type { OtlpAttributes, OtlpResourceGroup, OtlpScope, OtlpScopeGroup, OtlpSpan, OtlpTracesRequest } from './otlp-types.js';
import { ProtobufWireError, ProtobufWireReader, WIRE, expectWireType } from './protobuf-wire-reader.js';
import { wantedKeysOf, type WantedKeys } from './wanted-keys.js';

// Field numbers from opentelemetry/proto/trace/v1/trace.proto and common/v1/common.proto.

function readStatus(reader: ProtobufWireReader, end: number, span: OtlpSpan): void {
  while (reader.pos < end) {
    const tag = reader.uint32(end);
    const field = tag >>> 3;
    if (field === 2) {
      expectWireType(tag & 7, WIRE.bytes, 'Status.message');
      span.statusMessage = reader.string(end);
    } else if (field === 3) {
      expectWireType(tag & 7, WIRE.varint, 'Status.code');
      span.statusCode = reader.uint32(end) | 0;
    } else reader.skip(tag & 7, end);
  }
}

/**
 * One Span message occupying [reader.pos, end). With `wanted`, only those attribute keys are
 * decoded (the others are checked and skipped); without it, every attribute is.
 */
export function readSpan(reader: ProtobufWireReader, end: number, wanted?: WantedKeys): OtlpSpan {
  const span: OtlpSpan = {
    traceId: '',
    spanId: '',
    parentSpanId: '',
    name: '',
    kind: 0,
    startTimeUnixNano: 0n,
    endTimeUnixNano: 0n,
    attributes: {},
    statusCode: 0,
    statusMessage: '',
  };
  while (reader.pos < end) {
    const tag = reader.uint32(end);
    const wireType = tag & 7;
    switch (tag >>> 3) {
      case 1:
        expectWireType(wireType, WIRE.bytes, 'Span.trace_id');
        span.traceId = reader.internedHex(end);
        break;
      case 2:
        expectWireType(wireType, WIRE.bytes, 'Span.span_id');
        span.spanId = reader.internedHex(end);
        break;
      case 4:
        expectWireType(wireType, WIRE.bytes, 'Span.parent_span_id');
        span.parentSpanId = reader.internedHex(end);
        break;
      case 5:
        expectWireType(wireType, WIRE.bytes, 'Span.name');
        span.name = reader.interned(end);
        break;
      case 6:
        expectWireType(wireType, WIRE.varint, 'Span.kind');
        span.kind = reader.uint32(end) | 0;
        break;
      case 7:
        expectWireType(wireType, WIRE.fixed64, 'Span.start_time_unix_nano');
        span.startTimeUnixNano = reader.fixed64(end);
        break;
      case 8:
        expectWireType(wireType, WIRE.fixed64, 'Span.end_time_unix_nano');
        span.endTimeUnixNano = reader.fixed64(end);
        break;
      case 9:
        expectWireType(wireType, WIRE.bytes, 'Span.attributes');
        if (wanted === undefined) readKeyValueInto(reader, reader.delimitedEnd(end), span.attributes);
        else readKeyValueIfWanted(reader, reader.delimitedEnd(end), wanted, span.attributes);
        break;
      case 15:
        expectWireType(wireType, WIRE.bytes, 'Span.status');
        readStatus(reader, reader.delimitedEnd(end), span);
        break;
      default:
        reader.skip(wireType, end);
    }
  }
  return span;
}

function readScope(reader: ProtobufWireReader, end: number): OtlpScope {
  const scope: OtlpScope = { name: '', version: '' };
  while (reader.pos < end) {
    const tag = reader.uint32(end);
    const field = tag >>> 3;
    if (field === 1) {
      expectWireType(tag & 7, WIRE.bytes, 'InstrumentationScope.name');
      scope.name = reader.interned(end);
    } else if (field === 2) {
      expectWireType(tag & 7, WIRE.bytes, 'InstrumentationScope.version');
      scope.version = reader.interned(end);
    } else reader.skip(tag & 7, end);
  }
  return scope;
}

function readScopeSpans(reader: ProtobufWireReader, end: number, wanted: WantedKeys | undefined): OtlpScopeGroup<OtlpSpan> {
  const group: OtlpScopeGroup<OtlpSpan> = { scope: { name: '', version: '' }, items: [] };
  while (reader.pos < end) {
    const tag = reader.uint32(end);
    const field = tag >>> 3;
    if (field === 1) {
      expectWireType(tag & 7, WIRE.bytes, 'ScopeSpans.scope');
      group.scope = readScope(reader, reader.delimitedEnd(end));
    } else if (field === 2) {
      expectWireType(tag & 7, WIRE.bytes, 'ScopeSpans.spans');
      const spanEnd = reader.delimitedEnd(end);
      const spanStart = reader.pos;
      const span = readSpan(reader, spanEnd, wanted);
      span.encoded = reader.bytes.subarray(spanStart, spanEnd);
      group.items.push(span);
    } else reader.skip(tag & 7, end);
  }
  return group;
}

/** Resource: field 1, repeated KeyValue attributes. */
function readResource(reader: ProtobufWireReader, end: number, into: OtlpAttributes): void {
  while (reader.pos < end) {
    const tag = reader.uint32(end);
    if (tag >>> 3 === 1) {
      expectWireType(tag & 7, WIRE.bytes, 'Resource.attributes');
      readKeyValueInto(reader, reader.delimitedEnd(end), into);
    } else reader.skip(tag & 7, end);
  }
}

function readResourceSpans(reader: ProtobufWireReader, end: number, wanted: WantedKeys | undefined): OtlpResourceGroup<OtlpSpan> {
  const group: OtlpResourceGroup<OtlpSpan> = { resource: {}, scopes: [] };
  while (reader.pos < end) {
    const tag = reader.uint32(end);
    const field = tag >>> 3;
    if (field === 1) {
      expectWireType(tag & 7, WIRE.bytes, 'ResourceSpans.resource');
      readResource(reader, reader.delimitedEnd(end), group.resource);
    } else if (field === 2) {
      expectWireType(tag & 7, WIRE.bytes, 'ResourceSpans.scope_spans');
      group.scopes.push(readScopeSpans(reader, reader.delimitedEnd(end), wanted));
    } else reader.skip(tag & 7, end);
  }
  return group;
}

export interface DecodeTracesOptions {
  /**
   * Span attributes to decode; the others are only checked, and stay readable in each span's
   * `encoded` bytes. @default every attribute
   */
  spanAttributes?: ReadonlySet<string>;
}

/** Malformed bytes → OPS_ERR_BAD_PAYLOAD, worded as decodeOtlpProtobuf words it. */
export function decodeTracesWire(body: Uint8Array, options: DecodeTracesOptions = {}): OtlpTracesRequest {
  const wanted = options.spanAttributes && wantedKeysOf(options.spanAttributes);
  const reader = new ProtobufWireReader(body);
  const end = body.byteLength;
  const request: OtlpTracesRequest = [];
  try {
    while (reader.pos < end) {
      const tag = reader.uint32(end);
      if (tag >>> 3 === 1) {
        expectWireType(tag & 7, WIRE.bytes, 'ExportTraceServiceRequest.resource_spans');
        request.push(readResourceSpans(reader, reader.delimitedEnd(end), wanted));
      } else reader.skip(tag & 7, end);
    }
  } catch (error) {
    if (!(error instanceof ProtobufWireError)) throw error;
    const problem = `body is not a valid protobuf ExportTraceServiceRequest (${error.message})`;
    throw new OpsError('OPS_ERR_BAD_PAYLOAD', [problem], { cause: error });
  }
  return request;
}
