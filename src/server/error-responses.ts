import { ErrorResponseSchema } from '../core/api.js';

type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 429 | 503;

/**
 * Declares the error replies a route can give, so the OpenAPI document lists them. All share
 * ErrorResponseSchema; the error handler always produces that shape.
 */
export function errorResponses<S extends ErrorStatus>(...statuses: S[]): Record<S | 500, typeof ErrorResponseSchema> {
  const responses = { 500: ErrorResponseSchema } as Record<S | 500, typeof ErrorResponseSchema>;
  for (const status of statuses) responses[status] = ErrorResponseSchema;
  return responses;
}
