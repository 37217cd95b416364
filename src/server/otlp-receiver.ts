/**
 * The OTLP/HTTP receiver (POST /v1/metrics, /v1/traces, /v1/logs), a fastify instance of its
 * own because it listens on the OTLP port (4318), apart from the API. It does HTTP only:
 * content negotiation, decompression, status codes; decoding and conversion live in
 * src/ingest/otlp. Replies follow the OTLP/HTTP spec: 200 with an Export*ServiceResponse
 * (with partialSuccess when items were rejected), 400 for bad payloads (not retryable),
 * 503 + Retry-After when the pipeline is overloaded (retryable).
 */
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { OpsError } from '../core/errors.js';
import { encodeExportResponse } from '../ingest/otlp/encode-export-response.js';
import { OtlpIngestor } from '../ingest/otlp/otlp-ingestor.js';
import type { OtlpSignal } from '../ingest/otlp/otlp-types.js';
import type { TelemetrySink } from '../ingest/sink.js';
import { authorizeRequest } from './auth/access-control.js';
import type { Authenticator } from './auth/authenticator.js';
import { decodeContent, encodingOf, unsupportedMediaType } from './otlp-receiver-body.js';
import { errorReplyOf, sendError } from './otlp-receiver-errors.js';

export interface OtlpReceiverOptions {
  sink: TelemetrySink;
  /** Limit on the body as sent and after decompression (config otlp.bodyLimitBytes). */
  bodyLimitBytes: number;
  /** A logger to use, or true/false for fastify's default logger / none. @default false */
  logger?: FastifyBaseLogger | boolean;
  /** Retry-After on 503 replies. @default 5 */
  retryAfterSeconds?: number;
  /** Cap on cumulative series remembered for counter rates. @default 100_000 */
  maxCumulativeSeries?: number;
  /** Checks senders' ingest tokens (docs/access.md); absent: anyone may send (tests, embedding). */
  authenticator?: Authenticator;
  /** The span attributes the sink's consumers read (OtlpIngestorOptions). @default every attribute */
  spanAttributes?: ReadonlySet<string>;
}

const SIGNALS: readonly OtlpSignal[] = ['metrics', 'traces', 'logs'];

/** fastify sends Buffers as bytes; a bare Uint8Array is wrapped without copying. */
function asPayload(body: Uint8Array | string): Buffer | string {
  return typeof body === 'string' ? body : Buffer.from(body.buffer, body.byteOffset, body.byteLength);
}

function checkPositiveInteger(name: string, value: number): void {
  if (!Number.isInteger(value) || value <= 0) throw new RangeError(`${name} must be a positive integer, got ${value}`);
}

function createInstance(options: OtlpReceiverOptions): FastifyInstance {
  // Exporters post every few seconds; a log line per request would bury everything else.
  const base = { bodyLimit: options.bodyLimitBytes, logController: new LogController({ disableRequestLogging: true }) };
  const { logger = false } = options;
  // fastify 5 takes a logger instance as loggerInstance and only config/booleans as logger.
  return typeof logger === 'boolean' ? Fastify({ ...base, logger }) : Fastify({ ...base, loggerInstance: logger });
}

export function buildOtlpReceiver(options: OtlpReceiverOptions): FastifyInstance {
  checkPositiveInteger('bodyLimitBytes', options.bodyLimitBytes);
  const retryAfter = String(options.retryAfterSeconds ?? 5);
  const { sink, bodyLimitBytes } = options;
  const ingestor = new OtlpIngestor({ maxCumulativeSeries: options.maxCumulativeSeries, spanAttributes: options.spanAttributes });
  const app = createInstance(options);

  // Bodies are decoded by us (after gunzip), so every accepted type is read as raw bytes, and
  // anything else is refused before its body is read.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(['application/x-protobuf', 'application/json'], { parseAs: 'buffer' }, (_request, body, done) => {
    done(null, body);
  });
  app.addContentTypeParser('*', (request, _payload, done) => {
    done(unsupportedMediaType(request.headers['content-type']));
  });

  app.setErrorHandler((error: unknown, request, reply) => {
    const replyError = errorReplyOf(error, bodyLimitBytes);
    if (replyError.status >= 500 && replyError.status !== 503) request.log.error({ err: error }, 'OTLP request failed');
    else request.log.debug({ err: error }, 'OTLP request refused');
    const overloaded = error instanceof OpsError && error.code === 'OPS_ERR_OVERLOADED';
    return sendError(request, reply, replyError, overloaded ? { 'retry-after': retryAfter } : {});
  });

  app.setNotFoundHandler((request, reply) => {
    const notFound = new OpsError('OPS_ERR_NOT_FOUND', [`${request.method} ${request.url}`]);
    return reply.code(404).type('application/json').send({ code: notFound.code, message: notFound.message });
  });

  const handle = async (signal: OtlpSignal, request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> => {
    const contentType = request.headers['content-type'];
    const encoding = encodingOf(contentType);
    // Reached without a parser only when there is no Content-Type and no body.
    if (encoding === undefined) throw unsupportedMediaType(contentType);
    const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    const body = await decodeContent(raw, request.headers['content-encoding'], { contentType, bodyLimitBytes });
    const result = ingestor.ingest(signal, encoding, body);
    if (result.recordCount > 0) await sink.accept(result.batch);
    result.commit();
    if (result.rejected > 0) request.log.info({ signal, rejected: result.rejected }, result.errorMessage);
    const response = encodeExportResponse(signal, encoding, result);
    return reply.code(200).type(response.contentType).send(asPayload(response.body));
  };

  const { authenticator } = options;
  if (authenticator) {
    app.addHook('onRequest', async (request, reply) => {
      authorizeRequest(request, reply, 'ingest', authenticator);
    });
  }

  for (const signal of SIGNALS) {
    app.post(`/v1/${signal}`, (request, reply) => handle(signal, request, reply));
  }
  return app;
}
