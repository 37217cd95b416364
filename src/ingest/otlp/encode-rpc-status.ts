/**
 * google.rpc.Status as protobuf, the error body OTLP/HTTP asks for on protobuf requests.
 * The OTLP root does not include google/rpc/status.proto, and the message is two scalar
 * fields, so it is written by hand rather than pulling in another generated root:
 *   message Status { int32 code = 1; string message = 2; repeated google.protobuf.Any details = 3; }
 */

const encoder = new TextEncoder();

function varint(value: number, out: number[]): void {
  let rest = value >>> 0;
  while (rest > 0x7f) {
    out.push((rest & 0x7f) | 0x80);
    rest >>>= 7;
  }
  out.push(rest);
}

/** `code` is a gRPC status code (OTLP lets servers omit it; clients read `message`). */
export function encodeRpcStatus(code: number, message: string): Uint8Array {
  const head: number[] = [];
  if (code > 0) {
    head.push(0x08); // field 1, varint
    varint(code, head);
  }
  const text = encoder.encode(message);
  if (text.length > 0) {
    head.push(0x12); // field 2, length-delimited
    varint(text.length, head);
  }
  const out = new Uint8Array(head.length + text.length);
  out.set(head, 0);
  out.set(text, head.length);
  return out;
}

// gRPC codes for the HTTP statuses this receiver sends (gRPC's HTTP mapping, read backwards).
const GRPC_CODE_BY_HTTP_STATUS: Readonly<Record<number, number>> = {
  400: 3, // INVALID_ARGUMENT
  404: 12, // UNIMPLEMENTED
  413: 8, // RESOURCE_EXHAUSTED
  415: 3, // INVALID_ARGUMENT
  429: 14, // UNAVAILABLE
  503: 14, // UNAVAILABLE
};

export function grpcCodeForHttpStatus(status: number): number {
  return GRPC_CODE_BY_HTTP_STATUS[status] ?? (status >= 500 ? 13 /* INTERNAL */ : 2) /* UNKNOWN */;
}
