/**
 * Error replies of the OTLP receiver, in the request's encoding: a google.rpc.Status for
 * protobuf requests (what OTLP/HTTP clients parse), `{ code, message }` JSON otherwise.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { OpsError } from '../core/errors.js';
import { encodeRpcStatus, grpcCodeForHttpStatus } from '../ingest/otlp/encode-rpc-status.js';
import { encodingOf } from './otlp-receiver-body.js';

export interface ErrorReply {
  status: number;
  code: string;
  message: string;
}

/**
 * Not an OPS_ERR_* code on purpose: there is no internal-error code in core/errors.ts yet, and
 * 500 is only ever a bug here, never a client mistake.
 */
const INTERNAL = { status: 500, code: 'OPS_ERR_INTERNAL', message: 'Internal error while handling the OTLP request' };

function statusCodeOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const status = (error as { statusCode?: unknown }).statusCode;
  return typeof status === 'number' ? status : undefined;
}

/** Maps our errors and fastify's own (body limit, bad Content-Length) to a reply. */
export function errorReplyOf(error: unknown, bodyLimitBytes: number): ErrorReply {
  if (error instanceof OpsError) return { status: error.status, code: error.code, message: error.message };
  const status = statusCodeOf(error);
  if (status === 413) {
    const tooLarge = new OpsError('OPS_ERR_BODY_TOO_LARGE', [String(bodyLimitBytes)]);
    return { status: 413, code: tooLarge.code, message: tooLarge.message };
  }
  if (status !== undefined && status >= 400 && status < 500) {
    const reason = error instanceof Error ? error.message : 'bad request';
    const bad = new OpsError('OPS_ERR_BAD_PAYLOAD', [reason]);
    return { status: bad.status, code: bad.code, message: bad.message };
  }
  return INTERNAL;
}

export function sendError(
  request: FastifyRequest,
  reply: FastifyReply,
  error: ErrorReply,
  headers: Readonly<Record<string, string>> = {},
): FastifyReply {
  reply.code(error.status).headers(headers);
  if (encodingOf(request.headers['content-type']) === 'protobuf') {
    const status = encodeRpcStatus(grpcCodeForHttpStatus(error.status), error.message);
    return reply.type('application/x-protobuf').send(Buffer.from(status.buffer, status.byteOffset, status.byteLength));
  }
  return reply.type('application/json').send({ code: error.code, message: error.message });
}
