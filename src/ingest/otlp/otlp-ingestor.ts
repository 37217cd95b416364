/**
 * One OTLP export request, from body bytes to a TelemetryBatch: decode (protobuf or JSON),
 * normalise, convert. Transport-free, so the HTTP receiver (and a future gRPC one) only
 * deal with HTTP. Holds the cumulative-counter state, hence a class with one per receiver.
 */
import type { TelemetryBatch } from '../sink.js';
import { CumulativeState } from './cumulative-state.js';
import type { OtlpEncoding } from './encode-export-response.js';
import { logsToRecords } from './logs-to-records.js';
import { metricsToPoints } from './metrics-to-points.js';
import { parseOtlpJson } from './otlp-json.js';
import { decodeOtlpProtobuf } from './otlp-protobuf.js';
import { decodeTracesWire } from './decode-traces-wire.js';
import type { OtlpRequestBySignal, OtlpSignal, OtlpTracesRequest } from './otlp-types.js';
import { PEER_SERVICE_KEYS } from './peer-service.js';
import { spansToRecords } from './spans-to-records.js';

export interface OtlpIngestResult {
  batch: TelemetryBatch;
  /** Records in the batch (metric points after expansion, spans, logs). */
  recordCount: number;
  /** Items rejected: data points, spans or log records, as OTLP partial success counts them. */
  rejected: number;
  errorMessage: string;
  /** Makes the request's cumulative-state changes permanent; call after the batch is stored. */
  commit(): void;
}

export interface OtlpIngestorOptions {
  /** Cap on cumulative series remembered for rate computation. @default 100_000 */
  maxCumulativeSeries?: number;
  /**
   * The span attributes whoever receives the records reads. Spans that arrive as protobuf get
   * only these (and those naming the peer service) in SpanRecord.attributes; all of them stay in
   * the span's `encoded` bytes, which the store keeps. Building every attribute value (nearly
   * all unique strings) was most of decoding a span, for attributes nothing on the ingest path
   * reads. @default every attribute
   */
  spanAttributes?: ReadonlySet<string>;
}

const DECODERS: { [E in OtlpEncoding]: <S extends OtlpSignal>(signal: S, body: Uint8Array) => OtlpRequestBySignal[S] } = {
  protobuf: decodeOtlpProtobuf,
  json: parseOtlpJson,
};


const noop = (): void => {};

export class OtlpIngestor {
  readonly #state: CumulativeState;
  /** Traces, the bulk of the traffic, are read from protobuf bytes directly (decode-traces-wire.ts). */
  readonly #traceDecoders: { [E in OtlpEncoding]: (body: Uint8Array) => OtlpTracesRequest };

  constructor(options: OtlpIngestorOptions = {}) {
    this.#state = new CumulativeState({ maxSeries: options.maxCumulativeSeries });
    const read = options.spanAttributes;
    const spanAttributes = read === undefined ? undefined : new Set([...read, ...PEER_SERVICE_KEYS]);
    this.#traceDecoders = {
      protobuf: (body) => decodeTracesWire(body, spanAttributes ? { spanAttributes } : {}),
      json: (body) => parseOtlpJson('traces', body),
    };
  }

  /** Throws OpsError OPS_ERR_BAD_PAYLOAD when the body is not a valid request of `signal`. */
  ingest(signal: OtlpSignal, encoding: OtlpEncoding, body: Uint8Array): OtlpIngestResult {
    const decode = DECODERS[encoding];
    // Closed set of three signals, each with its own record type: a typed branch per signal.
    if (signal === 'metrics') {
      const result = metricsToPoints(decode('metrics', body), this.#state);
      return { batch: { metrics: result.points }, recordCount: result.points.length, ...pick(result), commit: result.commit };
    }
    if (signal === 'traces') {
      const result = spansToRecords(this.#traceDecoders[encoding](body));
      // A plain Uint8Array over the same bytes, not a Buffer: a batch then clones as itself.
      const spansBody = new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
      const batch = { spans: result.spans, spansBody };
      return { batch, recordCount: result.spans.length, ...pick(result), commit: noop };
    }
    const result = logsToRecords(decode('logs', body));
    return { batch: { logs: result.logs }, recordCount: result.logs.length, ...pick(result), commit: noop };
  }
}

function pick(result: { rejected: number; errorMessage: string }): { rejected: number; errorMessage: string } {
  return { rejected: result.rejected, errorMessage: result.errorMessage };
}
