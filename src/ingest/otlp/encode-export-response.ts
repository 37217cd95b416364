/**
 * The Export*ServiceResponse a receiver replies with, in the request's encoding. A response
 * without partialSuccess means "all accepted"; with it, the client logs errorMessage and does
 * not retry (the OTLP partial-success contract).
 */
import { encodeOtlpProtobufResponse } from './otlp-protobuf.js';
import type { OtlpSignal } from './otlp-types.js';

export type OtlpEncoding = 'protobuf' | 'json';

const REJECTED_FIELD: Readonly<Record<OtlpSignal, string>> = {
  metrics: 'rejectedDataPoints',
  traces: 'rejectedSpans',
  logs: 'rejectedLogRecords',
};

export interface EncodedBody {
  contentType: string;
  body: Uint8Array | string;
}

export function encodeExportResponse(
  signal: OtlpSignal,
  encoding: OtlpEncoding,
  outcome: { rejected: number; errorMessage: string },
): EncodedBody {
  const partial = outcome.rejected > 0 || outcome.errorMessage !== '';
  if (encoding === 'protobuf') {
    const response = partial
      ? { partialSuccess: { [REJECTED_FIELD[signal]]: outcome.rejected, errorMessage: outcome.errorMessage } }
      : {};
    return { contentType: 'application/x-protobuf', body: encodeOtlpProtobufResponse(signal, response) };
  }
  // int64 travels as a decimal string in JSON, as the Collector's own receiver sends it.
  const response = partial
    ? { partialSuccess: { [REJECTED_FIELD[signal]]: String(outcome.rejected), errorMessage: outcome.errorMessage } }
    : {};
  return { contentType: 'application/json', body: JSON.stringify(response) };
}
