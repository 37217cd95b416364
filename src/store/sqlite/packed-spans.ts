/**
 * Span records packed for the span writer thread: a string table and typed arrays, so handing
 * a batch to the thread copies a few buffers (moved, not cloned) and a list of strings (the
 * span ids, and each distinct value of the other fields once), not ~1,000 objects. Structured
 * cloning the records cost ~5 µs per span on each side (docs/benchmarks.md, span ingest);
 * packing is one Map lookup per repeating string field and one copy of the request body (of
 * each span's bytes when packed without it).
 */
import type { SpanKind, SpanRecord, SpanStatus } from '../../core/records.js';
import { TextDecoder, TextEncoder } from 'node:util';
import { traceKeyOf } from './trace-key.js';

export interface PackedSpans {
  count: number;
  /** Distinct strings of the batch; `fields` index into it. */
  strings: string[];
  /** FIELDS entries per span: string indexes (NONE when absent), then the attributes' byte range. */
  fields: Int32Array;
  /** startMs and durationMs per span. */
  times: Float64Array;
  /**
   * The request body the spans came in, when packed with it (its first `bodyLength` bytes),
   * then each span's OTLP Span message that is not a view into that body, or its attributes as
   * UTF-8 JSON when it has none.
   */
  bytes: Uint8Array;
  /** 0 when the batch was packed without its body. */
  bodyLength: number;
}

const NONE = -1;
const FIELDS = 13;
const [TRACE, SPAN, PARENT, SERVICE, INSTANCE, NAME, KIND, STATUS, MESSAGE, PEER, BYTES_AT, BYTES_LENGTH, BYTES_JSON] = [
  0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12,
] as const;

/**
 * With `body` (the request the spans were decoded from), the body is copied once and a span's
 * bytes that lie in it are referred to by offset: one copy of the request instead of one per
 * span, and the writer thread can take the body's digest (batch-digest.ts) off the main thread.
 */
export function packSpans(spans: readonly SpanRecord[], body?: Uint8Array): PackedSpans {
  const strings: string[] = [];
  const indexes = new Map<string, number>();
  const index = (text: string | undefined): number => {
    if (text === undefined) return NONE;
    let at = indexes.get(text);
    if (at === undefined) {
      at = strings.push(text) - 1;
      indexes.set(text, at);
    }
    return at;
  };
  // Span ids are unique and a parent id is at most a few spans' parent: looking them up would
  // only grow the map (one entry per span, rehashed as it grows), so they are appended as they come.
  const append = (text: string | undefined): number => (text === undefined ? NONE : strings.push(text) - 1);
  const fields = new Int32Array(spans.length * FIELDS);
  const times = new Float64Array(spans.length * 2);
  const encoder = new TextEncoder();
  const payloads: Uint8Array[] = body ? [body] : [];
  const bodyLength = body?.byteLength ?? 0;
  let byteLength = bodyLength;
  spans.forEach((span, i) => {
    const at = i * FIELDS;
    fields[at + TRACE] = index(span.traceId);
    fields[at + SPAN] = append(span.spanId);
    fields[at + PARENT] = append(span.parentSpanId);
    fields[at + SERVICE] = index(span.service);
    fields[at + INSTANCE] = index(span.instance);
    fields[at + NAME] = index(span.name);
    fields[at + KIND] = index(span.kind);
    fields[at + STATUS] = index(span.status);
    fields[at + MESSAGE] = index(span.statusMessage);
    fields[at + PEER] = index(span.peerService);
    const payload = span.encoded ?? encoder.encode(JSON.stringify(span.attributes));
    fields[at + BYTES_LENGTH] = payload.byteLength;
    fields[at + BYTES_JSON] = span.encoded === undefined ? 1 : 0;
    const inBody = body === undefined || span.encoded === undefined ? -1 : offsetIn(body, span.encoded);
    if (inBody >= 0) fields[at + BYTES_AT] = inBody;
    else {
      fields[at + BYTES_AT] = byteLength;
      payloads.push(payload);
      byteLength += payload.byteLength;
    }
    times[i * 2] = span.startMs;
    times[i * 2 + 1] = span.durationMs;
  });
  const bytes = new Uint8Array(byteLength);
  let offset = 0;
  for (const payload of payloads) {
    bytes.set(payload, offset);
    offset += payload.byteLength;
  }
  return { count: spans.length, strings, fields, times, bytes, bodyLength };
}

/** Where `view` starts within `body`, or -1 when it is not a view into it. */
function offsetIn(body: Uint8Array, view: Uint8Array): number {
  const at = view.byteOffset - body.byteOffset;
  return view.buffer === body.buffer && at >= 0 && at + view.byteLength <= body.byteLength ? at : -1;
}

/** The request body `packed` was packed with, if any. */
export function bodyOf(packed: PackedSpans): Uint8Array | undefined {
  return packed.bodyLength > 0 ? packed.bytes.subarray(0, packed.bodyLength) : undefined;
}

/** The buffers `packed` owns, to transfer rather than copy. */
export function transferablesOf(packed: PackedSpans): ArrayBuffer[] {
  return [packed.fields.buffer as ArrayBuffer, packed.times.buffer as ArrayBuffer, packed.bytes.buffer as ArrayBuffer];
}

/** Appends span `i`'s insert parameters in pushSpanParams' column order (telemetry-rows.ts). */
export function pushPackedSpanParams(params: unknown[], packed: PackedSpans, i: number, decoder: TextDecoder): void {
  const { strings, fields, times, bytes } = packed;
  const at = i * FIELDS;
  const text = (field: number): string | null => {
    const index = fields[at + field] as number;
    return index === NONE ? null : (strings[index] as string);
  };
  const start = fields[at + BYTES_AT] as number;
  const payload = bytes.subarray(start, start + (fields[at + BYTES_LENGTH] as number));
  const traceId = text(TRACE) as string;
  params.push(
    traceId,
    text(SPAN),
    text(PARENT),
    text(SERVICE),
    text(INSTANCE),
    text(NAME),
    text(KIND) as SpanKind,
    times[i * 2],
    times[i * 2 + 1],
    text(STATUS) as SpanStatus,
    text(MESSAGE),
    text(PEER),
    fields[at + BYTES_JSON] === 1 ? decoder.decode(payload) : Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength),
    traceKeyOf(traceId),
  );
}

/** The newest start time of the batch (what a batch digest is kept until). */
export function newestStartOf(packed: PackedSpans): number {
  let newest = 0;
  for (let i = 0; i < packed.count; i++) newest = Math.max(newest, packed.times[i * 2] as number);
  return newest;
}
