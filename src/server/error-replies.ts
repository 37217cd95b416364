/**
 * The one place where failures become HTTP replies. Every error body has the shape of
 * ErrorResponseSchema: { statusCode, code, error, message }.
 */
import { STATUS_CODES } from 'node:http';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { OpsError } from '../core/errors.js';
import { validationMessage } from './validation-message.js';

/**
 * Unexpected failures answer with this code. It is not an OpsError definition on purpose:
 * nothing throws it, it only marks "a bug, see the server log".
 */
export const INTERNAL_ERROR_CODE = 'OPS_ERR_INTERNAL';

export interface ErrorBody {
  statusCode: number;
  code: string;
  error: string;
  message: string;
}

export function errorBody(statusCode: number, code: string, message: string): ErrorBody {
  return { statusCode, code, error: STATUS_CODES[statusCode] ?? 'Error', message };
}

function fromOpsError(error: OpsError): ErrorBody {
  return errorBody(error.status, error.code, error.message);
}

/** Maps any thrown value to a reply body; never leaks internals of unexpected errors. */
export function toErrorBody(error: unknown, options: { bodyLimitBytes: number; contentType?: string }): ErrorBody {
  if (error instanceof OpsError) return fromOpsError(error);
  if (hasZodFastifySchemaValidationErrors(error)) {
    const detail = validationMessage(error.validation, error.validationContext);
    return fromOpsError(new OpsError('OPS_ERR_VALIDATION', [detail]));
  }
  const fastifyError = error as Partial<FastifyError>;
  switch (fastifyError.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return fromOpsError(new OpsError('OPS_ERR_BODY_TOO_LARGE', [String(options.bodyLimitBytes)]));
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return fromOpsError(
        new OpsError('OPS_ERR_UNSUPPORTED_MEDIA_TYPE', [options.contentType ? `"${options.contentType}"` : '(none)', 'application/json']),
      );
  }
  // Fastify's own 4xx errors (malformed JSON, bad content-length …) describe the request,
  // not the server, so their message is safe to return.
  const status = fastifyError.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500 && typeof fastifyError.message === 'string') {
    return errorBody(status, 'OPS_ERR_BAD_PAYLOAD', new OpsError('OPS_ERR_BAD_PAYLOAD', [fastifyError.message]).message);
  }
  return errorBody(500, INTERNAL_ERROR_CODE, 'Internal server error; see the opsloop log for details');
}

export function installErrorReplies(app: FastifyInstance, options: { bodyLimitBytes: number; serveUi: boolean }): void {
  app.setErrorHandler((error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const body = toErrorBody(error, { bodyLimitBytes: options.bodyLimitBytes, contentType: request.headers['content-type'] });
    if (body.statusCode >= 500) request.log.error({ err: error }, 'request failed');
    return reply.status(body.statusCode).send(body);
  });

  app.setNotFoundHandler((request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split('?')[0] ?? request.url;
    // The UI routes with the URL hash, so any other GET outside the API is the UI's page.
    if (options.serveUi && request.method === 'GET' && !path.startsWith('/api/')) {
      return reply.type('text/html; charset=utf-8').sendFile('index.html');
    }
    const body = fromOpsError(new OpsError('OPS_ERR_NOT_FOUND', [`Route ${request.method} ${path}`]));
    return reply.status(404).send(body);
  });
}
